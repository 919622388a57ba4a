public import Foundation

/// Where the private broker and database of the test run are (started by `scripts/test.sh`).
public enum TestServers {
    /// `WMO_TEST_AMQP_URL`, default the test instance's port.
    public static var amqpURL: String {
        ProcessInfo.processInfo.environment["WMO_TEST_AMQP_URL"] ?? "amqp://guest:guest@127.0.0.1:5674/"
    }

    /// `WMO_TEST_DATABASE_URL`, default the test instance's port.
    public static var databaseURL: String {
        ProcessInfo.processInfo.environment["WMO_TEST_DATABASE_URL"] ?? "postgresql://postgres@127.0.0.1:5434/wmo"
    }

    /// The repository root (for `scripts/broker.sh` and friends).
    public static var repositoryRoot: URL {
        if let root = ProcessInfo.processInfo.environment["WMO_TEST_ROOT"] { return URL(fileURLWithPath: root) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// True when the servers are configured (the test script exports the variables).
    public static var available: Bool {
        ProcessInfo.processInfo.environment["WMO_TEST_AMQP_URL"] != nil
    }
}
