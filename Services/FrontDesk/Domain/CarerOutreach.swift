public import Contracts
public import Foundation

/// Mantelzorger onder hoge belasting: matching flagged an informal carer whose experienced
/// burden is at or above its threshold (`matching.carer.overburdened`), so the desk reaches out
/// (SPEC §4: signal overburdening early). The desk does not hold the carer: matching does, with
/// the carer's own consent. The desk knows the cared-for person when they are its client, and
/// otherwise only the district and matching's carer id, to ask matching's coordinator.
public struct CarerOutreach: Sendable, Hashable {
    /// Matching's id of the carer (one open outreach item per carer).
    public let carerID: UUID
    public let municipality: MunicipalityCode
    /// The desk's person the carer cares for, when matching named a client of the desk.
    public let personID: UUID?
    /// That person's name as shown, when known.
    public let caredForName: String?
    /// 0 to 9.
    public let burden: Int
    public let hoursPerWeek: Int
    public let district: String
    /// When matching flagged the carer (the event's time).
    public let flaggedAt: Date
    /// When a staff member recorded that they reached out, and who.
    public let handledAt: Date?
    public let handledBy: String?

    public init(
        carerID: UUID,
        municipality: MunicipalityCode,
        personID: UUID?,
        caredForName: String?,
        burden: Int,
        hoursPerWeek: Int,
        district: String,
        flaggedAt: Date,
        handledAt: Date? = nil,
        handledBy: String? = nil
    ) {
        self.carerID = carerID
        self.municipality = municipality
        self.personID = personID
        self.caredForName = caredForName
        self.burden = burden
        self.hoursPerWeek = hoursPerWeek
        self.district = district
        self.flaggedAt = flaggedAt
        self.handledAt = handledAt
        self.handledBy = handledBy
    }
}
