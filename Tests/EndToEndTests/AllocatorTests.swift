import BaoxueTestSupport
import Foundation
import Testing

/// Every executable allocates through mimalloc (decision 145). It is linked, not preloaded: a
/// deployment that forgets an environment variable, or a container started another way, still
/// gets it. mimalloc prints its statistics at exit when asked; glibc's malloc prints nothing.
@Suite struct AllocatorTests {
    @Test(arguments: ["baoxue", "baoxue-registry", "baoxue-monitor", "baoxue-subsidy", "baoxue-care"])
    func allocatesThroughMimalloc(_ product: String) async throws {
        let result = try await runProduct(product, ["--help"], environment: ["MIMALLOC_SHOW_STATS": "1"], timeout: .seconds(60))
        #expect(result.status == 0, "\(product) --help: \(result.stderr)")
        #expect(result.stderr.contains("heap stats"), "\(product) did not load mimalloc: \(result.stderr)")
        // Loaded is not enough: the process's own allocations must have gone to it, so its
        // segments (the memory it hands out) cannot be none.
        let segments = result.stderr.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("segments:") }
        let total = segments?.split(separator: " ").dropFirst().first
        #expect(total != nil && total != "0", "\(product)'s allocations did not go through mimalloc: \(segments ?? "no segments line")")
    }
}
