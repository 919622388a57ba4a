public import Foundation

/// One provision line of a decision (beschikking).
public struct DecisionLine: Codable, Sendable, Equatable {
    /// How the provision is delivered: in kind (zorg in natura) or as personal budget (pgb).
    public enum Form: String, Codable, Sendable {
        case inKind = "in-kind"
        case personalBudget = "personal-budget"
    }
    public var category: ProductCategory
    public var granted: Bool
    public var grounds: String
    public var form: Form?
    /// e.g. 3 (hours per week) or 1 (unit).
    public var volume: Double?
    public var unit: String?
    public var validFrom: Date?
    public var validUntil: Date?

    public init(
        category: ProductCategory,
        granted: Bool,
        grounds: String,
        form: Form? = nil,
        volume: Double? = nil,
        unit: String? = nil,
        validFrom: Date? = nil,
        validUntil: Date? = nil
    ) {
        self.category = category
        self.granted = granted
        self.grounds = grounds
        self.form = form
        self.volume = volume
        self.unit = unit
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

/// `indication.decided`: the content of a decision; the desk renders the letter, because only
/// the desk knows the address.
public struct IndicationDecided: MessageContract, Equatable {
    public static let messageType = "indication.decided"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var decisionId: UUID
    public var requestId: UUID
    public var subjectRef: SubjectRef
    public var decidedAt: Date
    public var decidedBy: String
    public var lines: [DecisionLine]
    public var reviewDate: Date?
    public var ownContribution: Bool

    public init(
        decisionId: UUID,
        requestId: UUID,
        subjectRef: SubjectRef,
        decidedAt: Date,
        decidedBy: String,
        lines: [DecisionLine],
        reviewDate: Date? = nil,
        ownContribution: Bool = false
    ) {
        self.decisionId = decisionId
        self.requestId = requestId
        self.subjectRef = subjectRef
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.lines = lines
        self.reviewDate = reviewDate
        self.ownContribution = ownContribution
    }

    public func validate() throws(ContractViolation) {
        guard !lines.isEmpty else { throw ContractViolation(field: "lines", problem: "a decision has at least one line") }
        for (index, line) in lines.enumerated() {
            try ContractViolation.check(line.grounds, "lines[\(index)].grounds", length: 1...4000)
        }
    }
}
