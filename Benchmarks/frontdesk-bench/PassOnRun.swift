import BenchmarkSupport
import Contracts
import Foundation
import FrontDesk
import Histogram
import Messaging
import Synchronization

/// One phase of the benchmark: `concurrency` workers each take a request for a person, clarify
/// it and pass it on with consent (the calls behind `POST /api/v1/requests`,
/// `…/clarification` and `…/pass-on`), timing each request until the partner's queue delivers
/// its `frontdesk.request.passed-on`.
struct PassOnRun: Sendable {
    let service: FrontDeskService
    let world: BenchWorld
    let persons: [Person]
    let concurrency: Int

    /// The two views of a phase: until the use cases committed (what an API client waits for),
    /// and until the message was published with confirm and delivered to the partner.
    struct Outcome {
        let committed: BenchmarkResult
        let delivered: BenchmarkResult
    }

    /// One request's timestamps.
    struct Timing: Sendable {
        let referralID: UUID
        let started: ContinuousClock.Instant
        let committed: ContinuousClock.Instant
    }

    /// Passes on `count` requests, for the persons from `offset` on (round robin), and waits
    /// until every one of them reached the partner's queue.
    func measure(count: Int, offset: Int, arrivals: Arrivals, timeout: Duration = .seconds(120)) async throws -> Outcome {
        let service = service
        let staff = world.staff
        let partner = world.partnerID.rawValue
        let persons = persons
        let timings = try await concurrently(count, workers: concurrency) { index in
            let person = persons[(offset + index) % persons.count]
            let started = ContinuousClock.now
            let request = try await service.receiveRequest(
                RequestInput(
                    personId: person.id,
                    kind: .notification,
                    channel: .phone,
                    source: .citizen,
                    text: "Ik red het niet meer alleen thuis en voel me eenzaam.",
                    team: "noord"
                ),
                by: staff
            )
            _ = try await service.clarify(
                request.id,
                ClarifyInput(question: "Meneer zoekt contact met anderen in de wijk.", categories: [.socialNetwork, .basicADL]),
                by: staff
            )
            let result = try await service.passOn(
                request.id,
                PassOnInput(partnerId: partner, consentItems: [.name, .phone]),
                by: staff
            )
            return Timing(referralID: result.referral.id, started: started, committed: .now)
        }
        let delivered = try await arrivals.wait(for: timings.map(\.referralID), timeout: timeout)
        let start = timings.map(\.started).min()!
        var committedLatency = makeHistogram()
        var deliveredLatency = makeHistogram()
        for (timing, arrival) in zip(timings, delivered) {
            _ = committedLatency.record(micros(from: timing.started, to: timing.committed))
            _ = deliveredLatency.record(micros(from: timing.started, to: arrival))
        }
        return Outcome(
            committed: BenchmarkResult(
                name: "(a) intake → pass-on committed (use cases)",
                count: count,
                unit: .requests,
                seconds: (timings.map(\.committed).max()! - start).seconds,
                latency: committedLatency
            ),
            delivered: BenchmarkResult(
                name: "(b) intake → passed-on delivered to partner",
                count: count,
                unit: .requests,
                seconds: (delivered.max()! - start).seconds,
                latency: deliveredLatency
            )
        )
    }
}

/// When each `frontdesk.request.passed-on` reached the partner's consumer, by referral id.
final class Arrivals: Sendable {
    private let times = Mutex<[UUID: ContinuousClock.Instant]>([:])

    /// Consumes `consumer` until it shuts down, recording each message's referral id with the
    /// time its batch arrived, and acking the batch.
    func collect(from consumer: Consumer) async {
        let decoder = ContractJSON.decoder()
        while let batch = await consumer.nextBatch(max: 500) {
            let now = ContinuousClock.now
            let ids = batch.compactMap { try? decoder.decode(Envelope<RequestPassedOn>.self, from: $0.body).payload.referralId }
            times.withLock { times in
                for id in ids { times[id] = now }
            }
            let last = batch[batch.count - 1]
            consumer.settle([.ack(tag: last.deliveryTag, multiple: true, generation: last.generation)])
        }
    }

    /// The arrival times of `ids`, in order, once all of them arrived.
    /// - Throws: `ArrivalTimeout` when some have not arrived within `timeout`.
    func wait(for ids: [UUID], timeout: Duration) async throws -> [ContinuousClock.Instant] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = times.withLock { times in ids.compactMap { times[$0] } }
            if found.count == ids.count { return found }
            guard ContinuousClock.now < deadline else { throw ArrivalTimeout(missing: ids.count - found.count, of: ids.count) }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}

/// Some passed-on messages never reached the partner's queue.
struct ArrivalTimeout: Error, CustomStringConvertible {
    let missing: Int
    let of: Int
    var description: String { "\(missing) of \(of) passed-on messages did not reach the partner's queue in time" }
}
