import BaoxueContracts
import ZeroMQ

extension ServiceError {
    /// A port another process already listens on: which endpoint, the likely culprit, and how to
    /// find it or move this installation elsewhere. Said by a service that cannot bind, and by
    /// `baoxue up` before it starts services that could not, and by the gateway for its HTTP port.
    /// - Parameter option: how to choose another port: `--port-base N (ports.base)` for the
    ///   services, `--http HOST:PORT (gateway.http)` for the gateway.
    public static func portInUse(_ endpoint: String, option: String = "--port-base N (ports.base)") -> ServiceError {
        let port = endpoint.split(separator: ":").last.map(String.init) ?? "PORT"
        let code = ErrorCode.servicePortInUse
        return ServiceError(code, Bilingual(
            zh: "\(endpoint) 已被占用：可能另一套保学（另一个 baoxue up，或 systemd 下的服务）或其他程序正在监听。用 ss -ltnp 'sport = :\(port)' 查看是哪个进程并停止它，或用 \(option) 换用其他端口。错误码 \(code)",
            en: "\(endpoint) is already in use: probably another Baoxue installation (another baoxue up, or the services under systemd) or another program listens there. See which with ss -ltnp 'sport = :\(port)' and stop it, or move with \(option). Error code \(code)"
        ).text)
    }

    /// ``portInUse(_:)`` for a bind libzmq refused (`bind tcp://127.0.0.1:5550`).
    static func portInUse(_ error: ZMQError) -> ServiceError {
        portInUse(error.operation.hasPrefix("bind ") ? String(error.operation.dropFirst(5)) : error.operation)
    }
}
