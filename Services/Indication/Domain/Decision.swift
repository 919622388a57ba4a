public import Contracts
public import Foundation
public import WorkingDays

/// Beschikking: the decision on every open individual-provision line of a case's arrangement.
/// The desk renders the letter from `indication.decided`; only the desk knows the address.
public struct Decision: Sendable, Hashable, Codable, Identifiable {
    /// How the case was decided.
    public enum Procedure: String, Sendable, Hashable, Codable {
        /// After an assessment and a profile.
        case regular
        /// The simplified protocol for standard provisions (standaard indicatieprotocol).
        case standard
    }

    public let id: UUID
    public let caseID: UUID
    public let decidedAt: Date
    public let decidedBy: AssessorID
    public let lines: [LineDecision]
    /// Herbeoordeling: a work item comes up before this day.
    public let reviewDay: LocalDate?
    /// Eigen bijdrage via CAK.
    public let ownContribution: Bool
    /// An income test was done (required for the categories the municipality configures).
    public let incomeTested: Bool
    public let procedure: Procedure

    /// A decision on exactly the open individual-provision lines of `arrangement`.
    /// - Throws: `nothingToDecide`, `notAnOpenIndividualLine` for a decision on another line,
    ///   `lineNotDecided` for an open line without one, `reviewDateInPast`,
    ///   `incomeTestRequired` when a granted line's category needs it and none was done.
    public init(
        id: UUID = UUID(),
        caseID: UUID,
        arrangement: [ArrangementLine],
        lines: [LineDecision],
        decidedAt: Date,
        today: LocalDate,
        decidedBy: AssessorID,
        reviewDay: LocalDate?,
        ownContribution: Bool,
        incomeTested: Bool,
        incomeTestCategories: Set<ProductCategory>,
        procedure: Procedure = .regular
    ) throws(IndicationError) {
        let open = arrangement.filter(\.awaitsDecision)
        guard !open.isEmpty else { throw .nothingToDecide }
        let openIDs = Set(open.map(\.id))
        var seen = Set<UUID>()
        for line in lines {
            guard openIDs.contains(line.lineID), seen.insert(line.lineID).inserted else { throw .notAnOpenIndividualLine(line.lineID) }
        }
        if let missing = open.first(where: { !seen.contains($0.id) }) { throw .lineNotDecided(missing.id) }
        if let reviewDay, reviewDay < today { throw .reviewDateInPast }
        for line in open {
            guard let category = line.category, incomeTestCategories.contains(category), !incomeTested else { continue }
            if lines.first(where: { $0.lineID == line.id })?.granted == true { throw .incomeTestRequired(category) }
        }
        self.id = id
        self.caseID = caseID
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.lines = open.compactMap { line in lines.first { $0.lineID == line.id } }
        self.reviewDay = reviewDay
        self.ownContribution = ownContribution
        self.incomeTested = incomeTested
        self.procedure = procedure
    }

    /// The lines as the contract carries them (category, volume and unit from the arrangement,
    /// dates as the start of the day in Europe/Amsterdam).
    public func contractLines(arrangement: [ArrangementLine], calendar: WorkingDayCalendar) -> [DecisionLine] {
        lines.compactMap { decided in
            guard let line = arrangement.first(where: { $0.id == decided.lineID }), let category = line.category else { return nil }
            return DecisionLine(
                category: category,
                granted: decided.granted,
                grounds: decided.grounds,
                form: decided.form,
                volume: decided.granted ? line.volume : nil,
                unit: decided.granted ? line.unit?.rawValue : nil,
                validFrom: decided.validFrom.map(calendar.startOfDay),
                validUntil: decided.validUntil.map(calendar.startOfDay)
            )
        }
    }
}
