import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
import Gateway
#endif

/// A GET that says whether the answer was 200 (the bench waits for its own HTTP server).
enum HTTPProbe {
    static func ok(_ address: String) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: URL(string: address)!) { _, response, error in
                if let error { continuation.resume(throwing: error) } else { continuation.resume(returning: (response as? HTTPURLResponse)?.statusCode == 200) }
            }.resume()
        }
    }
}
