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
