import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Waits until something answers HTTP on a loopback port (any status), within a deadline.
enum HTTPReadiness {
    static func wait(port: Int, within: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + within
        let url = URL(string: "http://127.0.0.1:\(port)/")!
        while ContinuousClock.now < deadline {
            if (try? await URLSession.shared.data(from: url)) != nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw URLError(.timedOut)
    }
}
