#pragma once

// Console fixtures shared by the service and panel tests: a Connection opened on a test profile,
// and the region feed wired the way the app wires it (RegionClient -> RegionStore, read by
// RegionTreeModel).
// Header-only: include it from tests that link ops_services and ops_models (ops_ui does).

#include "models/regionstore.h"
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

// The region feed as the app wires it: snapshots and change batches into one store, the model
// over it.
struct RegionConsole : ConsoleFixture
{
    ops::RegionStore store;
    ops::RegionTreeModel model{&store};
    ops::RegionClient client{&connection};

    RegionConsole()
    {
        QObject::connect(&client, &ops::RegionClient::snapshotReceived, &store,
                         &ops::RegionStore::setSnapshot);
        QObject::connect(&client, &ops::RegionClient::changesReceived, &store,
                         &ops::RegionStore::applyChanges);
    }
    // Connects and starts streaming.
    void open(const QString &address, const QString &token = {})
    {
        connectTo(address, token);
        client.start();
    }
};
