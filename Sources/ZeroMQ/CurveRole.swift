/// How a socket takes part in CurveZMQ: encryption and authentication between processes.
///
/// A server holds its own key pair; a client holds its own pair and the server's public key.
/// Which clients a server accepts is decided by the loop's ZAP handler
/// (``MessageLoop/init(context:name:allowedClientKeys:)``).
public enum CurveRole: Sendable, Equatable {
    case server(CurveKeyPair)
    case client(CurveKeyPair, serverPublicKey: String)
}
