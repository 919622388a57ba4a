public import Foundation

/// `provider.allocation.requested` (iWmo WMO315): a provider asks for an allocation for a client
/// it already serves under another allocation (it knows the client only by `subjectRef`).
/// Published by the provider on `wmo.partners` as `provider.<organisation>.allocation.requested`;
/// indication answers with `indication.receipt` at once and `indication.allocation.request.answered`
/// within 5 working days.
public struct AllocationRequested: MessageContract, Equatable {
    public static let messageType = "provider.allocation.requested"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var subjectRef: SubjectRef
    public var category: ProductCategory
    public var volume: Double?
    public var unit: String?
    /// The wished first day (`YYYY-MM-DD`).
    public var validFrom: String
    /// Why the provider asks (no names: the municipality knows the client).
    public var reason: String
    /// The provider's own reference, echoed in the answer.
    public var providerReference: String?

    public init(
        subjectRef: SubjectRef,
        category: ProductCategory,
        volume: Double? = nil,
        unit: String? = nil,
        validFrom: String,
        reason: String,
        providerReference: String? = nil
    ) {
        self.subjectRef = subjectRef
        self.category = category
        self.volume = volume
        self.unit = unit
        self.validFrom = validFrom
        self.reason = reason
        self.providerReference = providerReference
    }

    public func validate() throws(ContractViolation) {
        try ProviderRequestRules.check(reason: reason, volume: volume, providerReference: providerReference)
    }
}

/// `provider.allocation.change-requested` (iWmo WMO317): a provider asks to change an
/// allocation it holds (volume, end). Granted, it is corrected as a withdrawal plus a new
/// allocation, never in place.
public struct AllocationChangeRequested: MessageContract, Equatable {
    public static let messageType = "provider.allocation.change-requested"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var allocationId: UUID
    public var volume: Double?
    public var unit: String?
    /// The wished last day (`YYYY-MM-DD`).
    public var validUntil: String?
    public var reason: String
    public var providerReference: String?

    public init(
        allocationId: UUID,
        volume: Double? = nil,
        unit: String? = nil,
        validUntil: String? = nil,
        reason: String,
        providerReference: String? = nil
    ) {
        self.allocationId = allocationId
        self.volume = volume
        self.unit = unit
        self.validUntil = validUntil
        self.reason = reason
        self.providerReference = providerReference
    }

    public func validate() throws(ContractViolation) {
        try ProviderRequestRules.check(reason: reason, volume: volume, providerReference: providerReference)
        guard volume != nil || validUntil != nil else {
            throw ContractViolation(field: "volume", problem: "a change names a new volume, a new end, or both")
        }
    }
}

/// `indication.allocation.request.answered` (iWmo WMO319): the municipality's answer to a
/// provider's request, on the provider's queue (`indication.allocation.request.answered.<organisation>`):
/// `under-investigation` first when it needs more time (closed within 8 weeks), then `granted`
/// with the new allocations (which also come, as the full current set, in
/// `indication.allocation.issued`) or `refused` with the explanation.
public struct AllocationRequestAnswered: MessageContract, Equatable {
    public static let messageType = "indication.allocation.request.answered"
    public static let schemaVersion = SchemaVersion(1, 0)

    /// Toegewezen, afgewezen, in onderzoek.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case granted
        case refused
        case underInvestigation = "under-investigation"
    }

    /// The AMQP `message_id` of the provider's request.
    public var requestMessageId: UUID
    public var requestType: String
    public var outcome: Outcome
    /// The new allocations of a grant.
    public var allocationIds: [UUID]
    public var explanation: String?
    /// When an investigation ends at the latest (`YYYY-MM-DD`).
    public var investigationDue: String?
    public var providerReference: String?

    public init(
        requestMessageId: UUID,
        requestType: String,
        outcome: Outcome,
        allocationIds: [UUID] = [],
        explanation: String? = nil,
        investigationDue: String? = nil,
        providerReference: String? = nil
    ) {
        self.requestMessageId = requestMessageId
        self.requestType = requestType
        self.outcome = outcome
        self.allocationIds = allocationIds
        self.explanation = explanation
        self.investigationDue = investigationDue
        self.providerReference = providerReference
    }
}

/// The checks both provider requests share.
enum ProviderRequestRules {
    static func check(reason: String, volume: Double?, providerReference: String?) throws(ContractViolation) {
        guard reason.contains(where: { !$0.isWhitespace }) else { throw ContractViolation(field: "reason", problem: "say why") }
        guard reason.count <= 2000 else { throw ContractViolation(field: "reason", problem: "at most 2000 characters") }
        if let volume, !(volume > 0 && volume <= 10_000) {
            throw ContractViolation(field: "volume", problem: "a positive number up to 10000")
        }
        if let providerReference, providerReference.count > 100 {
            throw ContractViolation(field: "providerReference", problem: "at most 100 characters")
        }
    }
}
