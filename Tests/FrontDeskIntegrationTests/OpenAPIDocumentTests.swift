import Foundation
import FrontDesk
import Hummingbird
import Testing
import Yams

extension FrontDeskIntegration {
    /// `docs/openapi.yaml` is the JSON API's contract: every route the desk serves under
    /// `/api/v1` is in it, and it promises no route the desk does not serve. (Schemathesis then
    /// fuzzes the live desk against it in the test command, `scripts/browser-test.sh`.)
    @Suite
    struct OpenAPIDocumentTests {
        static var document: URL {
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("docs/openapi.yaml")
        }

        /// `METHOD /path` of every operation in the document, path parameters as `{name}`.
        static func documented() throws -> Set<String> {
            let text = try String(contentsOf: document, encoding: .utf8)
            let root = try #require(try Yams.load(yaml: text) as? [String: Any])
            #expect(root["openapi"] as? String == "3.1.0")
            let paths = try #require(root["paths"] as? [String: Any])
            var operations: Set<String> = []
            for (path, item) in paths {
                let methods = try #require(item as? [String: Any])
                for method in methods.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    operations.insert("\(method.uppercased()) \(path)")
                }
            }
            return operations
        }

        @Test func theDocumentMatchesTheRoutes() async throws {
            let fixture = try await FrontDeskFixture.make("openapi")
            try await fixture.run(consuming: false) {
                let router = FrontDeskAPI.router(service: fixture.service, authenticator: StaffAuthenticator(pool: fixture.pool, cost: 4))
                let served = Set(
                    router.routes.map { route -> String in
                        let path =
                            "/"
                            + route.path.description.split(separator: "/").map { part in
                                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
                            }.joined(separator: "/")
                        return "\(route.method.rawValue) \(path)"
                    }.filter { $0.contains(" /api/v1/") }
                )
                let documented = try Self.documented()
                #expect(served.count >= 20, "the router lists its routes")
                #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
                #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
            }
        }
    }
}
