public import Contracts
public import Foundation

/// Advies van de onafhankelijke indicatiesteller: asked over the organisation's queue, answered
/// by the organisation itself (checked on the broker's `user_id`).
public struct Advice: Sendable, Hashable, Codable {
    /// The assessor organisation's broker login.
    public let organisation: String
    public let requestedAt: Date
    public var givenAt: Date?
    public var text: String?
    public var recommendedCategories: [ProductCategory]
    public var suggestedProfile: Int?

    public init(
        organisation: String,
        requestedAt: Date,
        givenAt: Date? = nil,
        text: String? = nil,
        recommendedCategories: [ProductCategory] = [],
        suggestedProfile: Int? = nil
    ) {
        self.organisation = organisation
        self.requestedAt = requestedAt
        self.givenAt = givenAt
        self.text = text
        self.recommendedCategories = recommendedCategories
        self.suggestedProfile = suggestedProfile
    }

    /// True until the organisation answered.
    public var isPending: Bool { givenAt == nil }
}
