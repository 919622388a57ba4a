public import Contracts
public import Foundation
import WorkingDays

/// `{"scores": {"basic-adl": 2, …}, "notes": "…"}`.
public struct AssessmentInput: Codable, Sendable {
    public var scores: [String: Int]
    public var notes: String?
    public init(scores: [String: Int], notes: String? = nil) {
        self.scores = scores
        self.notes = notes
    }
}

/// `{"profileId": 3, "reason": "…"}`: confirm the suggestion, or override it with a reason.
public struct ProfileInput: Codable, Sendable {
    public var profileId: Int
    public var reason: String?
    public init(profileId: Int, reason: String? = nil) {
        self.profileId = profileId
        self.reason = reason
    }
}

/// One line of the arrangement as an API body or form sends it.
public struct LineInput: Codable, Sendable {
    public var layer: SupportLayer
    public var deliveredBy: String
    public var activity: String
    public var category: ProductCategory?
    public var task: VolunteerTask?
    public var volume: Double?
    public var unit: ArrangementLine.Unit?
    public var intendedResult: String
    public var reciprocalContribution: String?
    public var whyEarlierLayersDoNotSuffice: String?

    public init(
        layer: SupportLayer,
        deliveredBy: String,
        activity: String,
        category: ProductCategory? = nil,
        task: VolunteerTask? = nil,
        volume: Double? = nil,
        unit: ArrangementLine.Unit? = nil,
        intendedResult: String,
        reciprocalContribution: String? = nil,
        whyEarlierLayersDoNotSuffice: String? = nil
    ) {
        self.layer = layer
        self.deliveredBy = deliveredBy
        self.activity = activity
        self.category = category
        self.task = task
        self.volume = volume
        self.unit = unit
        self.intendedResult = intendedResult
        self.reciprocalContribution = reciprocalContribution
        self.whyEarlierLayersDoNotSuffice = whyEarlierLayersDoNotSuffice
    }

    /// The checked line (P4 and the other line rules).
    public func makeLine() throws(IndicationError) -> ArrangementLine {
        try ArrangementLine(
            layer: layer,
            deliveredBy: deliveredBy,
            activity: activity,
            category: category,
            task: task,
            volume: volume,
            unit: unit,
            intendedResult: intendedResult,
            reciprocalContribution: reciprocalContribution,
            whyEarlierLayersDoNotSuffice: whyEarlierLayersDoNotSuffice
        )
    }
}

/// The decision on one line: `{"lineId": …, "granted": true, "grounds": "…", "form": "in-kind",
/// "validFrom": "2026-12-07", "validUntil": "2027-12-06"}`.
public struct LineDecisionInput: Codable, Sendable {
    public var lineId: UUID
    public var granted: Bool
    public var grounds: String
    public var form: DecisionLine.Form?
    public var validFrom: String?
    public var validUntil: String?
    /// The contracted provider's broker login (e.g. `0202-rijnstad`) for a granted in-kind line.
    public var provider: String?

    public init(
        lineId: UUID,
        granted: Bool,
        grounds: String,
        form: DecisionLine.Form? = nil,
        validFrom: String? = nil,
        validUntil: String? = nil,
        provider: String? = nil
    ) {
        self.provider = provider
        self.lineId = lineId
        self.granted = granted
        self.grounds = grounds
        self.form = form
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    func makeDecision() throws(IndicationError) -> LineDecision {
        try LineDecision(
            lineID: lineId,
            granted: granted,
            grounds: grounds,
            form: form,
            validFrom: try DateField.optional(validFrom, field: "validFrom"),
            validUntil: try DateField.optional(validUntil, field: "validUntil"),
            provider: provider.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0.trimmingCharacters(in: .whitespaces) }
        )
    }
}

/// `{"lines": [...], "reviewDate": "2027-06-01", "ownContribution": true, "incomeTested": false}`.
public struct DecisionInput: Codable, Sendable {
    public var lines: [LineDecisionInput]
    public var reviewDate: String?
    public var ownContribution: Bool?
    public var incomeTested: Bool?

    public init(lines: [LineDecisionInput], reviewDate: String? = nil, ownContribution: Bool? = nil, incomeTested: Bool? = nil) {
        self.lines = lines
        self.reviewDate = reviewDate
        self.ownContribution = ownContribution
        self.incomeTested = incomeTested
    }
}

/// The simplified protocol in one body: the line and its decision (`granted`, `grounds`, …).
public struct StandardDecisionInput: Codable, Sendable {
    public var line: LineInput
    public var granted: Bool
    public var grounds: String
    public var form: DecisionLine.Form?
    public var validFrom: String?
    public var validUntil: String?
    public var provider: String?
    public var ownContribution: Bool?

    public init(
        line: LineInput,
        granted: Bool,
        grounds: String,
        form: DecisionLine.Form? = nil,
        validFrom: String? = nil,
        validUntil: String? = nil,
        provider: String? = nil,
        ownContribution: Bool? = nil
    ) {
        self.provider = provider
        self.line = line
        self.granted = granted
        self.grounds = grounds
        self.form = form
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.ownContribution = ownContribution
    }
}

/// Dates typed by an assessor (`2026-04-06` or `6-4-2026`).
enum DateField {
    static func optional(_ text: String?, field: String) throws(IndicationError) -> LocalDate? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        guard let day = LocalDate(typed: text) else { throw .invalidDate(field: field) }
        return day
    }
}
