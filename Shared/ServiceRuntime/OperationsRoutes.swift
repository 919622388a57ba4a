public import Hummingbird
import Prometheus

/// `/health` (the process lives), `/ready` (broker and database reachable) and `/metrics`
/// (Prometheus text format), added to any service's router.
public enum OperationsRoutes {
    /// What `/ready` checks.
    public typealias ReadinessCheck = @Sendable () async -> [String: Bool]

    public static func add<Context: RequestContext>(to router: Router<Context>, readiness: @escaping ReadinessCheck) {
        router.get("health") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"live"}"#)))
        }
        router.get("ready") { _, _ in
            let checks = await readiness()
            let ready = checks.values.allSatisfy { $0 }
            let parts = checks.keys.sorted().map { "\"\($0)\":\(checks[$0]! ? "true" : "false")" }
            let body = "{\"status\":\"\(ready ? "ready" : "not-ready")\",\"checks\":{\(parts.joined(separator: ","))}}"
            return Response(
                status: ready ? .ok : .serviceUnavailable,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: body))
            )
        }
        router.get("metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(bytes: Observability.registry.emitToBuffer()))
            )
        }
    }
}
