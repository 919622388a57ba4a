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
        /// The person's name appeared on a work list page.
        case viewWorkList = "view-work-list"
        /// Read the person's data to route a request (indication, matching).
        case routeRequest = "route-request"
        /// Read the person's data to close a request (the closing event's subjectRef, district).
        case closeRequest = "close-request"
        /// Read the person's district for routing suggestions.
        case suggestions
        /// Read the person's access log.
        case viewAccessLog = "view-access-log"
        /// Read or changed the person's household.
        case viewHousehold = "view-household"
        /// Recorded the person's death (and told the referral index).
        case recordDeath = "record-death"
    }

    /// Why personal data was read: a fixed list (the log is searchable by it), plus optional
    /// text.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// Behandeling: working on the person's request or household.
        case casework
        /// Aanmelding: registering or finding the person at intake.
        case intake
        /// Doorverwijzing: passing the request on with consent.
        case passOn = "pass-on"
        /// Inzageverzoek: the citizen asked to see their data or the log (AVG art. 15).
        case citizenRequest = "citizen-request"
        /// Toezicht: privacy officer or auditor checking the use of data.
        case supervision
        /// Klacht of bezwaar: handling a complaint or objection.
        case complaint
        /// Door het systeem: the service itself (a partner desk's submission, a letter).
        case system

        /// The Dutch label on the forms and in the log.
        public var dutchName: String {
            switch self {
            case .casework: "Behandeling hulpvraag of huishouden"
            case .intake: "Aanmelding"
            case .passOn: "Doorverwijzing met toestemming"
            case .citizenRequest: "Inzageverzoek van de burger"
            case .supervision: "Toezicht (privacy, audit)"
            case .complaint: "Klacht of bezwaar"
            case .system: "Door het systeem"
            }
        }
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
        /// Why, from the fixed list.
        public var reason: String
        /// The staff member's own words about why, if any.
        public var reasonText: String?
    }

    /// Appends an entry.
    public static func record(
        staff: String,
        municipality: MunicipalityCode,
        personID: UUID,
        action: Action,
        reason: Reason = .casework,
        reasonText: String? = nil,
        context: String,
        at time: Date,
        in tx: Transaction
    ) throws {
        tx.executeLater(
            """
            INSERT INTO access_log (municipality, staff, person_id, at, action, context, reason, reason_text)
            VALUES (\(municipality.rawValue), \(staff), \(personID), \(time), \(action.rawValue), \(context),
                \(reason.rawValue), \(reasonText))
            """
        )
    }

    /// Appends one entry per person in `personIDs` (a list that shows several people), in one
    /// statement.
    public static func recordReads(
        staff: String,
        municipality: MunicipalityCode,
        personIDs: [UUID],
        action: Action,
        reason: Reason,
        context: String,
        at time: Date,
        in tx: Transaction
    ) throws {
        guard !personIDs.isEmpty else { return }
        tx.executeLater(
            """
            INSERT INTO access_log (municipality, staff, person_id, at, action, context, reason)
            SELECT \(municipality.rawValue), \(staff), person, \(time), \(action.rawValue), \(context), \(reason.rawValue)
            FROM unnest(\(personIDs)::uuid[]) AS person
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
            SELECT staff, person_id, at, action, context, reason, reason_text FROM access_log
            WHERE person_id = \(personID) AND municipality = \(municipality.rawValue) ORDER BY at DESC, id DESC LIMIT \(limit)
            """
        ).rows.map { row in
            Entry(
                staff: try row.decode(String.self, "staff"),
                personID: try row.decode(UUID.self, "person_id"),
                at: try row.decode(Date.self, "at"),
                action: try row.decode(String.self, "action"),
                context: try row.decode(String.self, "context"),
                reason: try row.decode(String.self, "reason"),
                reasonText: try row.decodeIfPresent(String.self, "reason_text")
            )
        }
    }
}
