public import Contracts
public import Foundation
public import WorkingDays

/// Verzoek om toewijzing (iWmo WMO315) or verzoek om wijziging (WMO317): a provider asks the
/// municipality for an allocation for a client it serves, or to change one it holds. The
/// municipality answers within 5 working days (WMO319): granted, refused, or first "under
/// investigation", which must end within 8 weeks of receipt.
public struct ProviderRequest: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// WMO315: a new allocation.
        case allocation
        /// WMO317: a change of `allocationID`.
        case change
    }

    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Received, not answered yet.
        case received
        /// Answered "in onderzoek"; the final answer comes before `investigationDue`.
        case underInvestigation = "under-investigation"
        /// The assessor agreed; the case's decision on the new line gives the final answer.
        case accepted
        case granted
        case refused
    }

    /// The answer term and the longest investigation (iWmo 3.2).
    public static let answerWorkingDays = 5
    public static let investigationWeeks = 8

    public let id: UUID
    public let kind: Kind
    /// The provider's message (`message_id`), echoed in the answer.
    public let messageID: UUID
    public let provider: OrganisationKey
    public let caseID: UUID
    public let subjectRef: SubjectRef
    /// The allocation to change (`change` only).
    public let allocationID: UUID?
    public let category: ProductCategory
    public let volume: Double?
    public let unit: String?
    public let validFrom: LocalDate?
    public let validUntil: LocalDate?
    public let reason: String
    public let providerReference: String?
    public let receivedAt: Date
    public let answerDue: LocalDate
    public var status: Status
    public var investigationDue: LocalDate?
    /// The line of the arrangement an accepted request became.
    public var lineID: UUID?
    public var answeredAt: Date?
    public var explanation: String?

    /// A request as received on `day`.
    public init(
        id: UUID = UUID(),
        kind: Kind,
        messageID: UUID,
        provider: OrganisationKey,
        caseID: UUID,
        subjectRef: SubjectRef,
        allocationID: UUID? = nil,
        category: ProductCategory,
        volume: Double?,
        unit: String?,
        validFrom: LocalDate?,
        validUntil: LocalDate?,
        reason: String,
        providerReference: String?,
        receivedAt: Date,
        calendar: WorkingDayCalendar,
        status: Status = .received,
        investigationDue: LocalDate? = nil,
        lineID: UUID? = nil,
        answeredAt: Date? = nil,
        explanation: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.messageID = messageID
        self.provider = provider
        self.caseID = caseID
        self.subjectRef = subjectRef
        self.allocationID = allocationID
        self.category = category
        self.volume = volume
        self.unit = unit
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.reason = reason
        self.providerReference = providerReference
        self.receivedAt = receivedAt
        answerDue = calendar.adding(workingDays: Self.answerWorkingDays, to: calendar.day(of: receivedAt))
        self.status = status
        self.investigationDue = investigationDue
        self.lineID = lineID
        self.answeredAt = answeredAt
        self.explanation = explanation
    }

    /// Still waiting for the municipality's final answer.
    public var isOpen: Bool { status == .received || status == .underInvestigation || status == .accepted }

    /// The term that runs now: the answer term, or the end of the investigation.
    public var due: LocalDate? {
        switch status {
        case .received: answerDue
        case .underInvestigation: investigationDue
        // Accepted, the decision must still come within the term that ran.
        case .accepted: investigationDue ?? answerDue
        case .granted, .refused: nil
        }
    }

    /// The current term has passed on `today`.
    public func isOverdue(on today: LocalDate) -> Bool { due.map { today > $0 } ?? false }

    /// "In onderzoek": allowed once, before the final answer; ends 8 weeks after receipt.
    public mutating func investigate(at time: Date, calendar: WorkingDayCalendar) throws(IndicationError) {
        guard status == .received else { throw .providerRequestAnswered }
        status = .underInvestigation
        investigationDue = calendar.day(of: receivedAt).adding(days: Self.investigationWeeks * 7)
        answeredAt = time
    }

    /// Refused, with the explanation the provider gets.
    public mutating func refuse(_ explanation: String, at time: Date) throws(IndicationError) {
        guard status == .received || status == .underInvestigation else { throw .providerRequestAnswered }
        guard let text = try TextField.optional(explanation, field: "explanation", label: "Toelichting") else {
            throw .missingField(field: "explanation", label: "Toelichting")
        }
        status = .refused
        self.explanation = text
        answeredAt = time
    }

    /// Agreed: the request becomes line `line` of the case's arrangement; the decision on it
    /// gives the final answer.
    public mutating func accept(asLine line: UUID, explanation: String?, at time: Date) throws(IndicationError) {
        guard status == .received || status == .underInvestigation else { throw .providerRequestAnswered }
        // Joined to the provider's reason (at most 2000) in the line's P4 reason (at most 4000).
        let text = try TextField.optional(explanation, field: "explanation", label: "Toelichting", maxLength: 1500)
        status = .accepted
        lineID = line
        self.explanation = text
        answeredAt = time
    }

    /// The line of the arrangement for an accepted request (an individual provision; the P4
    /// reason is the provider's, with the assessor's remark).
    public func arrangementLine(id: UUID = UUID()) throws(IndicationError) -> ArrangementLine {
        try ArrangementLine(
            id: id,
            layer: .individualProvision,
            deliveredBy: provider.description,
            activity: kind == .change ? "Wijziging van een toewijzing op verzoek van de aanbieder" : "Toewijzing op verzoek van de aanbieder",
            category: category,
            volume: volume,
            unit: volume == nil ? nil : unit.flatMap(ArrangementLine.Unit.init(rawValue:)),
            intendedResult: "Zoals de aanbieder aanvraagt: \(reason)",
            whyEarlierLayersDoNotSuffice: "Verzoek van \(provider): \(reason)" + (explanation.map { " — \($0)" } ?? "")
        )
    }
}
