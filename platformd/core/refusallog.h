#pragma once

#include "core/caller.h"

#include <grpcpp/support/status.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace platformd::core {
class Store;
}

namespace platformd::core {

// Audits refused calls without letting a flood of anonymous ones become a flood of fsynced audit
// rows. Refusals of an authenticated caller (PERMISSION_DENIED) are written as they happen. For
// anonymous ones, within each one-second window the first refusal of each kind (method, code,
// message) is written at once, up to kImmediatePerSecond rows; every other one is counted, and at
// the end of the window one row per (method, code) says how many more there were ("refused 812
// more times in 1 s (counted, not written one by one)"). Nothing is lost: the rows' counts add up
// to the refusals.
class RefusalLog
{
public:
    static constexpr int kImmediatePerSecond = 20;
    static constexpr std::chrono::milliseconds kWindow{1000};

    explicit RefusalLog(core::Store &store);
    ~RefusalLog(); // writes what is still counted

    void record(const Caller &actor, const grpc::Status &status);

private:
    struct Counted
    {
        Caller actor;
        grpc::StatusCode code = grpc::StatusCode::OK;
        std::string message; // the first of the window
        std::int64_t count = 0;
    };
    void run();
    void flush();

    core::Store &m_store;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    int m_immediate = 0;
    std::set<std::string> m_seen;             // kinds written at once in this window
    std::map<std::string, Counted> m_counted; // by method, actor and code
    std::thread m_thread;
};

} // namespace platformd::core
