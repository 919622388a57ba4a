public import Contracts
public import Foundation
import ReliableMessaging
import Storage

/// Asking for an indication (assessment).
public struct IndicationInput: Sendable, Codable, Hashable {
    /// What the conversation found; default: the last conversation's own strength and needs.
    public var findings: String?

    /// Creates the input.
    public init(findings: String? = nil) { self.findings = findings }
}

/// Asking for a volunteer or informal carer.
public struct MatchingInput: Sendable, Codable, Hashable {
    public var task: VolunteerTask
    /// A certificate of conduct (VOG) is needed (always for respite care and youth mentoring).
    public var certificateRequired: Bool?
    /// When the help is wanted, as day slots (`monday-morning` … `sunday-evening`); none: any time.
    public var timeWindows: [String]?
    /// For how many weeks, 1-104; none: open-ended.
    public var durationWeeks: Int?

    /// Creates the input.
    public init(task: VolunteerTask, certificateRequired: Bool? = nil, timeWindows: [String]? = nil, durationWeeks: Int? = nil) {
        self.task = task
        self.certificateRequired = certificateRequired
        self.timeWindows = timeWindows
        self.durationWeeks = durationWeeks
    }

    /// The first rule the time windows or duration break.
    func problem() -> FrontDeskError? {
        let slots = timeWindows ?? []
        if let wrong = slots.first(where: { !DaySlot.all.contains($0) }) { return .invalidTimeWindow(wrong) }
        if slots.count > DaySlot.all.count { return .invalidTimeWindow("\(slots.count) dagdelen") }
        if let durationWeeks, !(1...104).contains(durationWeeks) { return .invalidDuration }
        return nil
    }
}

extension FrontDeskService {
    /// Opens an indication route and writes `frontdesk.indication.requested`: the subjectRef, the
    /// household without identities, the clarified question, findings and urgency (SPEC §3).
    public func requestIndication(_ id: UUID, _ input: IndicationInput, by staff: StaffMember) async throws -> HelpRequest {
        try staff.require(.casework)
        let now = clock()
        return try await transaction(publishes: true) { tx in
            var request = try lockedRequest(id, of: staff, in: tx)
            let person = try person(of: request, in: tx)
            try log(.routeRequest, person: person.id, by: staff, context: "indicatie aanvragen, hulpvraag \(id)", at: now, in: tx)
            try request.takeRoute(.indication, at: now)
            // A notification's investigation ends in an application: the decision term runs
            // from today (an application has had it since receipt).
            request.startTerms([statutoryDeadlines.decisionTerm(from: now)])
            let question = try request.questionForPartners(about: person)
            // The contract allows 8000 characters of findings; the question is already limited.
            let findings = String((try input.findings.nonBlank ?? lastFindings(of: request, in: tx)).prefix(8000))
            if let problem = PersonalDataCheck.problem(in: findings, field: "findings", label: "De bevindingen", of: person) {
                throw problem
            }
            let message = IndicationRequested(
                requestId: request.id,
                subjectRef: person.subjectRef,
                household: try PersonRepository.householdSummary(personID: person.id, in: tx),
                question: question,
                categories: request.categories,
                findings: findings,
                urgency: request.urgency
            )
            try RequestRepository.save(request, in: tx)
            try Outbox.enqueue(envelope(message, about: request), in: tx)
            return request
        }
    }

    /// A neighbourhood team reports through the desk that the decided arrangement no longer
    /// suffices: `frontdesk.arrangement.insufficient` reopens the assessment at indication (a
    /// counted re-indication). The texts leave the desk, so they are checked against the person's
    /// identifiers.
    public func reportArrangementInsufficient(
        _ id: UUID,
        reportedBy: String,
        reason: String,
        by staff: StaffMember
    ) async throws -> HelpRequest {
        try staff.require(.casework)
        var problems = FieldRules.text(reportedBy, field: "reportedBy", label: "Gemeld door", max: 200)
        problems += FieldRules.text(reason, field: "reason", label: "Wat schiet tekort", max: 4000)
        try InputProblems.check(problems)
        let now = clock()
        return try await transaction(publishes: true) { tx in
            let request = try lockedRequest(id, of: staff, in: tx)
            let person = try person(of: request, in: tx)
            try log(.routeRequest, person: person.id, by: staff, context: "arrangement schiet tekort, hulpvraag \(id)", at: now, in: tx)
            guard !(try DecisionRepository.decisions(forRequests: [id], municipality: request.municipality, in: tx)).isEmpty else {
                throw FrontDeskError.noDecisionYet
            }
            let team = reportedBy.trimmingCharacters(in: .whitespacesAndNewlines)
            let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = PersonalDataCheck.problem(in: team, field: "reportedBy", label: "Gemeld door", of: person) { throw problem }
            if let problem = PersonalDataCheck.problem(in: text, field: "reason", label: "Wat schiet tekort", of: person) { throw problem }
            let message = ArrangementInsufficient(requestId: request.id, subjectRef: person.subjectRef, reportedBy: team, reason: text)
            try Outbox.enqueue(envelope(message, about: request), in: tx)
            return request
        }
    }

    /// Opens a matching route and writes `frontdesk.matching.requested` (SPEC §4).
    public func requestMatching(_ id: UUID, _ input: MatchingInput, by staff: StaffMember) async throws -> HelpRequest {
        try staff.require(.casework)
        if let problem = input.problem() { throw problem }
        let now = clock()
        return try await transaction(publishes: true) { tx in
            var request = try lockedRequest(id, of: staff, in: tx)
            let person = try person(of: request, in: tx)
            try log(.routeRequest, person: person.id, by: staff, context: "matching aanvragen, hulpvraag \(id)", at: now, in: tx)
            try request.takeRoute(.matching, at: now)
            let question = try request.questionForPartners(about: person)
            let message = MatchingRequested(
                requestId: request.id,
                subjectRef: person.subjectRef,
                task: input.task,
                district: person.district ?? "",
                question: question,
                certificateRequired: input.certificateRequired ?? false,
                urgency: request.urgency,
                timeWindows: input.timeWindows.flatMap { slots in slots.isEmpty ? nil : DaySlot.all.filter(Set(slots).contains) },
                durationWeeks: input.durationWeeks
            )
            try RequestRepository.save(request, in: tx)
            try Outbox.enqueue(envelope(message, about: request), in: tx)
            return request
        }
    }

    /// The last conversation's findings: what the citizen and network do themselves, what is
    /// needed, the intended result.
    func lastFindings(of request: HelpRequest, in tx: Transaction) throws -> String {
        guard
            let last = try ConversationRepository.conversations(
                forRequest: request.id,
                municipality: request.municipality,
                in: tx
            ).last
        else { return "" }
        return [
            last.ownStrength.map { "Eigen kracht: \($0)" }, last.needed.map { "Nodig: \($0)" },
            last.intendedResult.map { "Beoogd resultaat: \($0)" },
        ].compactMap { $0 }.joined(separator: "\n")
    }
}
