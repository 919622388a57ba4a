import Messaging
import Testing

@Suite struct BackoffTests {
    @Test func growsAndCaps() {
        var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1))
        let waits = (0..<8).map { _ in backoff.next() }
        #expect(waits[0] <= .milliseconds(100))
        #expect(waits[0] >= .milliseconds(80))
        #expect(waits[3] > waits[1])
        #expect(waits.allSatisfy { $0 <= .seconds(1) })
        backoff.reset()
        #expect(backoff.next() <= .milliseconds(100))
    }
}

@Suite struct BackoffJitterTests {
    /// Clients that failed together must not retry in lockstep: two backoffs with different
    /// randomness wait different times at the same attempt.
    @Test func jitterIsRandomNotLockstep() {
        var waits = Set<Duration>()
        for _ in 0..<20 {
            var backoff = Backoff(initial: .seconds(1), maximum: .seconds(10))
            waits.insert(backoff.next())
        }
        #expect(waits.count > 10)
        #expect(waits.allSatisfy { $0 > .milliseconds(800) && $0 <= .seconds(1) })
    }
}
