public import Foundation

/// `frontdesk.consent.withdrawn`: the citizen withdrew the consent for a referral; the partner
/// must delete the contact data it received with it.
public struct ConsentWithdrawn: MessageContract, Equatable {
    public static let messageType = "frontdesk.consent.withdrawn"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var referralId: UUID
    public var partnerId: String
    public init(referralId: UUID, partnerId: String) {
        self.referralId = referralId
        self.partnerId = partnerId
    }
}
