import Foundation

/// Runs the repository's own scripts (broker and database control) from tests.
public enum Scripts {
    /// Runs `scripts/<name> <arguments>` with `WMO_INSTANCE=test` and waits for it; throws on a
    /// non-zero exit with the script's output.
    @discardableResult
    public static func run(_ name: String, _ arguments: String...) async throws -> String {
        try await run(name, arguments: arguments)
    }

    /// `run(_:_:)` with the arguments as an array.
    @discardableResult
    public static func run(_ name: String, arguments: [String]) async throws -> String {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("wmo-script-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let script = TestServers.repositoryRoot.appendingPathComponent("scripts/\(name)").path
        let child = try ChildProcess("/bin/bash", [script] + arguments, environment: ["WMO_INSTANCE": "test"], logFile: log)
        let status = await child.wait()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw ScriptFailed(script: "\(name) \(arguments.joined(separator: " "))", output: output)
        }
        return output
    }
}

/// A script the test relies on failed.
public struct ScriptFailed: Error, CustomStringConvertible {
    public let script: String
    public let output: String
    public var description: String { "scripts/\(script) failed:\n\(output)" }
}
