import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension RawBaselines {
    /// Two threads waking each other through a pair of pipes, `roundTrips` times back to back
    /// (``ThreadRoundTrip``). The process's CPU clock counts both threads; nothing else in the
    /// process runs meanwhile.
    static func threadRoundTrip(roundTrips: Int = 20_000) -> ThreadRoundTrip {
        var there: [Int32] = [0, 0]
        var back: [Int32] = [0, 0]
        guard pipe(&there) == 0, pipe(&back) == 0 else { return ThreadRoundTrip(cpuMicroseconds: 0, wallMicroseconds: 0) }
        defer { for fd in there + back { close(fd) } }
        let (inbound, outbound, reply, answer) = (there[0], there[1], back[1], back[0])
        let finished = DispatchSemaphore(value: 0)
        let peer = Thread {
            var byte: UInt8 = 0
            for _ in 0..<roundTrips {
                guard read(inbound, &byte, 1) == 1, write(reply, &byte, 1) == 1 else { break }
            }
            finished.signal()
        }
        peer.start()
        func cpuNow() -> Double {
            var spec = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        }
        let cpuStart = cpuNow()
        let start = ContinuousClock.now
        var byte: UInt8 = 1
        for _ in 0..<roundTrips {
            guard write(outbound, &byte, 1) == 1, read(answer, &byte, 1) == 1 else { break }
        }
        let wall = (ContinuousClock.now - start).seconds
        let cpu = cpuNow() - cpuStart
        finished.wait()
        return ThreadRoundTrip(cpuMicroseconds: cpu / Double(roundTrips) * 1e6, wallMicroseconds: wall / Double(roundTrips) * 1e6)
    }
}
