import CZeroMQ

/// The ZeroMQ socket patterns Baoxue uses.
public enum SocketType: Sendable {
    case router, dealer, publisher, subscriber, request, reply, push, pull

    var rawValue: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .publisher: ZMQ_PUB
        case .subscriber: ZMQ_SUB
        case .request: ZMQ_REQ
        case .reply: ZMQ_REP
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        }
    }
}
