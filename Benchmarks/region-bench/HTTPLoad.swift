import AsyncHTTPClient
import BenchmarkSupport
import Foundation
import Histogram
import NIOCore
import NIOHTTP1

/// A closed-loop HTTP load: `concurrency` workers, each sending its next request as soon as the
/// previous one answered, for a fixed time after a warm-up; latency per request (or per chain of
/// requests) into one histogram. Any answer outside the expected statuses fails the run.
struct HTTPLoad: Sendable {
    let client: HTTPClient
    let base: String
    let concurrency: Int
    let warmup: Duration
    let duration: Duration

    /// One HTTP call.
    struct Call: Sendable {
        var method: HTTPMethod
        var path: String
        var headers: [(String, String)]
        var body: String?
        var expect: Set<UInt>
        var contentType = "application/json"
    }

    /// An unexpected answer.
    struct Unexpected: Error, CustomStringConvertible {
        let call: String
        let status: UInt
        let body: String
        var description: String { "\(call) answered \(status): \(body.prefix(300))" }
    }

    /// Sends `call` and returns the body.
    @discardableResult
    func send(_ call: Call) async throws -> ByteBuffer {
        try await exchange(call).body
    }

    /// Sends `call` and returns the answer's headers and body.
    func exchange(_ call: Call) async throws -> (headers: HTTPHeaders, body: ByteBuffer) {
        var request = HTTPClientRequest(url: base + call.path)
        request.method = call.method
        for (name, value) in call.headers { request.headers.add(name: name, value: value) }
        if let body = call.body {
            request.headers.add(name: "Content-Type", value: call.contentType)
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        guard call.expect.contains(response.status.code) else {
            throw Unexpected(call: "\(call.method) \(call.path)", status: response.status.code, body: String(buffer: body))
        }
        return (response.headers, body)
    }

    /// Runs `step` (one or more calls; `worker` and the running iteration number given) in the
    /// closed loop and reports the measured phase.
    func run(
        _ name: String,
        _ step: @escaping @Sendable (_ worker: Int, _ iteration: Int) async throws -> Void
    ) async throws
        -> BenchmarkResult
    {
        let clock = ContinuousClock()
        let warmEnd = clock.now + warmup
        let end = warmEnd + duration
        let perWorker = try await withThrowingTaskGroup(of: (Int, Histogram<UInt64>).self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var histogram = makeHistogram()
                    var count = 0
                    var iteration = worker
                    while clock.now < end {
                        let started = clock.now
                        try await step(worker, iteration)
                        iteration += concurrency
                        if started >= warmEnd {
                            _ = histogram.record(micros(since: started))
                            count += 1
                        }
                    }
                    return (count, histogram)
                }
            }
            var all: [(Int, Histogram<UInt64>)] = []
            for try await result in group { all.append(result) }
            return all
        }
        var histogram = makeHistogram()
        for (_, part) in perWorker { histogram.add(part) }
        let count = perWorker.reduce(0) { $0 + $1.0 }
        return BenchmarkResult(name: name, count: count, unit: .requests, seconds: duration.seconds, latency: histogram)
    }
}
