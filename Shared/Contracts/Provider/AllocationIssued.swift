public import Foundation

/// One allocation (toewijzing) of an individual provision to a provider.
public struct AllocationRecord: Codable, Sendable, Equatable {
    public var allocationId: UUID
    /// The decision (beschikking) it comes from.
    public var decisionId: UUID
    public var category: ProductCategory
    public var volume: Double?
    public var unit: String?
    /// First day (`YYYY-MM-DD`, Europe/Amsterdam).
    public var validFrom: String
    /// Last day, when it ends.
    public var validUntil: String?

    public init(
        allocationId: UUID,
        decisionId: UUID,
        category: ProductCategory,
        volume: Double? = nil,
        unit: String? = nil,
        validFrom: String,
        validUntil: String? = nil
    ) {
        self.allocationId = allocationId
        self.decisionId = decisionId
        self.category = category
        self.volume = volume
        self.unit = unit
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

/// An allocation taken back (a correction is a withdrawal plus a new allocation, never an
/// in-place change: iWmo OP087).
public struct WithdrawnAllocation: Codable, Sendable, Equatable {
    public var allocationId: UUID
    public var reason: String
    public init(allocationId: UUID, reason: String) {
        self.allocationId = allocationId
        self.reason = reason
    }
}

/// `indication.allocation.issued` (iWmo WMO301): the complete current set of allocations of one
/// client (subjectRef) with one provider — state, not a delta — on the provider's queue
/// (`provider.<organisation>`, routing key `indication.allocation.issued.<organisation>`). The
/// provider answers with `provider.allocation.acknowledged` or `provider.allocation.rejected`
/// within 3 working days; a missing answer is escalated by indication.
public struct AllocationIssued: MessageContract, Equatable {
    public static let messageType = "indication.allocation.issued"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var subjectRef: SubjectRef
    /// The provider's broker login.
    public var provider: String
    public var allocations: [AllocationRecord]
    public var withdrawn: [WithdrawnAllocation]

    public init(subjectRef: SubjectRef, provider: String, allocations: [AllocationRecord], withdrawn: [WithdrawnAllocation] = []) {
        self.subjectRef = subjectRef
        self.provider = provider
        self.allocations = allocations
        self.withdrawn = withdrawn
    }

    public func validate() throws(ContractViolation) {
        guard !allocations.isEmpty || !withdrawn.isEmpty else {
            throw ContractViolation(field: "allocations", problem: "an allocation message carries at least one allocation or withdrawal")
        }
    }
}
