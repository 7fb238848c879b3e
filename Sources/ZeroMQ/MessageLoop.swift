import CZeroMQ
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The one thread of a process that owns ZeroMQ sockets, and the bridge between them and Swift
/// concurrency.
///
/// libzmq sockets are not thread-safe, so every socket lives its whole life on this loop's thread,
/// which blocks in `zmq_poll` on the sockets plus an `eventfd`. Async code hands it work through a
/// lock-protected command queue (and a write to the `eventfd` to wake it); received messages come
/// back on one `AsyncStream` per socket.
///
/// This is the project's single `@unchecked Sendable` edge over sockets: `entries` is touched only
/// on the loop thread, and `commands` only under its mutex.
public final class MessageLoop: @unchecked Sendable {
    public let context: Context
    private let commands = Mutex<[@Sendable (MessageLoop) -> Void]>([])
    private let nextID = Atomic<Int>(1)
    private let wakeFD: Int32
    private var entries: [Int: Entry] = [:]  // loop thread only
    private var stopping = false  // loop thread only
    private let zap: ZAPHandler?  // made before the thread starts, then used only on it
    private let finished = Mutex<Bool>(false)
    private let threadExited = DispatchSemaphore(value: 0)

    private final class Entry {
        let socket: Socket
        let continuation: AsyncStream<[[Data]]>.Continuation
        let credit: ReceiveCredit
        var pending: [[Data]] = []
        init(socket: Socket, continuation: AsyncStream<[[Data]]>.Continuation, credit: ReceiveCredit) {
            self.socket = socket
            self.continuation = continuation
            self.credit = credit
        }
    }

    /// Received messages of one socket handed over but not yet taken by its consumer, beyond which
    /// the loop stops reading that socket (``SocketMessages``).
    public let receiveLimit: Int
    /// Messages waiting to be sent on one socket (libzmq's queue was full), beyond which new ones
    /// are dropped: a request then times out and its client says so; an event is replayed.
    public let sendLimit: Int
    /// The largest message a socket of this loop accepts (`ZMQ_MAXMSGSIZE`); a peer that sends a
    /// larger one is disconnected by libzmq before it is buffered.
    public let maximumMessageBytes: Int64
    /// Why the ZAP handler could not start, when it could not: CURVE servers are then refused,
    /// since without it libzmq would accept any client that knows the server key.
    private let zapFailure: (any Error)?
    /// Messages dropped because a socket's send queue was full, for logs and tests.
    private let droppedSends = Atomic<Int>(0)

    /// - Parameter allowedClientKeys: when given, this loop answers ZAP for its context: CURVE
    ///   servers made on it accept only clients whose public key (Z85) is in the set. Without it,
    ///   libzmq accepts any client that knows the server's public key.
    /// - Parameter maximumMessageBytes: ``maximumMessageBytes``; 256 MiB by default, far above the
    ///   largest message Baoxue sends (an import batch is about 2 MB, a ledger export some tens).
    public init(
        context: Context = Context(), name: String = "zmq-loop", allowedClientKeys: Set<String>? = nil,
        receiveLimit: Int = 10_000, sendLimit: Int = 100_000, maximumMessageBytes: Int64 = 256 << 20
    ) {
        self.context = context
        self.receiveLimit = receiveLimit
        self.sendLimit = sendLimit
        self.maximumMessageBytes = maximumMessageBytes
        wakeFD = baoxue_wake_fd()
        var zapFailure: (any Error)?
        zap = allowedClientKeys.flatMap { allowed in
            do {
                return try ZAPHandler(context: context, allowed: allowed)
            } catch {
                zapFailure = error
                return nil
            }
        }
        self.zapFailure = zapFailure
        let thread = Thread { [self] in self.run() }
        thread.name = name
        thread.start()
    }

    deinit {
        Glibc.close(wakeFD)
    }

    /// Makes a socket on the loop thread and returns its handle and the stream of messages it
    /// receives, in batches of whatever arrived together (each message a list of frames). The
    /// stream ends when the socket is closed or the loop shuts down.
    public func open(_ spec: SocketSpec) async throws -> (SocketID, SocketMessages) {
        if case .server = spec.curve, let zapFailure {
            throw ZMQError(
                code: (zapFailure as? ZMQError)?.code ?? EINVAL,
                operation: "start the ZAP handler (\(zapFailure)); a CURVE server without it would accept any client that knows its key, so it is not opened")
        }
        let (stream, continuation) = AsyncStream.makeStream(of: [[Data]].self)
        let credit = ReceiveCredit(limit: receiveLimit) { [weak self] in self?.enqueue { _ in } }
        let id = SocketID(rawValue: nextID.add(1, ordering: .relaxed).oldValue)
        try await withCheckedThrowingContinuation { (result: CheckedContinuation<Void, any Error>) in
            enqueue { loop in
                do {
                    let socket = try Socket(context: loop.context, type: spec.type)
                    try socket.setOption(ZMQ_SNDHWM, spec.highWaterMark)
                    try socket.setOption(ZMQ_RCVHWM, spec.highWaterMark)
                    try socket.setOption(ZMQ_MAXMSGSIZE, int64: loop.maximumMessageBytes)
                    if let routingID = spec.routingID {
                        try socket.setOption(ZMQ_ROUTING_ID, bytes: Array(routingID.utf8))
                    }
                    // Z85 keys go in as 40 characters and a terminating zero (libzmq's 41-byte form).
                    switch spec.curve {
                    case .server(let keys):
                        try socket.setOption(ZMQ_CURVE_SERVER, 1)
                        try socket.setOption(ZMQ_CURVE_SECRETKEY, bytes: Array(keys.secretKey.utf8) + [0])
                        try socket.setOption(ZMQ_ZAP_DOMAIN, bytes: Array("baoxue".utf8))
                    case .client(let keys, let serverPublicKey):
                        try socket.setOption(ZMQ_CURVE_SERVERKEY, bytes: Array(serverPublicKey.utf8) + [0])
                        try socket.setOption(ZMQ_CURVE_PUBLICKEY, bytes: Array(keys.publicKey.utf8) + [0])
                        try socket.setOption(ZMQ_CURVE_SECRETKEY, bytes: Array(keys.secretKey.utf8) + [0])
                    case nil:
                        break
                    }
                    for prefix in spec.subscriptions { try socket.subscribe(prefix) }
                    for endpoint in spec.bind { try socket.bind(endpoint) }
                    for endpoint in spec.connect { try socket.connect(endpoint) }
                    loop.entries[id.rawValue] = Entry(socket: socket, continuation: continuation, credit: credit)
                    result.resume()
                } catch {
                    continuation.finish()
                    result.resume(throwing: error)
                }
            }
        }
        return (id, SocketMessages(stream: stream, credit: credit))
    }

    /// Messages dropped so far because a socket's send queue was full.
    public var droppedSendCount: Int { droppedSends.load(ordering: .relaxed) }

    /// The endpoint a socket bound last (for `tcp://127.0.0.1:*` binds).
    public func lastEndpoint(of id: SocketID) async -> String? {
        await withCheckedContinuation { (result: CheckedContinuation<String?, Never>) in
            enqueue { loop in result.resume(returning: loop.entries[id.rawValue]?.socket.lastEndpoint) }
        }
    }

    /// Queues a message for sending. Never blocks: a message that libzmq cannot take now waits in
    /// the socket's pending queue until the socket is writable. A message for a closed socket is
    /// dropped (its requests time out and are retried by their clients).
    public func send(_ frames: [Data], on id: SocketID) {
        enqueue { loop in
            guard let entry = loop.entries[id.rawValue] else { return }
            loop.send(frames, entry: entry)
        }
    }

    /// Sends several messages on one socket, in order: one hand-over to the loop's thread for all
    /// of them (a publisher's events of one commit, thousands during an import).
    public func send(messages: [[Data]], on id: SocketID) {
        guard !messages.isEmpty else { return }
        enqueue { loop in
            guard let entry = loop.entries[id.rawValue] else { return }
            for frames in messages { loop.send(frames, entry: entry) }
        }
    }

    /// Closes one socket; its stream ends.
    public func close(_ id: SocketID) {
        enqueue { loop in
            guard let entry = loop.entries.removeValue(forKey: id.rawValue) else { return }
            entry.socket.close()
            entry.continuation.finish()
        }
    }

    /// Closes every socket and ends the thread. Waits for the thread to finish.
    public func shutdown() {
        let already = finished.withLock { done in
            defer { done = true }
            return done
        }
        guard !already else { return }
        enqueue { loop in loop.stopping = true }
        threadExited.wait()
    }

    // MARK: Loop thread

    private func enqueue(_ command: @escaping @Sendable (MessageLoop) -> Void) {
        let wasEmpty = commands.withLock { queue in
            queue.append(command)
            return queue.count == 1
        }
        if wasEmpty {
            var one: UInt64 = 1
            _ = Glibc.write(wakeFD, &one, 8)
        }
    }

    private func send(_ frames: [Data], entry: Entry) {
        if !entry.pending.isEmpty {
            queue(frames, entry: entry)
            return
        }
        do {
            try entry.socket.send(frames, dontWait: true)
        } catch ZMQError.again {
            queue(frames, entry: entry)
        } catch {
            // EHOSTUNREACH and the like: the peer is gone; the message is dropped like PUB does.
        }
    }

    /// Keeps a message libzmq cannot take yet, up to ``sendLimit`` per socket: past it (a peer
    /// gone for long, requests piling up) the message is dropped, as PUB drops, rather than grow
    /// without bound; its request runs into its deadline and is reported unavailable.
    private func queue(_ frames: [Data], entry: Entry) {
        guard entry.pending.count < sendLimit else {
            droppedSends.add(1, ordering: .relaxed)
            return
        }
        entry.pending.append(frames)
    }

    private func flush(_ entry: Entry) {
        while let first = entry.pending.first {
            do {
                try entry.socket.send(first, dontWait: true)
                entry.pending.removeFirst()
            } catch ZMQError.again {
                return
            } catch {
                entry.pending.removeFirst()
            }
        }
    }

    private func run() {
        var items: [zmq_pollitem_t] = []
        var order: [Entry] = []
        while !stopping {
            let batch = commands.withLock { queue in
                let taken = queue
                queue.removeAll(keepingCapacity: true)
                return taken
            }
            for command in batch { command(self) }
            if stopping { break }

            items.removeAll(keepingCapacity: true)
            order.removeAll(keepingCapacity: true)
            items.append(zmq_pollitem_t(socket: nil, fd: wakeFD, events: Int16(ZMQ_POLLIN), revents: 0))
            if let zap {
                items.append(zmq_pollitem_t(socket: zap.socket.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0))
            }
            for entry in entries.values {
                // A consumer that has not taken what it was given: leave its messages in libzmq's
                // queue, whose high-water mark pushes back on the sender.
                var events = entry.credit.open ? Int16(ZMQ_POLLIN) : 0
                if !entry.pending.isEmpty { events |= Int16(ZMQ_POLLOUT) }
                if entry.socket.type == .publisher, entry.pending.isEmpty { events = 0 }
                items.append(zmq_pollitem_t(socket: entry.socket.handle, fd: 0, events: events, revents: 0))
                order.append(entry)
            }
            let ready = zmq_poll(&items, Int32(items.count), -1)
            if ready < 0 {
                if zmq_errno() == EINTR { continue }
                break
            }
            if items[0].revents & Int16(ZMQ_POLLIN) != 0 {
                var value: UInt64 = 0
                _ = Glibc.read(wakeFD, &value, 8)
            }
            let first = zap == nil ? 1 : 2
            if let zap, items[1].revents & Int16(ZMQ_POLLIN) != 0 { zap.serve() }
            for (index, entry) in order.enumerated() {
                let revents = items[index + first].revents
                if revents & Int16(ZMQ_POLLOUT) != 0 { flush(entry) }
                if revents & Int16(ZMQ_POLLIN) != 0 {
                    // Drain a bounded number so one busy socket cannot starve the others, and hand
                    // them over as one batch so a subscriber can apply them in one transaction.
                    var batch: [[Data]] = []
                    for _ in 0..<min(1_000, max(entry.credit.limit, 1)) {
                        guard let message = try? entry.socket.receive(dontWait: true) else { break }
                        batch.append(message)
                    }
                    if !batch.isEmpty {
                        entry.credit.handed(batch.count)
                        entry.continuation.yield(batch)
                    }
                }
            }
        }
        for entry in entries.values {
            entry.socket.close()
            entry.continuation.finish()
        }
        entries.removeAll()
        zap?.socket.close()
        threadExited.signal()
    }
}
