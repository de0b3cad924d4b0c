#pragma once

#include "core/feed.h"

#include <grpcpp/support/server_callback.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace google::protobuf {
class MessageLite;
}

namespace grpc {
class ByteBuffer;
class CallbackServerContext;
class Status;
} // namespace grpc

namespace platformd::core {

class PermissionTable;
class Store;
class WatchStream;

// Every Watch* RPC is a stream of one response type shaped alike: field 1 carries what changed
// (serialized once per transaction for every watcher), field 2 a WatchProgress. Streams run on
// gRPC's callback API: an open watch is a position in a feed and one write in flight, not a thread.
// WatchStreams owns them: dispatcher threads (one per core) wake the streams parked on a publish
// in chunks and, every tick (the first thread), sends due progress heartbeats, re-checks access and
// cancels a stream stuck behind a client that stopped reading.
class WatchStreams
{
public:
    struct Options
    {
        std::string method; // full method name: access and logs
        std::chrono::milliseconds progressInterval{2000};
        std::function<std::int64_t()> oldestRetained; // the progress heartbeat's field
    };

    // What a module's handler makes of a valid request: where the watcher starts, and how.
    struct Watch
    {
        FeedCursor cursor; // started: FeedCursor::start() said Ok
        Options options;
    };
    using Opened = std::variant<grpc::Status, Watch>;

    WatchStreams(Store &store, const PermissionTable &permissions);
    ~WatchStreams();
    WatchStreams(const WatchStreams &) = delete;
    WatchStreams &operator=(const WatchStreams &) = delete;

    // A Watch* handler (a raw callback method): parses raw into request, then open() validates it
    // and says where to start, or the status to refuse the call with. A request that does not
    // parse is INVALID_ARGUMENT; an exception is logged under service and answered INTERNAL
    // "internal error", like core::guarded.
    grpc::ServerWriteReactor<grpc::ByteBuffer> *
    serve(const char *service, grpc::CallbackServerContext *context, const grpc::ByteBuffer &raw,
          google::protobuf::MessageLite &request, const std::function<Opened()> &open);
    // Starts cursor (FeedCursor::start): the watch, or the status refusing it (INVALID_ARGUMENT,
    // OUT_OF_RANGE) naming why.
    static Opened start(FeedCursor cursor, Options options);
    // The reactor of a new watch.
    grpc::ServerWriteReactor<grpc::ByteBuffer> *open(grpc::CallbackServerContext *context,
                                                     Watch watch);
    // A reactor that ends the call at once with status (a refused or invalid watch).
    static grpc::ServerWriteReactor<grpc::ByteBuffer> *refuse(const grpc::Status &status);
    // Ends every stream with UNAVAILABLE ("platformd is shutting down"); later ones are refused.
    void close();

private:
    friend class WatchStream;
    void dispatch(std::vector<std::weak_ptr<FeedWaiter>> &&parked);
    void forget(const WatchStream *stream);
    void run(bool ticks);

    Store &m_store;
    const PermissionTable &m_permissions;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<std::shared_ptr<WatchStream>> m_streams;
    std::deque<std::vector<std::weak_ptr<FeedWaiter>>> m_woken; // chunks to wake
    std::vector<Feed *> m_feeds;                                // whose dispatcher this is
    bool m_closed = false;
    bool m_stopping = false;
    std::vector<std::thread> m_threads; // the first also ticks
};

} // namespace platformd::core
