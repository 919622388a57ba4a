import Foundation
import FrontDesk
import Hummingbird
import TestKit
import Testing

extension FrontDeskIntegration {
    /// `docs/openapi.yaml` is the JSON API's contract: every route the desk serves under
    /// `/api/v1` is in it, and it promises no route the desk does not serve. (Schemathesis then
    /// fuzzes the live desk against it in the test command, `scripts/browser-test.sh`.)
    @Suite
    struct OpenAPIDocumentTests {
        @Test func theDocumentMatchesTheRoutes() async throws {
            let fixture = try await FrontDeskFixture.make("openapi")
            try await fixture.run(consuming: false) {
                let router = FrontDeskAPI.router(service: fixture.service, authenticator: StaffAuthenticator(pool: fixture.pool, cost: 4))
                let served = Set(
                    router.routes.map { OpenAPIOperations.served(method: $0.method.rawValue, path: $0.path.description) }
                        .filter { $0.contains(" /api/v1/") }
                )
                let documented = try OpenAPIOperations.documented(in: OpenAPIOperations.document("openapi.yaml"))
                #expect(served.count >= 20, "the router lists its routes")
                #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
                #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
            }
        }
    }
}
