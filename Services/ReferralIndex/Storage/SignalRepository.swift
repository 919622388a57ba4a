import Contracts
import Foundation
import Storage
import StoredVocabulary
import WorkingDays

/// Signals and their parents' keys. Matching reads only active signals (partial indexes).
enum SignalRepository {
    static let columns = SQLFragment(
        """
        id, municipality, subject_key, organisation, professional_name, professional_phone, professional_email, birth_date,
        young_person_informed, parents_informed, not_informed_reason, reference, registered_at, refreshed_at, remove_on, status,
        removal_reason, removed_at, delete_on, address_key,
        ARRAY(SELECT parent_key FROM signal_parents p WHERE p.signal_id = signals.id ORDER BY parent_key) AS parent_keys
        """
    )
    static let forUpdate = SQLFragment(" FOR UPDATE")
    static let noLock = SQLFragment("")

    static func insert(_ signal: Signal, in tx: Transaction) throws {
        tx.executeLater(
            """
            INSERT INTO signals (id, municipality, subject_key, organisation, professional_name, professional_phone,
                professional_email, birth_date, young_person_informed, parents_informed, not_informed_reason, reference,
                registered_at, refreshed_at, remove_on, status, address_key)
            VALUES (\(signal.id), \(signal.municipality.rawValue), \(signal.subjectKey.bytes), \(signal.organisation.description),
                \(signal.professional.name), \(signal.professional.phone), \(signal.professional.email),
                \(signal.birthDate?.description)::date, \(signal.informed.youngPerson), \(signal.informed.parents),
                \(signal.informed.reason?.rawValue), \(signal.reference), \(signal.registeredAt), \(signal.refreshedAt), \(signal.removeOn?.description)::date,
                \(signal.status.rawValue), \(signal.addressKey?.bytes))
            """
        )
        try saveParents(signal, in: tx)
    }

    /// Writes what a refresh or a removal changes.
    static func save(_ signal: Signal, in tx: Transaction) throws {
        tx.executeLater(
            """
            UPDATE signals SET professional_name = \(signal.professional.name), professional_phone = \(signal.professional.phone),
                professional_email = \(signal.professional.email), birth_date = \(signal.birthDate?.description)::date,
                young_person_informed = \(signal.informed.youngPerson), parents_informed = \(signal.informed.parents),
                not_informed_reason = \(signal.informed.reason?.rawValue), reference = \(signal.reference), refreshed_at = \(signal.refreshedAt),
                remove_on = \(signal.removeOn?.description)::date, status = \(signal.status.rawValue),
                removal_reason = \(signal.removal?.rawValue), removed_at = \(signal.removedAt),
                delete_on = \(signal.deleteOn?.description)::date, address_key = \(signal.addressKey?.bytes)
            WHERE id = \(signal.id)
            """
        )
        try saveParents(signal, in: tx)
    }

    private static func saveParents(_ signal: Signal, in tx: Transaction) throws {
        guard !signal.parentKeys.isEmpty else { return }
        tx.executeLater(
            """
            INSERT INTO signal_parents (signal_id, parent_key)
            SELECT \(signal.id), key FROM unnest(\(signal.parentKeys.map(\.bytes))::bytea[]) AS key
            ON CONFLICT DO NOTHING
            """
        )
    }

    /// The signal `id` of `municipality`, locked when `forUpdate`.
    static func find(_ id: UUID, municipality: MunicipalityCode, forUpdate: Bool = false, in tx: Transaction) throws -> Signal? {
        try tx.query(
            "SELECT \(columns) FROM signals WHERE id = \(id) AND municipality = \(municipality.rawValue) \(forUpdate ? Self.forUpdate : noLock)"
        ).rows.first.map(signal)
    }

    /// The active signals on `subject` in `municipality`, locked.
    static func active(on subject: SubjectKey, municipality: MunicipalityCode, in tx: Transaction) throws -> [Signal] {
        try tx.query(
            """
            SELECT \(columns) FROM signals
            WHERE subject_key = \(subject.bytes) AND status = 'active' AND municipality = \(municipality.rawValue)
            ORDER BY registered_at, id FOR UPDATE
            """
        ).rows.map(signal)
    }

    /// The active signals in `municipality` at `address`.
    static func active(atAddress address: SubjectKey, municipality: MunicipalityCode, in tx: Transaction) throws -> [Signal] {
        try tx.query(
            """
            SELECT \(columns) FROM signals
            WHERE address_key = \(address.bytes) AND status = 'active' AND municipality = \(municipality.rawValue)
            ORDER BY registered_at, id
            """
        ).rows.map(signal)
    }

    /// Every active signal of `municipality` (the switch-off).
    static func active(in municipality: MunicipalityCode, in tx: Transaction) throws -> [Signal] {
        try tx.query("SELECT \(columns) FROM signals WHERE status = 'active' AND municipality = \(municipality.rawValue) FOR UPDATE").rows.map(signal)
    }

    /// The active signals on `subject` in every municipality, locked.
    static func active(on subject: SubjectKey, in tx: Transaction) throws -> [Signal] {
        try tx.query(
            "SELECT \(columns) FROM signals WHERE subject_key = \(subject.bytes) AND status = 'active' ORDER BY registered_at, id FOR UPDATE"
        ).rows.map(signal)
    }

    /// The active signals in `municipality` on anyone with one of `parents`.
    static func active(withParents parents: [SubjectKey], municipality: MunicipalityCode, in tx: Transaction) throws -> [Signal] {
        guard !parents.isEmpty else { return [] }
        return try tx.query(
            """
            SELECT \(columns) FROM signals
            WHERE status = 'active' AND municipality = \(municipality.rawValue)
              AND id IN (SELECT signal_id FROM signal_parents WHERE parent_key = ANY(\(parents.map(\.bytes))::bytea[]))
            ORDER BY registered_at, id
            """
        ).rows.map(signal)
    }

    /// The signals with these ids.
    static func signals(_ ids: [UUID], in tx: Transaction) throws -> [Signal] {
        guard !ids.isEmpty else { return [] }
        return try tx.query("SELECT \(columns) FROM signals WHERE id = ANY(\(ids)::uuid[]) ORDER BY registered_at, id").rows.map(
            signal
        )
    }

    /// An organisation's signals, newest first (a professional's own when `email` is given).
    static func list(of organisation: OrganisationKey, email: String?, limit: Int, in tx: Transaction) throws -> [Signal] {
        try tx.query(
            """
            SELECT \(columns) FROM signals
            WHERE organisation = \(organisation.description) AND (\(email)::text IS NULL OR professional_email = \(email))
            ORDER BY refreshed_at DESC, id LIMIT \(limit)
            """
        ).rows.map(signal)
    }

    /// Every signal on `subject` in `municipality`, active or kept for accountability.
    static func all(on subject: SubjectKey, municipality: MunicipalityCode, in tx: Transaction) throws -> [Signal] {
        try tx.query(
            """
            SELECT \(columns) FROM signals WHERE subject_key = \(subject.bytes) AND municipality = \(municipality.rawValue)
            ORDER BY registered_at, id
            """
        ).rows.map(signal)
    }

    /// Up to `limit` active signals due for removal on `today`, locked; rows another instance
    /// holds are skipped (two schedulers never remove the same signal twice).
    static func dueForRemoval(on today: LocalDate, limit: Int, in tx: Transaction) throws -> [Signal] {
        try tx.query(
            """
            SELECT \(columns) FROM signals WHERE status = 'active' AND remove_on <= \(today.description)::date
            ORDER BY remove_on, id LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """
        ).rows.map(signal)
    }

    /// Deletes up to `limit` removed signals whose five years ended by `today`; returns them.
    static func deleteRetained(on today: LocalDate, limit: Int, in tx: Transaction) throws -> [(id: UUID, municipality: String, subject: Data)] {
        try tx.query(
            """
            DELETE FROM signals WHERE id IN (
                SELECT id FROM signals WHERE status = 'removed' AND delete_on <= \(today.description)::date
                ORDER BY delete_on LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING id, municipality, subject_key
            """
        ).rows.map { row in
            (try row.decode(UUID.self, "id"), try row.decode(String.self, "municipality"), try row.decode(Data.self, "subject_key"))
        }
    }

    /// Holds a transaction-long lock on each key (sorted: no deadlock between two registrations),
    /// so that two organisations signalling the same young person at once still see each other.
    static func lock(_ keys: [SubjectKey], in tx: Transaction) throws {
        for key in Set(keys).sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
            let value = key.bytes.prefix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) }
            tx.executeLater("SELECT pg_advisory_xact_lock(\(value))")
        }
    }

    /// A stored key (`bytea` of 32 bytes).
    static func key(_ data: Data) throws -> SubjectKey {
        guard let key = SubjectKey(bytes: data) else {
            throw StorageError.decodingFailed(column: "subject_key", expected: "32 bytes", found: "\(data.count) bytes")
        }
        return key
    }

    static func signal(_ row: Row) throws -> Signal {
        Signal(
            id: try row.decode(UUID.self, "id"),
            municipality: try row.municipality(),
            subjectKey: try key(try row.decode(Data.self, "subject_key")),
            parentKeys: try row.decode([Data].self, "parent_keys").map(key),
            addressKey: try row.decodeIfPresent(Data.self, "address_key").map(key),
            organisation: try row.parsed("organisation", as: "OrganisationKey", OrganisationKey.init),
            professional: ProfessionalContact(
                name: try row.decode(String.self, "professional_name"),
                phone: try row.decode(String.self, "professional_phone"),
                email: try row.decode(String.self, "professional_email")
            ),
            birthDate: try row.optionalLocalDate("birth_date"),
            informed: InformedStatus(
                youngPerson: try row.decode(Bool.self, "young_person_informed"),
                parents: try row.decodeIfPresent(Bool.self, "parents_informed"),
                reason: try row.optionalParsed("not_informed_reason", as: "NotInformedReason", NotInformedReason.init(rawValue:))
            ),
            reference: try row.decodeIfPresent(String.self, "reference"),
            registeredAt: try row.decode(Date.self, "registered_at"),
            refreshedAt: try row.decode(Date.self, "refreshed_at"),
            removeOn: try row.optionalLocalDate("remove_on"),
            status: try row.parsed("status", as: "Signal.Status", Signal.Status.init(rawValue:)),
            removal: try row.optionalParsed("removal_reason", as: "SignalRemoval", SignalRemoval.init(rawValue:)),
            removedAt: try row.decodeIfPresent(Date.self, "removed_at"),
            deleteOn: try row.optionalLocalDate("delete_on")
        )
    }
}
