public import Foundation

/// `matching.ended`: a match (after `matching.matched`) ended, with how it went in a few words.
public struct MatchingEnded: MessageContract, Equatable {
    public static let messageType = "matching.ended"
    public static let schemaVersion = SchemaVersion(1, 0)

    public var requestId: UUID
    public var matchId: UUID
    /// The client; absent for a carer's own respite request.
    public var subjectRef: SubjectRef?
    /// The arrangement line, for a request of indication.
    public var lineId: UUID?
    public var task: VolunteerTask
    /// `YYYY-MM-DD`.
    public var endedOn: String
    /// The short evaluation (no names, no BSN).
    public var evaluation: String

    public init(
        requestId: UUID,
        matchId: UUID,
        subjectRef: SubjectRef?,
        lineId: UUID?,
        task: VolunteerTask,
        endedOn: String,
        evaluation: String
    ) {
        self.requestId = requestId
        self.matchId = matchId
        self.subjectRef = subjectRef
        self.lineId = lineId
        self.task = task
        self.endedOn = endedOn
        self.evaluation = evaluation
    }
}

/// `matching.carer.overburdened`: an informal carer registered (or re-scored) with a burden at
/// or above the municipality's threshold: flagged for outreach. The desk puts it on its work list
/// for the cared-for person (`caredFor`) when that person is a client; the carer's own contact
/// stays at matching (the coordinator's page lists it).
public struct CarerOverburdened: MessageContract, Equatable {
    public static let messageType = "matching.carer.overburdened"
    public static let schemaVersion = SchemaVersion(1, 0)

    public var carerId: UUID
    /// The cared-for client, when known.
    public var caredFor: SubjectRef?
    /// 0 to 9.
    public var burden: Int
    public var hoursPerWeek: Int
    public var district: String

    public init(carerId: UUID, caredFor: SubjectRef?, burden: Int, hoursPerWeek: Int, district: String) {
        self.carerId = carerId
        self.caredFor = caredFor
        self.burden = burden
        self.hoursPerWeek = hoursPerWeek
        self.district = district
    }

    public func validate() throws(ContractViolation) {
        guard (0...9).contains(burden) else { throw ContractViolation(field: "burden", problem: "0-9") }
        guard (0...168).contains(hoursPerWeek) else { throw ContractViolation(field: "hoursPerWeek", problem: "0-168") }
        try ContractViolation.check(district, "district", length: 1...100)
    }
}

/// `matching.carer-appreciation.listed`: the yearly carer appreciation round
/// (mantelzorgwaardering) of a municipality produced its list (once per year: a second run
/// lists only carers registered since). The list itself is read over the API.
public struct CarerAppreciationListed: MessageContract, Equatable {
    public static let messageType = "matching.carer-appreciation.listed"
    public static let schemaVersion = SchemaVersion(1, 0)

    public var year: Int
    /// Carers newly listed by this run.
    public var listed: Int
    /// Carers on the year's list in all.
    public var total: Int

    public init(year: Int, listed: Int, total: Int) {
        self.year = year
        self.listed = listed
        self.total = total
    }
}
