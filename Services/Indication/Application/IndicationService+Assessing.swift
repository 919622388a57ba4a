import Contracts
public import Foundation
import ReliableMessaging
import Storage

extension IndicationService {
    /// The assessor takes case `id` (becomes its assignee).
    public func take(_ id: UUID, by assessor: Assessor) async throws -> CaseDetails {
        let now = clock()
        return try await transaction { [self] tx in
            var item = try Self.lockedCase(id, of: assessor, in: tx)
            try assessor.requireMandate(for: item)
            item.assignee = assessor.id
            try CaseRepository.save(item, in: tx)
            try CaseAccessLog.record(.read, caseID: id, by: assessor.id, municipality: item.municipality, at: now, in: tx)
            return try details(of: item, in: tx)
        }
    }

    /// Records a scoring of the matrix (onderzoek); the case is then being assessed.
    public func recordAssessment(_ id: UUID, _ input: AssessmentInput, by assessor: Assessor) async throws -> CaseDetails {
        let scores = try MatrixScores(named: input.scores)
        let notes = try TextField.optional(input.notes, field: "notes", label: "Notities")
        let now = clock()
        return try await transaction { [self] tx in
            var item = try Self.lockedCase(id, of: assessor, in: tx)
            try item.checkChangeable()
            try assessor.requireMandate(for: item)
            try AssessmentRepository.insert(
                Assessment(caseID: id, assessedAt: now, assessedBy: assessor.id, scores: scores, notes: notes),
                in: tx
            )
            item.status = .assessing
            // Multi-problem: the expertise team takes it over.
            if item.route == .municipality, settings.rules.isMultiProblem(scores) {
                item.route = .expertiseTeam
                if !assessor.isExpertiseTeam { item.assignee = nil }
            }
            if item.assignee == nil, item.route != .expertiseTeam || assessor.isExpertiseTeam { item.assignee = assessor.id }
            try CaseRepository.save(item, in: tx)
            try CaseAccessLog.record(.assess, caseID: id, by: assessor.id, municipality: item.municipality, at: now, in: tx)
            return try details(of: item, in: tx)
        }
    }

    /// Confirms the suggested profile or overrides it with a reason. A profile configured as
    /// complex sends the case to the municipality's independent assessor for advice.
    public func chooseProfile(_ id: UUID, _ input: ProfileInput, by assessor: Assessor) async throws -> CaseDetails {
        let catalogue = settings.catalogue
        _ = try catalogue.profile(input.profileId)
        let now = clock()
        return try await transaction(publishes: true) { [self] tx in
            var item = try Self.lockedCase(id, of: assessor, in: tx)
            try item.checkChangeable()
            try assessor.requireMandate(for: item)
            guard let latest = try AssessmentRepository.assessments(of: id, in: tx).last else { throw IndicationError.noAssessmentYet }
            item.profile = try ProfileChoice(
                profileID: input.profileId,
                suggestedID: catalogue.suggest(for: latest.scores).profileID,
                catalogueVersion: catalogue.version,
                reason: input.reason,
                chosenBy: assessor.id,
                chosenAt: now
            )
            if item.advice == nil, let organisation = settings.rules.assessor(forProfile: input.profileId, in: item.municipality) {
                try requestAdvice(for: &item, from: organisation, at: now, in: tx)
            }
            try CaseRepository.save(item, in: tx)
            try CaseAccessLog.record(.assess, caseID: id, by: assessor.id, municipality: item.municipality, at: now, in: tx)
            return try details(of: item, in: tx)
        }
    }

    /// Adds a line to the case's arrangement (P4 is checked by `ArrangementLine`).
    public func addLine(_ id: UUID, _ input: LineInput, by assessor: Assessor) async throws -> CaseDetails {
        let line = try input.makeLine()
        let now = clock()
        return try await transaction { [self] tx in
            var item = try Self.lockedCase(id, of: assessor, in: tx)
            try item.checkChangeable()
            try assessor.requireMandate(for: item)
            try ArrangementRepository.insert(line, caseID: id, by: assessor.id, at: now, in: tx)
            if item.status == .received { item.status = .assessing }
            // A provision outside a regular assessor's mandate: the expertise team decides.
            routeForMandate(&item, category: line.category, by: assessor)
            try CaseRepository.save(item, in: tx)
            try CaseAccessLog.record(.changeArrangement, caseID: id, by: assessor.id, municipality: item.municipality, at: now, in: tx)
            return try details(of: item, in: tx)
        }
    }

    /// Writes `indication.advice.requested` for `organisation` and marks the case as waiting.
    func requestAdvice(for item: inout IndicationCase, from organisation: OrganisationKey, at time: Date, in tx: Transaction) throws {
        item.requestAdvice(from: organisation, at: time)
        let due = settings.calendar.adding(workingDays: settings.adviceWorkingDays, to: settings.calendar.day(of: time))
        let request = AdviceRequested(
            caseId: item.id,
            requestId: item.requestID,
            subjectRef: item.subjectRef,
            household: item.household,
            question: item.question,
            findings: item.findings,
            categories: item.domains,
            urgency: item.urgency,
            adviceDue: due.description
        )
        try Outbox.enqueue(envelope(request, about: item), routingKey: IndicationTopology.adviceRoutingKey(organisation), in: tx)
    }
}
