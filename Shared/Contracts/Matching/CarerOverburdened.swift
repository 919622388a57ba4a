public import Foundation

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
