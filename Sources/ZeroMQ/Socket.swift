import CZeroMQ
import Foundation

/// One ZeroMQ socket. Not thread-safe, like the libzmq socket it wraps: a socket is made, used and
/// closed on one thread. ``MessageLoop`` owns sockets on its thread; benchmarks and tests may own
/// one directly on theirs.
public final class Socket {
    let handle: UnsafeMutableRawPointer
    public let type: SocketType
    private var closed = false

    public init(context: Context, type: SocketType) throws {
        guard let handle = zmq_socket(context.handle, type.rawValue) else {
            throw ZMQError.last("zmq_socket")
        }
        self.handle = handle
        self.type = type
        try setOption(ZMQ_LINGER, 0)
    }

    deinit { close() }

    public func close() {
        guard !closed else { return }
        closed = true
        zmq_close(handle)
    }

    public func bind(_ endpoint: String) throws {
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError.last("bind \(endpoint)") }
    }

    public func connect(_ endpoint: String) throws {
        guard zmq_connect(handle, endpoint) == 0 else { throw ZMQError.last("connect \(endpoint)") }
    }

    /// The endpoint actually bound, useful after binding `tcp://127.0.0.1:*`.
    public var lastEndpoint: String {
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func setOption(_ option: Int32, _ value: Int32) throws {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) == 0 else {
            throw ZMQError.last("setsockopt \(option)")
        }
    }

    public func setOption(_ option: Int32, int64 value: Int64) throws {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int64>.size) == 0 else {
            throw ZMQError.last("setsockopt \(option)")
        }
    }

    public func setOption(_ option: Int32, bytes: [UInt8]) throws {
        let result = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        guard result == 0 else { throw ZMQError.last("setsockopt \(option)") }
    }

    public func subscribe(_ prefix: String) throws {
        try setOption(ZMQ_SUBSCRIBE, bytes: Array(prefix.utf8))
    }

    /// Sends every frame of one message. With `dontWait`, throws ``ZMQError/again`` instead of
    /// blocking when the message cannot be queued now.
    public func send(_ frames: [Data], dontWait: Bool = false) throws {
        for (index, frame) in frames.enumerated() {
            var flags: Int32 = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            if dontWait { flags |= ZMQ_DONTWAIT }
            let sent = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
            if sent < 0 {
                // A first frame that could not go leaves nothing queued; later frames cannot fail
                // with EAGAIN once the first went (libzmq queues multipart messages atomically).
                throw ZMQError.last("send")
            }
        }
    }

    /// Receives one whole multipart message, or `nil` with `dontWait` when none is waiting.
    public func receive(dontWait: Bool = false) throws -> [Data]? {
        var frames: [Data] = []
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        while true {
            let size = zmq_msg_recv(&message, handle, dontWait ? ZMQ_DONTWAIT : 0)
            if size < 0 {
                let error = ZMQError.last("receive")
                if frames.isEmpty, ZMQError.again ~= error { return nil }
                throw error
            }
            frames.append(Data(bytes: zmq_msg_data(&message), count: Int(size)))
            if zmq_msg_more(&message) == 0 { return frames }
        }
    }

    /// Whether a message can be read now, without blocking.
    var events: Int32 {
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        zmq_getsockopt(handle, ZMQ_EVENTS, &value, &size)
        return value
    }
}
