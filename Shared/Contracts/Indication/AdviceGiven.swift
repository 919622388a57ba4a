public import Foundation

/// `assessor.advice.given`: an independent assessor organisation's advice on a case, published
/// by the organisation itself on `wmo.partners` with routing key
/// `assessor.<organisation>.advice.given`. Indication accepts it only from the organisation the
/// case was sent to (the broker-validated `user_id`).
public struct AdviceGiven: MessageContract, Equatable {
    public static let messageType = "assessor.advice.given"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var caseId: UUID
    /// The advice in words (no names: the organisation knows the subjectRef only).
    public var advice: String
    /// The individual provisions the assessor recommends (may be empty).
    public var recommendedCategories: [ProductCategory]
    /// The client profile (1-9) the assessor sees, if any.
    public var suggestedProfile: Int?

    public init(caseId: UUID, advice: String, recommendedCategories: [ProductCategory] = [], suggestedProfile: Int? = nil) {
        self.caseId = caseId
        self.advice = advice
        self.recommendedCategories = recommendedCategories
        self.suggestedProfile = suggestedProfile
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(advice, "advice", length: 1...8000)
        if let suggestedProfile, !(1...99).contains(suggestedProfile) {
            throw ContractViolation(field: "suggestedProfile", problem: "must be 1-99, is \(suggestedProfile)")
        }
    }
}
