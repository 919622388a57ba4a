/// Exponential backoff with a cap and deterministic jitter, as a pure value so it can be
/// unit-tested without a clock: reconnect loops ask it how long to wait next.
public struct Backoff: Sendable, Equatable {
    public let initial: Duration
    public let maximum: Duration
    public private(set) var attempt = 0

    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(5)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The wait before the next attempt: initial × 2^attempt, capped, minus up to 20% jitter
    /// (so many clients reconnecting together spread out).
    public mutating func next() -> Duration {
        let exponent = min(attempt, 20)
        attempt += 1
        let base = min(initial * (1 << exponent), maximum)
        let jitter = Double((attempt * 7919) % 20) / 100
        return base * (1 - jitter)
    }

    /// Back to the first, short wait after a success.
    public mutating func reset() { attempt = 0 }
}
