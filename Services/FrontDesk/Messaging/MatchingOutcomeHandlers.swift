import Contracts
import Foundation
import ReliableMessaging
import Storage

/// `matching.matched` and `matching.failed`: complete or fail the request's open matching
/// route, with the volunteer's first name or the reason, so staff see it on the request.
/// A failed match comes back to the desk for a formal alternative.
///
/// An outcome with a `lineId` belongs to an arrangement line of indication, which handles it: the
/// desk's own matching route is not touched.
///
/// Rejected: an unknown request, or a subjectRef that is not the request's person.
enum MatchingOutcomeHandlers {
    static func register(in handlers: inout MessageHandlers) {
        handlers.on(MatchingMatched.self) { message, header, tx in
            guard message.lineId == nil else { return }
            try apply(
                requestID: message.requestId,
                subjectRef: message.subjectRef,
                header: header,
                to: .completed,
                note: "Gematcht: \(message.volunteerDisplayName) (\(message.task.rawValue)).",
                in: tx
            )
        }
        handlers.on(MatchingFailed.self) { message, header, tx in
            guard message.lineId == nil else { return }
            try apply(
                requestID: message.requestId,
                subjectRef: message.subjectRef,
                header: header,
                to: .failed,
                note: "Geen match: \(message.reason)",
                in: tx
            )
        }
    }

    private static func apply(
        requestID: UUID,
        subjectRef: SubjectRef,
        header: EnvelopeHeader,
        to state: RouteState,
        note: String,
        in tx: Transaction
    ) throws {
        guard
            var request = try RequestRepository.find(
                id: requestID,
                municipality: header.municipality,
                forUpdate: true,
                in: tx
            )
        else { throw HandlerError.rejected("unknown request \(requestID) in \(header.municipality)") }
        guard let personID = request.personID,
            let person = try PersonRepository.find(id: personID, municipality: header.municipality, in: tx),
            person.subjectRef == subjectRef
        else { throw HandlerError.rejected("subjectRef \(subjectRef) is not the person of request \(requestID)") }
        guard let route = RouteProgress.openRoute(of: .matching, in: request) else { return }
        try RouteProgress.follow(routeID: route.id, in: &request, to: state, note: note, at: header.timestamp, in: tx)
    }
}
