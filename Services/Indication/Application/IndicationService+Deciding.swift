import Contracts
public import Foundation
import ReliableMessaging
import Storage
import WorkingDays

extension IndicationService {
    /// Decides every open individual provision of the case (beschikking): publishes
    /// `indication.decided` for the desk's letter and asks matching for the arrangement's
    /// informal-support lines (`indication.informal-support.requested`).
    public func decide(_ id: UUID, _ input: DecisionInput, by assessor: Assessor) async throws -> CaseDetails {
        let lines = try input.lines.map { line throws(IndicationError) in try line.makeDecision() }
        let reviewDay = try DateField.optional(input.reviewDate, field: "reviewDate")
        let now = clock()
        let today = self.today
        return try await transaction(publishes: true) { [self] tx in
            var item = try Self.lockedCase(id, of: assessor, in: tx)
            try item.checkChangeable()
            try assessor.requireMandate(for: item)
            guard item.profile != nil || item.route == .independentAssessor else { throw IndicationError.noAssessmentYet }
            let arrangement = try ArrangementRepository.lines(of: id, in: tx)
            let decision = try Decision(
                caseID: id,
                arrangement: arrangement,
                lines: lines,
                decidedAt: now,
                today: today,
                decidedBy: assessor.id,
                reviewDay: reviewDay,
                ownContribution: input.ownContribution ?? false,
                incomeTested: input.incomeTested ?? false,
                incomeTestCategories: settings.rules.incomeTestCategories
            )
            try record(decision, for: &item, arrangement: arrangement, by: assessor, at: now, in: tx)
            return try details(of: item, in: tx)
        }
    }

    /// The simplified protocol (standaard indicatieprotocol): one standard provision added and
    /// decided in one step, without scores or profile; the same messages as a full decision.
    public func decideStandard(_ id: UUID, _ input: StandardDecisionInput, by assessor: Assessor) async throws -> CaseDetails {
        let line = try input.line.makeLine()
        guard let category = line.category else { throw IndicationError.individualProvisionWithoutCategory }
        guard settings.rules.isStandard(category) else { throw IndicationError.notAStandardProvision(category) }
        // Outside a regular assessor's mandate, nothing is decided in one step.
        if settings.rules.needsExpertiseTeam(category), !assessor.isExpertiseTeam { throw IndicationError.expertiseTeamCase }
        let lineDecision = try LineDecisionInput(
            lineId: line.id,
            granted: input.granted,
            grounds: input.grounds,
            form: input.form,
            validFrom: input.validFrom,
            validUntil: input.validUntil,
            provider: input.provider
        ).makeDecision()
        let now = clock()
        let today = self.today
        return try await transaction(publishes: true) { [self] tx in
            var item = try Self.lockedCase(id, of: assessor, in: tx)
            try item.checkChangeable()
            try assessor.requireMandate(for: item)
            try ArrangementRepository.insert(line, caseID: id, by: assessor.id, at: now, in: tx)
            let arrangement = try ArrangementRepository.lines(of: id, in: tx)
            let decision = try Decision(
                caseID: id,
                arrangement: arrangement,
                lines: [lineDecision],
                decidedAt: now,
                today: today,
                decidedBy: assessor.id,
                reviewDay: nil,
                ownContribution: input.ownContribution ?? false,
                incomeTested: false,
                incomeTestCategories: [],
                procedure: .standard
            )
            try record(decision, for: &item, arrangement: arrangement, by: assessor, at: now, in: tx)
            return try details(of: item, in: tx)
        }
    }

    /// The allocations of `decision`'s granted in-kind lines, each to its contracted provider.
    /// - Throws: `providerNotContracted` for a provider without a contract for the category.
    private func allocations(
        of decision: Decision,
        for item: IndicationCase,
        arrangement: [ArrangementLine],
        at now: Date
    ) throws(IndicationError) -> [Allocation] {
        let calendar = settings.calendar
        var result: [Allocation] = []
        for decided in decision.lines where decided.granted && decided.form == .inKind {
            guard let line = arrangement.first(where: { $0.id == decided.lineID }), let category = line.category,
                let validFrom = decided.validFrom
            else { continue }
            let name = decided.provider ?? ""
            guard let provider = OrganisationKey(name), let tariff = settings.contracts.tariff(of: provider, for: category, in: item.municipality)
            else { throw .providerNotContracted(provider: name, category: category) }
            result.append(
                Allocation(
                    id: UUID(),
                    caseID: item.id,
                    decisionID: decision.id,
                    lineID: line.id,
                    municipality: item.municipality,
                    subjectRef: item.subjectRef,
                    provider: provider,
                    category: category,
                    volume: line.volume,
                    unit: line.unit?.rawValue,
                    validFrom: validFrom,
                    validUntil: decided.validUntil,
                    tariffCents: tariff,
                    issuedAt: now,
                    receiptDue: calendar.adding(workingDays: settings.receiptWorkingDays, to: calendar.day(of: now)),
                    status: .issued,
                    receiptAt: nil,
                    retourCodes: [],
                    escalatedAt: nil,
                    startDate: nil,
                    stopDate: nil,
                    stopReason: nil
                )
            )
        }
        return result
    }

    /// Stores `decision`, settles the lines, and writes the events.
    private func record(
        _ decision: Decision,
        for item: inout IndicationCase,
        arrangement: [ArrangementLine],
        by assessor: Assessor,
        at now: Date,
        in tx: Transaction
    ) throws {
        let allocations = try allocations(of: decision, for: item, arrangement: arrangement, at: now)
        try DecisionRepository.insert(decision, municipality: item.municipality, in: tx)
        for line in decision.lines { try ArrangementRepository.setStatus(.decided, reason: nil, of: line.lineID, in: tx) }
        for line in arrangement where line.layer == .informalSupport && line.status == .open {
            guard let task = line.task else { continue }
            try ArrangementRepository.setStatus(.requested, reason: nil, of: line.id, in: tx)
            let request = InformalSupportRequested(
                requestId: item.requestID,
                lineId: line.id,
                subjectRef: item.subjectRef,
                task: task,
                question: "\(line.activity) — \(line.intendedResult)",
                certificateRequired: false,
                urgency: item.urgency
            )
            try Outbox.enqueue(envelope(request, about: item), in: tx)
        }
        item.status = .decided
        item.decidedAt = now
        try CaseRepository.save(item, in: tx)
        let decided = IndicationDecided(
            decisionId: decision.id,
            requestId: item.requestID,
            subjectRef: item.subjectRef,
            decidedAt: now,
            decidedBy: assessor.displayName,
            lines: decision.contractLines(arrangement: arrangement, calendar: settings.calendar),
            reviewDate: decision.reviewDay.map(settings.calendar.startOfDay),
            ownContribution: decision.ownContribution
        )
        try Outbox.enqueue(envelope(decided, about: item), in: tx)
        for allocation in allocations { try AllocationRepository.insert(allocation, in: tx) }
        let withdrawn = try settleProviderRequests(of: decision, allocations: allocations, about: item, at: now, in: tx)
        try watchBudget(after: allocations, of: item, at: now, in: tx)
        // One message per provider with the client's complete current set (OP087); a correction
        // is the withdrawal of the old allocation plus the new one.
        for provider in Set(allocations.map(\.provider) + withdrawn.map(\.provider)).sorted() {
            let current = try AllocationRepository.currentSet(of: item.subjectRef, with: provider, in: tx)
            let issued = AllocationIssued(
                subjectRef: item.subjectRef,
                provider: provider.description,
                allocations: current.map(\.record),
                withdrawn: withdrawn.filter { $0.provider == provider }.map {
                    WithdrawnAllocation(allocationId: $0.id, reason: "Gewijzigd op verzoek van de aanbieder")
                }
            )
            try Outbox.enqueue(
                envelope(issued, about: item),
                routingKey: IndicationTopology.providerRoutingKey(AllocationIssued.messageType, provider),
                in: tx
            )
        }
        try CaseAccessLog.record(.decide, caseID: item.id, by: assessor.id, municipality: item.municipality, at: now, in: tx)
    }
}
