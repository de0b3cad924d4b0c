#pragma once

// The answer of one console client call (result, error), waited for on the event loop with a
// bound (never a timing): the service tests' `Answer<T>` is CallAnswer<T, TheirClient'sError>.

#include <QTest>

#include <optional>

template<typename T, typename Error>
struct CallAnswer
{
    std::optional<T> result;
    Error error;
    bool done = false;

    auto callback()
    {
        return [this](const T &value, const Error &e) {
            result = value;
            error = e;
            done = true;
        };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return done; }, 30000);
    }
};
