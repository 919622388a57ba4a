public import Contracts
import Foundation
public import Logging
public import Messaging

/// Broker logins of test organisations, made the way operators make them
/// (`scripts/organisations.sh add … --broker-only`), with one publisher each.
public actor OrganisationLogins {
    private var publishers: [String: Publisher] = [:]
    private var made: [(kind: String, key: OrganisationKey)] = []

    public init() {}

    /// The password of a test organisation's login (tests only: derived from its name).
    public static func password(for key: OrganisationKey) -> String { "test-\(key)" }

    /// The AMQP URL of `key`'s own login.
    public static func url(for key: OrganisationKey) throws -> AMQPURL {
        var url = try AMQPURL(parsing: TestServers.amqpURL)
        url.user = key.description
        url.password = password(for: key)
        return url
    }

    /// Makes the login of `key` (kind `kind`) unless this instance already did; with
    /// `withQueue`, also its queue and bindings, as operators do for a non-partner kind.
    public func ensure(_ key: OrganisationKey, kind: String = "partner", withQueue: Bool = false) async throws {
        guard !made.contains(where: { $0.key == key }) else { return }
        try await Scripts.run(
            "organisations.sh",
            arguments: ["add", kind, key.municipality.rawValue, key.id, "--password", Self.password(for: key)]
                + (withQueue ? [] : ["--broker-only"])
        )
        made.append((kind, key))
    }

    /// A publisher logged in as `key`.
    public func publisher(for key: OrganisationKey, kind: String = "partner", logger: Logger) async throws -> Publisher {
        if let publisher = publishers[key.description] { return publisher }
        try await ensure(key, kind: kind)
        let publisher = Publisher(url: try Self.url(for: key), name: "test-org-\(key)", logger: logger)
        publishers[key.description] = publisher
        return publisher
    }

    /// Closes the publishers and removes the logins.
    public func removeAll() async {
        for publisher in publishers.values { await publisher.close() }
        publishers.removeAll()
        for (kind, key) in made {
            _ = try? await Scripts.run("organisations.sh", "remove", kind, key.municipality.rawValue, key.id)
        }
        made.removeAll()
    }
}
