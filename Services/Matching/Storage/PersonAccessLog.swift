import Contracts
import Foundation
import Storage

/// Inzageregistratie: every read or change of a volunteer's or carer's personal data, by whom
/// (append-only; the table refuses updates and deletes).
enum PersonAccessLog {
    enum Action: String, Sendable {
        case register
        case update
        case read
        case list
        case answer
        case appreciationList = "appreciation-list"
    }

    static func record(
        _ action: Action,
        by actor: String,
        municipality: MunicipalityCode,
        volunteer: UUID? = nil,
        carer: UUID? = nil,
        at now: Date,
        in tx: Transaction
    ) throws {
        tx.executeLater(
            """
            INSERT INTO access_log (at, municipality, actor, action, volunteer_id, carer_id)
            VALUES (\(now), \(municipality.rawValue), \(actor), \(action.rawValue), \(volunteer), \(carer))
            """
        )
    }

    /// Entries about a volunteer, oldest first.
    static func entries(volunteer id: UUID, in tx: Transaction) throws -> [(actor: String, action: String)] {
        try tx.query("SELECT actor, action FROM access_log WHERE volunteer_id = \(id) ORDER BY id").rows.map {
            (try $0.decode(String.self, "actor"), try $0.decode(String.self, "action"))
        }
    }
}
