public import Contracts
public import Foundation
public import Storage

/// Inzageregistratie: every read or change of a case by an assessor (append-only). Cases hold no
/// identities, but they are about a person, so access is logged as at the desk.
public enum CaseAccessLog {
    /// What the assessor did.
    public enum Action: String, Sendable, CaseIterable {
        case read
        case assess
        case changeArrangement = "change-arrangement"
        case decide
        case workList = "work-list"
    }

    /// Appends one entry.
    public static func record(
        _ action: Action,
        caseID: UUID,
        by assessor: AssessorID,
        municipality: MunicipalityCode,
        at time: Date,
        in tx: Transaction
    ) throws {
        tx.executeLater(
            """
            INSERT INTO access_log (at, municipality, assessor, case_id, action)
            VALUES (\(time), \(municipality.rawValue), \(assessor.rawValue), \(caseID), \(action.rawValue))
            """
        )
    }

    /// Entries for case `caseID`, oldest first.
    public static func entries(of caseID: UUID, in tx: Transaction) throws -> [(assessor: String, action: String, at: Date)] {
        try tx.query("SELECT assessor, action, at FROM access_log WHERE case_id = \(caseID) ORDER BY id").rows.map {
            (try $0.decode(String.self, "assessor"), try $0.decode(String.self, "action"), try $0.decode(Date.self, "at"))
        }
    }
}
