public import Foundation

/// The fields every partner answer about a referral carries.
public protocol ReferralAnswer: MessageContract {
    var referralId: UUID { get }
    var partnerId: String { get }
}

extension ReferralAnswer {
    public func validate() throws(ContractViolation) {
        try ContractViolation.check(partnerId, "partnerId", length: 1...64)
    }
}

/// `partner.referral.accepted`: the partner takes the passed-on request.
public struct ReferralAccepted: ReferralAnswer, Equatable {
    public static let messageType = "partner.referral.accepted"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var referralId: UUID
    public var partnerId: String
    public init(referralId: UUID, partnerId: String) {
        self.referralId = referralId
        self.partnerId = partnerId
    }
}

/// `partner.referral.declined`: the partner will not take it; the desk routes it again.
public struct ReferralDeclined: ReferralAnswer, Equatable {
    public static let messageType = "partner.referral.declined"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var referralId: UUID
    public var partnerId: String
    public var reason: String
    public init(referralId: UUID, partnerId: String, reason: String) {
        self.referralId = referralId
        self.partnerId = partnerId
        self.reason = reason
    }
    public func validate() throws(ContractViolation) {
        try ContractViolation.check(partnerId, "partnerId", length: 1...64)
        try ContractViolation.check(reason, "reason", length: 1...2000)
    }
}

/// `partner.referral.contacted`: first contact with the citizen happened.
public struct ReferralContacted: ReferralAnswer, Equatable {
    public static let messageType = "partner.referral.contacted"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var referralId: UUID
    public var partnerId: String
    public var contactedAt: Date
    public init(referralId: UUID, partnerId: String, contactedAt: Date) {
        self.referralId = referralId
        self.partnerId = partnerId
        self.contactedAt = contactedAt
    }
}

/// `partner.referral.completed`: the partner finished helping.
public struct ReferralCompleted: ReferralAnswer, Equatable {
    public static let messageType = "partner.referral.completed"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var referralId: UUID
    public var partnerId: String
    public var summary: String?
    public init(referralId: UUID, partnerId: String, summary: String? = nil) {
        self.referralId = referralId
        self.partnerId = partnerId
        self.summary = summary
    }
}
