public import Foundation

/// `provider.allocation.acknowledged` (iWmo WMO302, accepted): the provider received and
/// accepts the allocations of an `indication.allocation.issued`. Published by the provider on
/// `wmo.partners` as `provider.<organisation>.allocation.acknowledged`.
public struct AllocationAcknowledged: MessageContract, Equatable {
    public static let messageType = "provider.allocation.acknowledged"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var allocationIds: [UUID]
    public init(allocationIds: [UUID]) { self.allocationIds = allocationIds }

    public func validate() throws(ContractViolation) {
        guard !allocationIds.isEmpty else { throw ContractViolation(field: "allocationIds", problem: "name at least one allocation") }
    }
}

/// `provider.allocation.rejected` (iWmo WMO302 with retour codes): the provider cannot take the
/// allocations (e.g. product not contracted, no capacity); the case goes back to the assessor.
public struct AllocationRejected: MessageContract, Equatable {
    public static let messageType = "provider.allocation.rejected"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var allocationIds: [UUID]
    public var retourCodes: [String]
    public var explanation: String?

    public init(allocationIds: [UUID], retourCodes: [String], explanation: String? = nil) {
        self.allocationIds = allocationIds
        self.retourCodes = retourCodes
        self.explanation = explanation
    }

    public func validate() throws(ContractViolation) {
        guard !allocationIds.isEmpty else { throw ContractViolation(field: "allocationIds", problem: "name at least one allocation") }
        guard !retourCodes.isEmpty else { throw ContractViolation(field: "retourCodes", problem: "a rejection gives at least one code") }
    }
}

/// `provider.care.started` (iWmo WMO305): care under an allocation started on `startDate`,
/// reported within 5 working days of it.
public struct CareStarted: MessageContract, Equatable {
    public static let messageType = "provider.care.started"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var allocationId: UUID
    /// `YYYY-MM-DD`.
    public var startDate: String

    public init(allocationId: UUID, startDate: String) {
        self.allocationId = allocationId
        self.startDate = startDate
    }
}

/// `provider.care.stopped` (iWmo WMO307): care under an allocation stopped on `stopDate` for
/// `reason`, reported within 5 working days of it.
public struct CareStopped: MessageContract, Equatable {
    public static let messageType = "provider.care.stopped"
    public static let schemaVersion = SchemaVersion(1, 0)

    /// Reden beëindiging.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        case goalsReached = "goals-reached"
        case deceased
        case moved
        case clientWish = "client-wish"
        case otherProvision = "other-provision"
        case allocationEnded = "allocation-ended"
        case other
    }

    public var allocationId: UUID
    public var stopDate: String
    public var reason: Reason

    public init(allocationId: UUID, stopDate: String, reason: Reason) {
        self.allocationId = allocationId
        self.stopDate = stopDate
        self.reason = reason
    }
}

/// `indication.receipt` (the retour of iWmo WMO306/308/316/318): indication's answer to a
/// provider's start, stop or request message, on the provider's queue
/// (`indication.receipt.<organisation>`): accepted, or rejected with retour codes (the message
/// then has no effect). Version 1.1: `allocationId` is absent for a receipt of
/// `provider.allocation.requested` (which names no allocation).
public struct ProviderMessageReceipt: MessageContract, Equatable {
    public static let messageType = "indication.receipt"
    public static let schemaVersion = SchemaVersion(1, 1)
    public var receivedMessageId: UUID
    public var receivedType: String
    public var allocationId: UUID?
    public var accepted: Bool
    /// Why it was rejected, or a remark on an accepted one (e.g. `reported-late`).
    public var retourCodes: [String]

    public init(receivedMessageId: UUID, receivedType: String, allocationId: UUID?, accepted: Bool, retourCodes: [String] = []) {
        self.receivedMessageId = receivedMessageId
        self.receivedType = receivedType
        self.allocationId = allocationId
        self.accepted = accepted
        self.retourCodes = retourCodes
    }
}
