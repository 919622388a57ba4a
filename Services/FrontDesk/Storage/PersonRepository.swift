public import Contracts
public import Foundation
public import Storage
import StoredVocabulary
public import WorkingDays

/// Personen: the only table in the chain with identities (SPEC P2). Every query is scoped to
/// one municipality; reads are logged by the caller (`AccessLog`), not here.
public enum PersonRepository {
    static let columns = SQLFragment(
        """
        id, municipality, subject_ref, bsn, given_names, family_name_prefix, family_name, birth_date, street,
        house_number, house_number_addition, postcode, city, district, core, phone, email, preferred_channel,
        language, needs_interpreter, representative_name, representative_contact, representative_role
        """
    )

    /// Stores a new person.
    /// - Throws: `FrontDeskError.personAlreadyRegistered` when the BSN is already registered in
    ///   the municipality.
    public static func insert(_ person: Person, registeredBy staff: StaffID, in tx: Transaction) throws {
        let address = person.address
        let representative = person.representative
        do {
            try tx.query(
                """
                INSERT INTO persons (\(columns), registered_by) VALUES (
                    \(person.id), \(person.municipality.rawValue), \(person.subjectRef.rawValue), \(person.bsn.rawValue),
                    \(person.givenNames), \(person.familyNamePrefix), \(person.familyName), \(person.birthDate.description),
                    \(address?.street), \(address?.houseNumber), \(address?.houseNumberAddition),
                    \(address?.postcode.rawValue), \(address?.city), \(person.district), \(person.core), \(person.phone),
                    \(person.email), \(person.preferredChannel.rawValue), \(person.language), \(person.needsInterpreter),
                    \(representative?.name), \(representative?.contact), \(representative?.role), \(staff.rawValue))
                """
            )
        } catch {
            guard error.isUniqueViolation else { throw error }
            throw FrontDeskError.personAlreadyRegistered
        }
    }

    /// The person with `id` in `municipality`, or `nil`.
    /// Records the day the person died.
    static func recordDeath(_ id: UUID, on day: LocalDate, in tx: Transaction) throws {
        try tx.query("UPDATE persons SET deceased_on = \(day.description)::date WHERE id = \(id)")
    }

    public static func find(id: UUID, municipality: MunicipalityCode, in tx: Transaction) throws -> Person? {
        try tx.query(
            "SELECT \(columns) FROM persons WHERE id = \(id) AND municipality = \(municipality.rawValue)"
        ).rows.first.map(person)
    }

    /// The person with `bsn` in `municipality`, or `nil`.
    public static func find(byBSN bsn: BSN, municipality: MunicipalityCode, in tx: Transaction) throws -> Person? {
        try tx.query(
            """
            SELECT \(columns) FROM persons WHERE bsn = \(bsn.rawValue) AND municipality = \(municipality.rawValue)
            """
        ).rows.first.map(person)
    }

    /// The person known elsewhere as `subjectRef`, or `nil`.
    public static func find(
        bySubjectRef subjectRef: SubjectRef,
        municipality: MunicipalityCode,
        in tx: Transaction
    )
        throws -> Person?
    {
        try tx.query(
            """
            SELECT \(columns) FROM persons
            WHERE subject_ref = \(subjectRef.rawValue) AND municipality = \(municipality.rawValue)
            """
        ).rows.first.map(person)
    }

    /// Persons matching every given criterion: family name (prefix match, any case), birth
    /// date, postcode. At most `limit`, ordered by name.
    public static func search(
        name: String?,
        birthDate: LocalDate?,
        postcode: Postcode?,
        municipality: MunicipalityCode,
        limit: Int = 50,
        in tx: Transaction
    ) throws -> [Person] {
        let pattern = name.map { escapeLike($0.lowercased()) + "%" }
        // One statement per leading criterion, so each prepared plan can use its index (a
        // catch-all `$n IS NULL OR …` plan, once generic, scans the municipality).
        let query: SQLQuery
        if let birthDate {
            query = """
                SELECT \(columns) FROM persons
                WHERE municipality = \(municipality.rawValue) AND birth_date = \(birthDate.description)::date
                  AND (\(pattern)::text IS NULL OR lower(family_name) LIKE \(pattern)
                       OR lower(coalesce(family_name_prefix || ' ', '') || family_name) LIKE \(pattern))
                  AND (\(postcode?.rawValue)::text IS NULL OR postcode = \(postcode?.rawValue))
                ORDER BY family_name, given_names, birth_date
                LIMIT \(limit)
                """
        } else if let postcode {
            query = """
                SELECT \(columns) FROM persons
                WHERE municipality = \(municipality.rawValue) AND postcode = \(postcode.rawValue)
                  AND (\(pattern)::text IS NULL OR lower(family_name) LIKE \(pattern)
                       OR lower(coalesce(family_name_prefix || ' ', '') || family_name) LIKE \(pattern))
                ORDER BY family_name, given_names, birth_date
                LIMIT \(limit)
                """
        } else {
            query = """
                SELECT \(columns) FROM persons
                WHERE municipality = \(municipality.rawValue)
                  AND (lower(family_name) LIKE \(pattern) OR lower(coalesce(family_name_prefix || ' ', '') || family_name) LIKE \(pattern))
                ORDER BY family_name, given_names, birth_date
                LIMIT \(limit)
                """
        }
        return try tx.query(query).rows.map(person)
    }

    /// The household counts for an indication request (who is there, not who they are).
    public static func householdSummary(personID: UUID, in tx: Transaction) throws -> HouseholdSummary {
        let row = try tx.query(
            """
            SELECT
                count(p.id) FILTER (WHERE p.birth_date <= current_date - interval '18 years') AS adults,
                count(p.id) FILTER (WHERE p.birth_date > current_date - interval '18 years') AS children,
                (SELECT count(*) FROM informal_carers c WHERE c.household_id = hm.household_id) AS carers
            FROM household_members hm JOIN persons p ON p.id = hm.person_id
            WHERE hm.household_id = (SELECT household_id FROM household_members WHERE person_id = \(personID))
            GROUP BY hm.household_id
            """
        ).rows.first
        guard let row else { return HouseholdSummary(adults: 1, children: 0, informalCarers: 0) }
        return HouseholdSummary(
            adults: try row.decode(Int.self, "adults"),
            children: try row.decode(Int.self, "children"),
            informalCarers: try row.decode(Int.self, "carers")
        )
    }

    static func person(_ row: Row) throws -> Person {
        var address: Address?
        if let street = try row.decodeIfPresent(String.self, "street"),
            let number = try row.decodeIfPresent(Int.self, "house_number"),
            let postcode = try row.decodeIfPresent(String.self, "postcode"),
            let city = try row.decodeIfPresent(String.self, "city")
        {
            address = Address(
                street: street,
                houseNumber: number,
                houseNumberAddition: try row.decodeIfPresent(String.self, "house_number_addition"),
                postcode: try Postcode(postcode),
                city: city
            )
        }
        var representative: Representative?
        if let name = try row.decodeIfPresent(String.self, "representative_name") {
            representative = Representative(
                name: name,
                contact: try row.decodeIfPresent(String.self, "representative_contact") ?? "",
                role: try row.decodeIfPresent(String.self, "representative_role")
            )
        }
        return Person(
            id: try row.decode(UUID.self, "id"),
            municipality: try row.municipality(),
            subjectRef: SubjectRef(try row.decode(UUID.self, "subject_ref")),
            bsn: try BSN(try row.decode(String.self, "bsn")),
            givenNames: try row.decode(String.self, "given_names"),
            familyNamePrefix: try row.decodeIfPresent(String.self, "family_name_prefix"),
            familyName: try row.decode(String.self, "family_name"),
            birthDate: try row.localDate("birth_date"),
            address: address,
            district: try row.decodeIfPresent(String.self, "district"),
            core: try row.decodeIfPresent(String.self, "core"),
            phone: try row.decodeIfPresent(String.self, "phone"),
            email: try row.decodeIfPresent(String.self, "email"),
            preferredChannel: try row.value(ContactChannel.self, "preferred_channel"),
            language: try row.decodeIfPresent(String.self, "language"),
            needsInterpreter: try row.decode(Bool.self, "needs_interpreter"),
            representative: representative
        )
    }

    /// Escapes `%`, `_` and `\` so a typed name matches literally.
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
