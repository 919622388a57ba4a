import Foundation
import Histogram

/// One line of benchmark output: throughput, latency percentiles and the process's peak RSS.
struct Measurement {
    let name: String
    let messages: Int
    let seconds: Double
    var latency: Histogram<UInt64>?

    var perSecond: Double { Double(messages) / seconds }

    func line() -> String {
        var text = String(format: "%-44@ %8d msgs %8.2f s %10.0f msg/s", name as NSString, messages, seconds, perSecond)
        if let latency {
            text += String(
                format: "  p50 %7.2f ms  p99 %7.2f ms",
                Double(latency.valueAtPercentile(50)) / 1000,
                Double(latency.valueAtPercentile(99)) / 1000
            )
        }
        text += String(format: "  peak RSS %6.1f MiB", PeakMemory.residentMiB())
        return text
    }
}

/// Microseconds histogram up to 60 s.
func makeHistogram() -> Histogram<UInt64> {
    Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
}

/// Peak resident set size of this process (`VmHWM`), read from /proc.
enum PeakMemory {
    static func residentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}

/// Microseconds since `start`.
func micros(since start: ContinuousClock.Instant) -> UInt64 {
    let elapsed = ContinuousClock.now - start
    return UInt64(max(0, elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000))
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Runs blocking work on its own thread (librabbitmq and libpq block).
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
