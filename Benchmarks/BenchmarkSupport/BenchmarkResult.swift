import Foundation
public import Histogram

/// One line of benchmark output: throughput, latency percentiles and the process's peak RSS,
/// in the one format both benchmarks print.
public struct BenchmarkResult: Sendable {
    /// What is counted: messages (kit benchmark) or requests (front-desk benchmark).
    public enum Unit: Sendable {
        case messages, requests

        var count: String { self == .messages ? "msgs" : "reqs" }
        var rate: String { self == .messages ? "msg/s" : "req/s" }
    }

    public let name: String
    public let count: Int
    public let unit: Unit
    public let seconds: Double
    public var latency: Histogram<UInt64>?

    public init(name: String, count: Int, unit: Unit, seconds: Double, latency: Histogram<UInt64>? = nil) {
        self.name = name
        self.count = count
        self.unit = unit
        self.seconds = seconds
        self.latency = latency
    }

    public var perSecond: Double { Double(count) / seconds }

    public func line() -> String {
        var text = String(
            format: "%-44@ %8d \(unit.count) %8.2f s %10.0f \(unit.rate)",
            name as NSString,
            count,
            seconds,
            perSecond
        )
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
public func makeHistogram() -> Histogram<UInt64> {
    Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
}

/// Peak resident set size of this process (`VmHWM`), read from /proc.
public enum PeakMemory {
    public static func residentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}

/// Microseconds from `start` to `end` (0 when `end` is earlier).
public func micros(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> UInt64 {
    let elapsed = end - start
    return UInt64(max(0, elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000))
}

/// Microseconds since `start`.
public func micros(since start: ContinuousClock.Instant) -> UInt64 {
    micros(from: start, to: .now)
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
