import Contracts
public import Foundation
import ReliableMessaging
import Storage
import WorkingDays

/// `{"answer": "accept" | "refuse" | "investigate", "explanation": "…"}`: the assessor's answer
/// to a provider's request.
public struct ProviderRequestAnswerInput: Codable, Sendable {
    public enum Answer: String, Codable, Sendable, CaseIterable {
        /// Agree: the request becomes a line of the arrangement; the decision gives the answer.
        case accept
        /// Refuse, with the explanation the provider gets.
        case refuse
        /// Answer "in onderzoek" (at most 8 weeks from receipt).
        case investigate
    }

    public var answer: Answer
    public var explanation: String?

    public init(answer: Answer, explanation: String? = nil) {
        self.answer = answer
        self.explanation = explanation
    }
}

extension IndicationService {
    /// Records a provider's request (WMO315/317) that passed the handler's checks; `false` for
    /// a redelivered message (no second effect).
    func receive(_ request: ProviderRequest, municipality: MunicipalityCode, in tx: Transaction) throws -> Bool {
        try ProviderRequestRepository.insert(request, municipality: municipality.rawValue, in: tx)
    }

    /// The assessor answers a provider's request: "in onderzoek" and a refusal go to the provider
    /// at once (WMO319); an accepted request becomes a line of the arrangement (the case reopens
    /// as a re-indication when it was decided), and the decision on that line is the answer.
    /// `caseID`, when given (the pages' path names it), must be the request's case.
    public func answerProviderRequest(
        _ id: UUID,
        ofCase caseID: UUID? = nil,
        _ input: ProviderRequestAnswerInput,
        by assessor: Assessor
    ) async throws -> CaseDetails {
        let now = clock()
        let today = self.today
        return try await transaction(publishes: true) { [self] tx in
            // The case first, then the request (the order a decision locks them in).
            guard let found = try ProviderRequestRepository.find(id, municipality: assessor.municipality.rawValue, forUpdate: false, in: tx),
                caseID.map({ $0 == found.caseID }) ?? true
            else { throw IndicationError.providerRequestNotFound }
            var item = try Self.lockedCase(found.caseID, of: assessor, in: tx)
            guard var request = try ProviderRequestRepository.find(id, municipality: assessor.municipality.rawValue, in: tx) else {
                throw IndicationError.providerRequestNotFound
            }
            try assessor.requireMandate(for: item)
            switch input.answer {
            case .investigate:
                try request.investigate(at: now, calendar: settings.calendar)
                try answer(request, outcome: .underInvestigation, about: item, in: tx)
            case .refuse:
                try request.refuse(input.explanation ?? "", at: now)
                try answer(request, outcome: .refused, about: item, in: tx)
            case .accept:
                guard request.isOpen, request.status != .accepted else { throw IndicationError.providerRequestAnswered }
                if item.status == .awaitingAdvice { throw IndicationError.awaitingAdvice }
                if item.status == .decided { item.reopen(on: today, term: settings.term, countsAsReindication: true) }
                item.status = .assessing
                // Accepted first, so the assessor's explanation goes into the line's P4 reason.
                let lineID = UUID()
                try request.accept(asLine: lineID, explanation: input.explanation, at: now)
                let line = try request.arrangementLine(id: lineID)
                try ArrangementRepository.insert(line, caseID: item.id, by: assessor.id, at: now, in: tx)
                routeForMandate(&item, category: line.category, by: assessor)
                try CaseRepository.save(item, in: tx)
            }
            try ProviderRequestRepository.save(request, in: tx)
            try CaseAccessLog.record(.changeArrangement, caseID: item.id, by: assessor.id, municipality: item.municipality, at: now, in: tx)
            return try details(of: item, in: tx)
        }
    }

    /// The final answers a decision gives: for each decided line that came from a provider's
    /// request, granted with the line's new allocations (and, for a change, the old allocation
    /// withdrawn) or refused with the decision's grounds. Returns the withdrawn allocations.
    func settleProviderRequests(
        of decision: Decision,
        allocations: [Allocation],
        about item: IndicationCase,
        at now: Date,
        in tx: Transaction
    ) throws -> [Allocation] {
        var withdrawn: [Allocation] = []
        for decided in decision.lines {
            guard var request = try ProviderRequestRepository.accepted(line: decided.lineID, in: tx) else { continue }
            request.answeredAt = now
            // Only an allocation to the provider that asked answers its request; a grant in
            // another form or to another provider is, for this provider, a refusal.
            let ids = allocations.filter { $0.lineID == decided.lineID && $0.provider == request.provider }.map(\.id)
            if decided.granted, !ids.isEmpty || request.kind == .allocation && decided.form == .personalBudget {
                request.status = .granted
                if request.kind == .change, let old = request.allocationID, let before = try AllocationRepository.find(old, in: tx),
                    before.isActive
                {
                    var allocation = before
                    allocation.status = .withdrawn
                    try AllocationRepository.save(allocation, previously: before, in: tx)
                    withdrawn.append(allocation)
                }
                try answer(request, outcome: .granted, allocationIDs: ids, about: item, in: tx)
            } else if decided.granted {
                request.status = .refused
                request.explanation = "Anders toegekend dan gevraagd: \(decided.grounds)"
                try answer(request, outcome: .refused, about: item, in: tx)
            } else {
                request.status = .refused
                request.explanation = decided.grounds
                try answer(request, outcome: .refused, about: item, in: tx)
            }
            try ProviderRequestRepository.save(request, in: tx)
        }
        return withdrawn
    }

    /// A line for a provision outside a regular assessor's mandate sends the case to the
    /// expertise team (one rule for added lines, accepted provider requests and the simplified
    /// protocol).
    func routeForMandate(_ item: inout IndicationCase, category: ProductCategory?, by assessor: Assessor) {
        guard item.route == .municipality, settings.rules.needsExpertiseTeam(category), !assessor.isExpertiseTeam else { return }
        item.route = .expertiseTeam
        item.assignee = nil
    }

    /// WMO319 on the provider's queue.
    private func answer(
        _ request: ProviderRequest,
        outcome: AllocationRequestAnswered.Outcome,
        allocationIDs: [UUID] = [],
        about item: IndicationCase,
        in tx: Transaction
    ) throws {
        let answered = AllocationRequestAnswered(
            requestMessageId: request.messageID,
            requestType: request.kind == .change ? AllocationChangeRequested.messageType : AllocationRequested.messageType,
            outcome: outcome,
            allocationIds: allocationIDs,
            explanation: outcome == .granted ? nil : request.explanation,
            investigationDue: outcome == .underInvestigation ? request.investigationDue?.description : nil,
            providerReference: request.providerReference
        )
        try Outbox.enqueue(
            envelope(answered, about: item, causedBy: request.messageID),
            routingKey: IndicationTopology.providerRoutingKey(AllocationRequestAnswered.messageType, request.provider),
            in: tx
        )
    }
}
