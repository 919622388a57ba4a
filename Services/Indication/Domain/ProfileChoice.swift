public import Foundation

/// The client profile an assessor chose for a case: the suggestion confirmed, or overridden
/// with a reason (both recorded).
public struct ProfileChoice: Sendable, Hashable, Codable {
    public let profileID: Int
    /// The profile the catalogue suggested at the time (`nil`: no scores yet, e.g. an advice).
    public let suggestedID: Int?
    public let catalogueVersion: String
    /// Why the suggestion was not followed; required for an override.
    public let reason: String?
    public let chosenBy: AssessorID
    public let chosenAt: Date

    /// True when the assessor chose another profile than the suggested one.
    public var isOverride: Bool { suggestedID.map { $0 != profileID } ?? false }

    /// A checked choice.
    /// - Throws: `overrideWithoutReason` when `profileID` differs from `suggestedID` and no
    ///   reason is given.
    public init(
        profileID: Int,
        suggestedID: Int?,
        catalogueVersion: String,
        reason: String?,
        chosenBy: AssessorID,
        chosenAt: Date
    ) throws(IndicationError) {
        let reason = try TextField.optional(reason, field: "reason", label: "Reden", maxLength: 2000)
        if let suggestedID, suggestedID != profileID, reason == nil { throw .overrideWithoutReason(suggested: suggestedID) }
        self.profileID = profileID
        self.suggestedID = suggestedID
        self.catalogueVersion = catalogueVersion
        self.reason = reason
        self.chosenBy = chosenBy
        self.chosenAt = chosenAt
    }
}
