import Contracts
import Foundation
import ReliableMessaging
import Storage

/// `matching.matched` / `matching.failed` for an informal-support line (`lineId` set): the line is
/// matched, or goes back to the assessor for a formal alternative (the case reopens, without
/// counting as a re-indication). Outcomes without `lineId` are the desk's own matching requests.
///
/// Rejected: an unknown case or line, or a subjectRef that is not the case's.
enum MatchingOutcomeHandler {
    static func register(in handlers: inout MessageHandlers, service: IndicationService) {
        handlers.on(MatchingMatched.self) { message, header, tx in
            guard let lineID = message.lineId else { return }
            _ = try line(lineID, requestID: message.requestId, subjectRef: message.subjectRef, header: header, in: tx)
            try ArrangementRepository.setStatus(.matched, reason: "Gematcht: \(message.volunteerDisplayName)", of: lineID, in: tx)
        }
        handlers.on(MatchingFailed.self) { message, header, tx in
            guard let lineID = message.lineId else { return }
            var item = try line(lineID, requestID: message.requestId, subjectRef: message.subjectRef, header: header, in: tx)
            try ArrangementRepository.setStatus(.failed, reason: message.reason, of: lineID, in: tx)
            if item.status == .decided {
                item.reopen(on: service.today, term: service.settings.term, countsAsReindication: false)
                try CaseRepository.save(item, in: tx)
            }
        }
    }

    private static func line(
        _ lineID: UUID,
        requestID: UUID,
        subjectRef: SubjectRef,
        header: EnvelopeHeader,
        in tx: Transaction
    ) throws
        -> IndicationCase
    {
        guard let item = try CaseRepository.find(requestID: requestID, municipality: header.municipality, forUpdate: true, in: tx),
            item.subjectRef == subjectRef
        else { throw HandlerError.rejected("no case for request \(requestID) with this subjectRef in \(header.municipality)") }
        guard try ArrangementRepository.find(lineID, caseID: item.id, in: tx) != nil else {
            throw HandlerError.rejected("line \(lineID) is not on the case of request \(requestID)")
        }
        return item
    }
}
