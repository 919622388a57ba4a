import Synchronization

/// Hands deliveries from the consumer's thread to async code, in batches.
final class DeliveryBuffer: Sendable {
    private struct State {
        var items: [Delivery] = []
        var waiter: CheckedContinuation<Void, Never>?
        var finished = false
    }

    private let state = Mutex(State())

    /// Called on the consumer thread.
    func push(_ delivery: Delivery) {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            state.items.append(delivery)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Drops deliveries of an older connection: the broker requeued them when it closed.
    func discard(before generation: Int) {
        state.withLock { $0.items.removeAll { $0.generation < generation } }
    }

    /// No more batches: `next` returns `nil` from now on.
    func finish() {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Up to `max` deliveries, waiting for at least one; `nil` after `finish()`.
    func next(max: Int) async -> [Delivery]? {
        while true {
            let batch: [Delivery]? = state.withLock { state in
                if state.finished { return [] }
                guard !state.items.isEmpty else { return nil }
                let count = min(max, state.items.count)
                defer { state.items.removeFirst(count) }
                return Array(state.items.prefix(count))
            }
            if let batch { return batch.isEmpty ? nil : batch }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.finished || !state.items.isEmpty { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }
}
