import Contracts
import Foundation
import Storage
import WorkingDays

extension MatchingService {
    /// The scheduled sweep: unanswered proposals lapse and the next volunteer is asked; requests
    /// still open after their last day fail (`matching.failed` with the reason, to whoever asked);
    /// open requests nobody is asked for are searched again (new volunteers may have registered).
    /// Each request in its own transaction, under a row lock: safe on two instances.
    public func runSweep() async throws -> SweepRun {
        let today = self.today
        var run = SweepRun()
        for (id, municipality) in try await pool.withTransaction({ tx in try ProposalRepository.unanswered(before: today, in: tx) }) {
            try await transaction { tx in
                guard var proposal = try ProposalRepository.find(id, municipality: municipality, forUpdate: true, in: tx),
                    proposal.status == .proposed
                else { return }
                try proposal.lapse(at: clock())
                try ProposalRepository.save(proposal, answeredBy: "sweep", in: tx)
                try tellCentre(proposal, closed: .lapsed, municipality: municipality, in: tx)
            }
            run.lapsed += 1
        }
        let (waiting, overdue) = try await pool.withTransaction { tx in try RequestRepository.openIDs(overdueOn: today, in: tx) }
        for id in overdue where try await fail(id) { run.failed += 1 }
        for id in waiting {
            let proposed = try await transaction { tx in
                guard var request = try RequestRepository.find(id, forUpdate: true, in: tx), request.status == .open,
                    try ProposalRepository.proposals(of: id, in: tx).allSatisfy({ $0.status != .proposed })
                else { return false }
                return try proposeNext(for: &request, in: tx)
            }
            if proposed { run.proposed += 1 }
        }
        return run
    }

    /// Fails an overdue open request: its open proposal is withdrawn.
    private func fail(_ id: UUID) async throws -> Bool {
        let now = clock()
        let today = self.today
        return try await transaction { tx in
            guard var request = try RequestRepository.find(id, forUpdate: true, in: tx), request.isOverdue(on: today) else { return false }
            var proposals = try ProposalRepository.proposals(of: id, in: tx)
            for index in proposals.indices where proposals[index].status == .proposed {
                try proposals[index].withdraw(at: now)
                try ProposalRepository.save(proposals[index], answeredBy: "sweep", in: tx)
                try tellCentre(proposals[index], closed: .withdrawn, municipality: request.municipality, in: tx)
            }
            let reason = Self.failureReason(lastSearch: try RequestRepository.lastSearch(of: id, in: tx), proposals: proposals)
            request.status = .failed
            request.closedAt = now
            request.failureReason = reason
            try RequestRepository.save(request, in: tx)
            if let subjectRef = request.subjectRef, request.origin != .carer {
                try emit(
                    MatchingFailed(requestId: request.requestId, subjectRef: subjectRef, reason: reason, lineId: request.lineId),
                    correlation: request.requestId,
                    municipality: request.municipality,
                    in: tx
                )
            }
            return true
        }
    }

    /// A centre's volunteer was proposed and the proposal closed without an answer: the centre is
    /// told (`matching.proposal.closed`), so that it stops asking them.
    func tellCentre(_ proposal: Proposal, closed reason: ProposalClosed.Reason, municipality: MunicipalityCode, in tx: Transaction) throws {
        guard let volunteer = try VolunteerRepository.find(proposal.volunteerId, municipality: municipality, in: tx),
            let centre = volunteer.centre, let reference = volunteer.centreReference
        else { return }
        try emit(
            ProposalClosed(proposalId: proposal.id, volunteerReference: reference, reason: reason, closedOn: today.description),
            correlation: proposal.requestId,
            municipality: municipality,
            routingKey: MatchingTopology.routingKey(ProposalClosed.messageType, for: centre),
            in: tx
        )
    }

    /// Why nobody was matched in time, in Dutch, for whoever asked.
    static func failureReason(lastSearch: String?, proposals: [Proposal]) -> String {
        let asked = proposals.count
        let declined = proposals.filter { $0.status == .declined }.count
        let lapsed = proposals.filter { $0.status == .lapsed }.count
        var parts: [String] = []
        if asked > 0 { parts.append("\(asked) vrijwilliger(s) gevraagd: \(declined) afgezegd, \(lapsed) niet gereageerd") }
        if let lastSearch, !lastSearch.hasPrefix("Voorgesteld") { parts.append(lastSearch) }
        if parts.isEmpty { parts.append("Geen geschikte vrijwilliger gevonden binnen de termijn.") }
        return "Geen match binnen de termijn. " + parts.joined(separator: "; ")
    }
}
