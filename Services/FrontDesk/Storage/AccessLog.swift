public import Contracts
public import Foundation
public import Storage

/// Toegangslogboek: every read of a person's data, who, when, which person and why (SPEC P7).
/// The table refuses UPDATE, DELETE and TRUNCATE (a trigger), so the log only grows.
public enum AccessLog {
    /// What was done with the person's data.
    public enum Action: String, Sendable, CaseIterable {
        /// Opened the person record.
        case viewPerson = "view-person"
        /// The person appeared in a search result.
        case searchResult = "search-result"
        /// Opened a request of the person.
        case viewRequest = "view-request"
        /// Printed or opened a decision letter.
        case viewDecisionLetter = "view-decision-letter"
        /// Registered the person.
        case register
        /// Sent contact data to a partner (with consent).
        case passOn = "pass-on"
        /// Used the contact data to send a letter, e-mail or text (e.g. a survey invitation).
        case sendLetter = "send-letter"
    }

    /// One entry.
    public struct Entry: Sendable, Hashable, Codable {
        /// Who: a staff login, or `system:<what>` for the service itself.
        public var staff: String
        /// Which person.
        public var personID: UUID
        /// When.
        public var at: Date
        /// What.
        public var action: String
        /// Why: the screen, request or message it happened for.
        public var context: String
    }

    /// Appends an entry.
    public static func record(
        staff: String,
        municipality: MunicipalityCode,
        personID: UUID,
        action: Action,
        context: String,
        at time: Date,
        in tx: Transaction
    ) throws {
        try tx.query(
            """
            INSERT INTO access_log (municipality, staff, person_id, at, action, context)
            VALUES (\(municipality.rawValue), \(staff), \(personID), \(time), \(action.rawValue), \(context))
            """
        )
    }

    /// The entries about a person, newest first (what the citizen may ask to see).
    public static func entries(
        personID: UUID,
        municipality: MunicipalityCode,
        limit: Int = 200,
        in tx: Transaction
    )
        throws -> [Entry]
    {
        try tx.query(
            """
            SELECT staff, person_id, at, action, context FROM access_log
            WHERE person_id = \(personID) AND municipality = \(municipality.rawValue) ORDER BY at DESC, id DESC LIMIT \(limit)
            """
        ).rows.map { row in
            Entry(
                staff: try row.decode(String.self, "staff"),
                personID: try row.decode(UUID.self, "person_id"),
                at: try row.decode(Date.self, "at"),
                action: try row.decode(String.self, "action"),
                context: try row.decode(String.self, "context")
            )
        }
    }
}
