import Contracts
import Foundation
import Storage

/// A signal of some region as the national index keeps it.
struct FederatedSignal: Sendable, Equatable {
    var region: String
    var signalID: UUID
    var subject: SubjectKey
    var parents: [SubjectKey]
    var participant: MatchNotified.Participant
}

/// The national index's copies of the regions' signals and its matches, and a region's record
/// of the other regions' professionals on its matches.
enum FederationRepository {
    static let columns = SQLFragment(
        """
        region, signal_id, subject_key, organisation, organisation_name, professional_name, professional_phone, professional_email,
        ARRAY(SELECT parent_key FROM federated_parents p WHERE p.region = f.region AND p.signal_id = f.signal_id ORDER BY parent_key)
            AS parent_keys
        """
    )

    /// Stores or replaces `signal` (a refresh keeps its place on matches).
    static func upsert(_ signal: FederatedSignal, at now: Date, in tx: Transaction) throws {
        try tx.query("DELETE FROM federated_signals WHERE region = \(signal.region) AND signal_id = \(signal.signalID)")
        let person = signal.participant
        try tx.query(
            """
            INSERT INTO federated_signals (region, signal_id, subject_key, organisation, organisation_name, professional_name,
                professional_phone, professional_email, received_at)
            VALUES (\(signal.region), \(signal.signalID), \(signal.subject.bytes), \(person.organisation), \(person.organisationName),
                \(person.name), \(person.phone), \(person.email), \(now))
            """
        )
        if !signal.parents.isEmpty {
            try tx.query(
                """
                INSERT INTO federated_parents (region, signal_id, parent_key)
                SELECT \(signal.region), \(signal.signalID), key FROM unnest(\(signal.parents.map(\.bytes))::bytea[]) AS key
                ON CONFLICT DO NOTHING
                """
            )
        }
    }

    /// Deletes the copy of a region's signal (and its place on matches).
    static func delete(region: String, signal: UUID, in tx: Transaction) throws {
        try tx.query("DELETE FROM federated_match_signals WHERE region = \(region) AND signal_id = \(signal)")
        try tx.query("DELETE FROM federated_signals WHERE region = \(region) AND signal_id = \(signal)")
    }

    /// The matches (id, kind) a region's signal is on.
    static func matches(holding signal: UUID, region: String, in tx: Transaction) throws -> [(id: UUID, kind: Match.Kind)] {
        try tx.query(
            """
            SELECT m.id, m.kind FROM federated_matches m JOIN federated_match_signals s ON s.match_id = m.id
            WHERE s.region = \(region) AND s.signal_id = \(signal) ORDER BY m.id
            """
        ).rows.map { (try $0.decode(UUID.self, "id"), try $0.parsed("kind", as: "Match.Kind", Match.Kind.init(rawValue:))) }
    }

    /// The signals on `subject`, every region.
    static func on(_ subject: SubjectKey, in tx: Transaction) throws -> [FederatedSignal] {
        try tx.query("SELECT \(columns) FROM federated_signals f WHERE subject_key = \(subject.bytes) ORDER BY received_at, signal_id")
            .rows.map(signal)
    }

    /// The signals on anyone with one of `parents`, every region.
    static func with(parents: [SubjectKey], in tx: Transaction) throws -> [FederatedSignal] {
        guard !parents.isEmpty else { return [] }
        return try tx.query(
            """
            SELECT \(columns) FROM federated_signals f
            WHERE (region, signal_id) IN (SELECT region, signal_id FROM federated_parents WHERE parent_key = ANY(\(parents.map(\.bytes))::bytea[]))
            ORDER BY received_at, signal_id
            """
        ).rows.map(signal)
    }

    /// The oldest match of `kind` holding one of `signals`, with the signals on it.
    static func match(_ kind: Match.Kind, holding signals: [FederatedSignal], in tx: Transaction) throws -> (id: UUID, members: Set<String>)? {
        for signal in signals {
            guard
                let row = try tx.query(
                    """
                    SELECT m.id FROM federated_matches m JOIN federated_match_signals s ON s.match_id = m.id
                    WHERE m.kind = \(kind.rawValue) AND s.region = \(signal.region) AND s.signal_id = \(signal.signalID)
                    ORDER BY m.created_at LIMIT 1
                    """
                ).rows.first
            else { continue }
            let id = try row.decode(UUID.self, "id")
            let members = try tx.query("SELECT region, signal_id FROM federated_match_signals WHERE match_id = \(id)").rows.map {
                "\(try $0.decode(String.self, "region"))/\(try $0.decode(UUID.self, "signal_id"))"
            }
            return (id, Set(members))
        }
        return nil
    }

    static func createMatch(_ id: UUID, kind: Match.Kind, at now: Date, in tx: Transaction) throws {
        try tx.query("INSERT INTO federated_matches (id, kind, created_at) VALUES (\(id), \(kind.rawValue), \(now))")
    }

    static func add(_ signals: [FederatedSignal], to match: UUID, in tx: Transaction) throws {
        for signal in signals {
            try tx.query(
                """
                INSERT INTO federated_match_signals (match_id, region, signal_id) VALUES (\(match), \(signal.region), \(signal.signalID))
                ON CONFLICT DO NOTHING
                """
            )
        }
    }

    /// The signals on match `id`.
    static func members(of id: UUID, in tx: Transaction) throws -> [FederatedSignal] {
        try tx.query(
            """
            SELECT \(columns) FROM federated_signals f
            WHERE (region, signal_id) IN (SELECT region, signal_id FROM federated_match_signals WHERE match_id = \(id))
            ORDER BY received_at, signal_id
            """
        ).rows.map(signal)
    }

    // MARK: A region's record of the other regions' professionals

    /// Replaces the other regions' professionals on the local match `id`.
    static func replaceRemote(_ participants: [MatchNotified.Participant], on id: UUID, in tx: Transaction) throws {
        try tx.query("DELETE FROM remote_participants WHERE match_id = \(id)")
        for person in participants {
            try tx.query(
                """
                INSERT INTO remote_participants (match_id, signal_id, organisation, organisation_name, name, phone, email)
                VALUES (\(id), \(person.signalId), \(person.organisation),
                    \(person.organisationName), \(person.name), \(person.phone), \(person.email))
                ON CONFLICT DO NOTHING
                """
            )
        }
    }

    /// The other regions' professionals on each of `matches`.
    static func remote(on matches: [UUID], in tx: Transaction) throws -> [UUID: [MatchNotified.Participant]] {
        guard !matches.isEmpty else { return [:] }
        var result: [UUID: [MatchNotified.Participant]] = [:]
        for row in try tx.query(
            """
            SELECT match_id, signal_id, organisation, organisation_name, name, phone, email FROM remote_participants
            WHERE match_id = ANY(\(matches)::uuid[]) ORDER BY name, signal_id
            """
        ).rows {
            result[try row.decode(UUID.self, "match_id"), default: []].append(
                MatchNotified.Participant(
                    signalId: try row.decode(UUID.self, "signal_id"),
                    organisation: try row.decode(String.self, "organisation"),
                    organisationName: try row.decode(String.self, "organisation_name"),
                    name: try row.decode(String.self, "name"),
                    phone: try row.decode(String.self, "phone"),
                    email: try row.decode(String.self, "email")
                )
            )
        }
        return result
    }

    static func signal(_ row: Row) throws -> FederatedSignal {
        let key = SignalRepository.key
        return FederatedSignal(
            region: try row.decode(String.self, "region"),
            signalID: try row.decode(UUID.self, "signal_id"),
            subject: try key(try row.decode(Data.self, "subject_key")),
            parents: try row.decode([Data].self, "parent_keys").map(key),
            participant: MatchNotified.Participant(
                signalId: try row.decode(UUID.self, "signal_id"),
                organisation: try row.decode(String.self, "organisation"),
                organisationName: try row.decode(String.self, "organisation_name"),
                name: try row.decode(String.self, "professional_name"),
                phone: try row.decode(String.self, "professional_phone"),
                email: try row.decode(String.self, "professional_email")
            )
        )
    }
}
