#include "core/watchstream.h"

#include "core/auth.h"

#include "ops/platform/v1/common.pb.h"

#include <google/protobuf/util/time_util.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/support/byte_buffer.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>

namespace platformd::core {

namespace {

using grpc::Status;
using grpc::StatusCode;
using Clock = std::chrono::steady_clock;

constexpr auto kTick = std::chrono::milliseconds(100);
// Streams woken by one dispatcher turn.
constexpr size_t kWakeChunk = 64;
// How long a stream may sit behind its bound with a write the client does not take before it is
// cancelled (it cannot be told RESOURCE_EXHAUSTED: that would be a write too).
constexpr auto kStuckGrace = std::chrono::seconds(1);

// A length-delimited field of the response around bytes that stay shared (no copy per watcher).
grpc::ByteBuffer frame(int field, std::shared_ptr<const std::string> bytes)
{
    char header[11];
    size_t n = 0;
    header[n++] = char((field << 3) | 2);
    for (std::uint64_t size = bytes->size();; size >>= 7) {
        if (size < 0x80) {
            header[n++] = char(size);
            break;
        }
        header[n++] = char((size & 0x7f) | 0x80);
    }
    const size_t length = bytes->size();
    auto *keep = new std::shared_ptr<const std::string>(std::move(bytes));
    grpc::Slice slices[2] = {
        grpc::Slice(header, n),
        grpc::Slice(
            const_cast<char *>((*keep)->data()), length,
            [](void *p) { delete static_cast<std::shared_ptr<const std::string> *>(p); }, keep)};
    return grpc::ByteBuffer(slices, 2);
}

class Refused final : public grpc::ServerWriteReactor<grpc::ByteBuffer>
{
public:
    explicit Refused(const Status &status) { Finish(status); }
    void OnDone() override { delete this; }
};

} // namespace

// One open watch: its cursor, the write in flight and what ends it. Shared by its reactor (until
// gRPC is done with the call), its WatchStreams and, weakly, the feed it is parked on.
class WatchStream final : public FeedWaiter, public std::enable_shared_from_this<WatchStream>
{
public:
    WatchStream(WatchStreams &owner, grpc::CallbackServerContext *context, FeedCursor cursor,
                WatchStreams::Options options)
        : m_owner(owner)
        , m_context(context)
        , m_feed(cursor.feed())
        , m_options(std::move(options))
        , m_cursor(std::move(cursor))
        , m_access(owner.m_store, owner.m_permissions, context, m_options.method)
        , m_peer(context->peer())
    {}

    // Owned by gRPC from open() until OnDone.
    class Reactor final : public grpc::ServerWriteReactor<grpc::ByteBuffer>
    {
    public:
        explicit Reactor(std::shared_ptr<WatchStream> stream)
            : m_stream(std::move(stream))
        {}
        void OnWriteDone(bool ok) override { m_stream->writeDone(ok); }
        void OnCancel() override { m_stream->cancelled(); }
        void OnDone() override
        {
            m_stream->done();
            delete this;
        }

    private:
        std::shared_ptr<WatchStream> m_stream;
    };

    void attach(Reactor *reactor)
    {
        std::lock_guard lock(m_mutex);
        m_reactor = reactor;
    }

    void wake() override
    {
        {
            std::lock_guard lock(m_mutex);
            m_parked = false;
        }
        pump();
    }

    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
        }
        pump();
    }

    void tick(Clock::time_point now)
    {
        grpc::CallbackServerContext *cancel = nullptr;
        {
            std::lock_guard lock(m_mutex);
            if (!m_reactor || m_finishing)
                return;
            if (m_writing) {
                if (!m_cursor.overflowed()) {
                    m_stuckSince.reset();
                    return;
                }
                if (!m_stuckSince)
                    m_stuckSince = now;
                if (m_cancelRequested || now - *m_stuckSince < kStuckGrace)
                    return;
                m_cancelRequested = true;
                cancel = m_context;
            }
        }
        if (cancel) {
            spdlog::warn("watch: {} stopped reading, cancelled at revision {}", m_peer,
                         m_cursor.delivered());
            cancel->TryCancel();
            return;
        }
        pump();
    }

    // Starts the next write, or ends the call, or parks on the feed: whatever is due, once.
    void pump()
    {
        for (;;) {
            std::unique_lock lock(m_mutex);
            if (!m_reactor || m_writing || m_finishing)
                return;
            std::optional<Status> end;
            const auto now = Clock::now();
            if (m_cancelled) {
                end = Status(StatusCode::CANCELLED, "client went away");
            } else if (m_closing) {
                end = Status(StatusCode::UNAVAILABLE, "platformd is shutting down");
            } else if (Status refused = m_access.check(); !refused.ok()) {
                end = refused;
            } else if (m_caughtUp && now >= m_nextProgress) {
                startProgress(now);
            } else {
                using Type = FeedCursor::Item::Type;
                FeedCursor::Item item = m_cursor.next();
                switch (item.type) {
                case Type::Batch:
                    m_out = frame(1, std::move(item.bytes));
                    m_writing = true;
                    break;
                case Type::CaughtUp:
                    m_caughtUp = true;
                    startProgress(now);
                    break;
                case Type::Idle: {
                    if (m_parked)
                        return;
                    m_parked = true;
                    const std::int64_t at = m_cursor.delivered();
                    lock.unlock();
                    if (m_feed.park(at, weak_from_this()))
                        return;
                    lock.lock();
                    m_parked = false;
                    continue;
                }
                case Type::Overflow:
                    spdlog::warn("watch: {} too slow, dropped at revision {}", m_peer,
                                 m_cursor.delivered());
                    end = Status(StatusCode::RESOURCE_EXHAUSTED,
                                 "watch client too slow: more than " +
                                     std::to_string(m_cursor.maxLag()) +
                                     " undelivered transactions; resume from revision " +
                                     std::to_string(m_cursor.delivered()));
                    break;
                case Type::OutOfRange:
                    end = Status(StatusCode::OUT_OF_RANGE, m_cursor.message());
                    break;
                }
            }
            Reactor *reactor = m_reactor;
            if (end) {
                m_finishing = true;
                lock.unlock();
                reactor->Finish(*end);
                return;
            }
            lock.unlock();
            reactor->StartWrite(&m_out);
            return;
        }
    }

private:
    void startProgress(Clock::time_point now)
    {
        ops::platform::v1::WatchProgress progress;
        progress.set_revision(m_cursor.delivered());
        *progress.mutable_server_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
        progress.set_oldest_retained_revision(m_options.oldestRetained ? m_options.oldestRetained()
                                                                       : 1);
        m_out = frame(2, std::make_shared<const std::string>(progress.SerializeAsString()));
        m_writing = true;
        m_nextProgress = now + m_options.progressInterval;
    }

    void writeDone(bool ok)
    {
        {
            std::lock_guard lock(m_mutex);
            m_writing = false;
            m_stuckSince.reset();
            if (!ok)
                m_cancelled = true;
        }
        pump();
    }

    void cancelled()
    {
        {
            std::lock_guard lock(m_mutex);
            m_cancelled = true;
        }
        pump();
    }

    void done()
    {
        {
            std::lock_guard lock(m_mutex);
            m_reactor = nullptr;
        }
        m_owner.forget(this);
    }

    WatchStreams &m_owner;
    grpc::CallbackServerContext *m_context;
    Feed &m_feed;
    const WatchStreams::Options m_options;
    std::mutex m_mutex;
    Reactor *m_reactor = nullptr;
    FeedCursor m_cursor;
    StreamAccess m_access;
    const std::string m_peer;
    grpc::ByteBuffer m_out; // the write in flight
    bool m_writing = false, m_finishing = false, m_cancelled = false, m_closing = false;
    bool m_parked = false, m_caughtUp = false, m_cancelRequested = false;
    Clock::time_point m_nextProgress;
    std::optional<Clock::time_point> m_stuckSince;
};

WatchStreams::WatchStreams(Store &store, const PermissionTable &permissions)
    : m_store(store)
    , m_permissions(permissions)
{
    // One dispatcher per core (at least two): a publish wakes its streams in chunks, in parallel.
    const unsigned count = std::clamp(std::thread::hardware_concurrency(), 2u, 8u);
    for (unsigned i = 0; i < count; ++i)
        m_threads.emplace_back([this, i] { run(i == 0); });
}

WatchStreams::~WatchStreams()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (Feed *feed : m_feeds)
            feed->setDispatcher({});
    }
    m_cv.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *
WatchStreams::serve(const char *service, grpc::CallbackServerContext *context,
                    const grpc::ByteBuffer &raw, google::protobuf::MessageLite &request,
                    const std::function<Opened()> &open)
{
    try {
        std::vector<grpc::Slice> slices;
        std::string bytes;
        if (raw.Dump(&slices).ok())
            for (const grpc::Slice &slice : slices)
                bytes.append(reinterpret_cast<const char *>(slice.begin()), slice.size());
        if (!request.ParseFromString(bytes))
            return refuse(Status(StatusCode::INVALID_ARGUMENT,
                                 "request: not a valid " + request.GetTypeName()));
        Opened opened = open();
        if (auto *status = std::get_if<Status>(&opened))
            return refuse(*status);
        return this->open(context, std::move(std::get<Watch>(opened)));
    } catch (const std::exception &e) {
        spdlog::error("{}: {}", service, e.what());
        return refuse(Status(StatusCode::INTERNAL, "internal error"));
    }
}

WatchStreams::Opened WatchStreams::start(FeedCursor cursor, Options options)
{
    switch (cursor.start()) {
    case FeedCursor::Start::Ok:
        break;
    case FeedCursor::Start::OutOfRange:
        return Status(StatusCode::OUT_OF_RANGE, cursor.message());
    case FeedCursor::Start::InvalidArgument:
        return Status(StatusCode::INVALID_ARGUMENT, cursor.message());
    }
    return Watch{std::move(cursor), std::move(options)};
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchStreams::open(grpc::CallbackServerContext *context,
                                                               Watch watch)
{
    Feed &feed = watch.cursor.feed();
    spdlog::debug("watch: {} {} from revision {}", context->peer(), watch.options.method,
                  watch.cursor.delivered());
    auto stream = std::make_shared<WatchStream>(*this, context, std::move(watch.cursor),
                                                std::move(watch.options));
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return refuse(Status(StatusCode::UNAVAILABLE, "platformd is shutting down"));
        if (std::find(m_feeds.begin(), m_feeds.end(), &feed) == m_feeds.end()) {
            m_feeds.push_back(&feed);
            feed.setDispatcher([this](std::vector<std::weak_ptr<FeedWaiter>> &&parked) {
                dispatch(std::move(parked));
            });
        }
        m_streams.push_back(stream);
    }
    auto *reactor = new WatchStream::Reactor(stream);
    stream->attach(reactor);
    stream->pump();
    return reactor;
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchStreams::refuse(const grpc::Status &status)
{
    return new Refused(status);
}

void WatchStreams::close()
{
    std::vector<std::shared_ptr<WatchStream>> streams;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        streams = m_streams;
    }
    for (const auto &stream : streams)
        stream->close();
}

void WatchStreams::dispatch(std::vector<std::weak_ptr<FeedWaiter>> &&parked)
{
    {
        std::lock_guard lock(m_mutex);
        if (parked.size() <= kWakeChunk) {
            m_woken.push_back(std::move(parked));
        } else {
            for (size_t i = 0; i < parked.size(); i += kWakeChunk) {
                const auto end =
                    parked.begin() + std::ptrdiff_t(std::min(parked.size(), i + kWakeChunk));
                m_woken.emplace_back(std::make_move_iterator(parked.begin() + std::ptrdiff_t(i)),
                                     std::make_move_iterator(end));
            }
        }
    }
    m_cv.notify_all();
}

void WatchStreams::forget(const WatchStream *stream)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_streams, [stream](const auto &s) { return s.get() == stream; });
}

void WatchStreams::run(bool ticks)
{
    auto nextTick = Clock::now() + kTick;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (ticks)
            m_cv.wait_until(lock, nextTick, [this] { return m_stopping || !m_woken.empty(); });
        else
            m_cv.wait(lock, [this] { return m_stopping || !m_woken.empty(); });
        std::vector<std::weak_ptr<FeedWaiter>> woken;
        if (!m_woken.empty()) {
            woken = std::move(m_woken.front());
            m_woken.pop_front();
        }
        const auto now = Clock::now();
        std::vector<std::shared_ptr<WatchStream>> streams;
        if (ticks && now >= nextTick) {
            streams = m_streams;
            nextTick = now + kTick;
        }
        lock.unlock();
        for (const auto &weak : woken)
            if (auto waiter = weak.lock())
                waiter->wake();
        for (const auto &stream : streams)
            stream->tick(now);
        lock.lock();
    }
}

} // namespace platformd::core
