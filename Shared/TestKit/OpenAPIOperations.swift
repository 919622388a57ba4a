public import Foundation
import Yams

/// The operations an OpenAPI document promises, to compare with the routes a router serves.
public enum OpenAPIOperations {
    /// Why a document cannot be read.
    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    /// `docs/<name>` in the repository.
    public static func document(_ name: String) -> URL {
        TestServers.repositoryRoot.appendingPathComponent("docs/\(name)")
    }

    /// `METHOD /path` of every operation in the OpenAPI 3.1 document at `url`, path parameters
    /// as `{name}`.
    public static func documented(in url: URL) throws -> Set<String> {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let root = try Yams.load(yaml: text) as? [String: Any] else { throw Unreadable(description: "\(url.path): not a mapping") }
        guard root["openapi"] as? String == "3.1.0" else { throw Unreadable(description: "\(url.path): not OpenAPI 3.1.0") }
        guard let paths = root["paths"] as? [String: Any] else { throw Unreadable(description: "\(url.path): no paths") }
        var operations: Set<String> = []
        for (path, item) in paths {
            guard let methods = item as? [String: Any] else { throw Unreadable(description: "\(path): not a mapping") }
            for method in methods.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    /// `METHOD /path` of a served route given as Hummingbird prints it (`/api/v1/cases/:id`).
    public static func served(method: String, path: String) -> String {
        let parts = path.split(separator: "/").map { part in part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part) }
        return "\(method) /" + parts.joined(separator: "/")
    }
}
