/// Exponential backoff with a cap and random jitter, as a value so it can be unit-tested
/// without a clock: reconnect loops ask it how long to wait next.
public struct Backoff: Sendable, Equatable {
    public let initial: Duration
    public let maximum: Duration
    public private(set) var attempt = 0

    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(5)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The wait before the next attempt: initial × 2^attempt, capped, minus a random 0-20%
    /// (so the services that lost the broker together do not all come back in the same
    /// millisecond).
    public mutating func next() -> Duration {
        var generator = SystemRandomNumberGenerator()
        return next(using: &generator)
    }

    /// `next()` with a given source of randomness (tests pass a seeded one).
    public mutating func next(using generator: inout some RandomNumberGenerator) -> Duration {
        let exponent = min(attempt, 20)
        attempt += 1
        let base = min(initial * (1 << exponent), maximum)
        let jitter = Double.random(in: 0..<0.2, using: &generator)
        return base * (1 - jitter)
    }

    /// Back to the first, short wait after a success.
    public mutating func reset() { attempt = 0 }
}
