#pragma once

// Console fixtures shared by the service and panel tests: a Connection opened on a test profile,
// and the region feed wired the way the app wires it (RegionClient -> RegionTreeModel).
// Header-only: include it from tests that link ops_services and ops_models (ops_ui does).

#include "models/regiontreemodel.h"
#include "services/connection.h"
#include "services/regionclient.h"

#include <QObject>
#include <QString>

// A connection profile for a platformd started by the test (plain loopback, bearer token).
inline ops::ConnectionProfile testProfile(const QString &address, const QString &token = {})
{
    ops::ConnectionProfile profile;
    profile.name = QStringLiteral("test");
    profile.endpoint = address;
    profile.token = token;
    return profile;
}

// One Connection; panels and clients of a test's Console are declared after it and use it.
struct ConsoleFixture
{
    ops::Connection connection;

    void connectTo(const QString &address, const QString &token = {})
    {
        connection.open(testProfile(address, token));
    }
};

// The region feed as the app wires it: snapshots and change batches into one model.
struct RegionConsole : ConsoleFixture
{
    ops::RegionTreeModel model;
    ops::RegionClient client{&connection};

    RegionConsole()
    {
        QObject::connect(&client, &ops::RegionClient::snapshotReceived, &model,
                         &ops::RegionTreeModel::setSnapshot);
        QObject::connect(&client, &ops::RegionClient::changesReceived, &model,
                         &ops::RegionTreeModel::applyChanges);
    }
    // Connects and starts streaming.
    void open(const QString &address, const QString &token = {})
    {
        connectTo(address, token);
        client.start();
    }
};
