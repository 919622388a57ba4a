import Foundation

/// Runs the repository's own scripts (broker and database control) from tests.
public enum Scripts {
    /// Runs `scripts/<name> <arguments>` with `WMO_INSTANCE=test` and waits for it; throws on a
    /// non-zero exit with the script's output.
    @discardableResult
    public static func run(_ name: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [TestServers.repositoryRoot.appendingPathComponent("scripts/\(name)").path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["WMO_INSTANCE"] = "test"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ScriptFailed(script: "\(name) \(arguments.joined(separator: " "))", output: text)
        }
        return text
    }
}

/// A script the test relies on failed.
public struct ScriptFailed: Error, CustomStringConvertible {
    public let script: String
    public let output: String
    public var description: String { "scripts/\(script) failed:\n\(output)" }
}
