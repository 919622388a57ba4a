import Contracts
import Foundation
import ReliableMessaging
import Storage

/// `indication.decided`: stores the decision content for the letter (beschikking) and completes
/// the request's open indication route. Only the desk can address the letter.
///
/// Rejected: an unknown request (the desk sends the indication request after committing the
/// request), a request without a person, or a subjectRef that is not the request's person.
enum IndicationDecidedHandler {
    static func register(in handlers: inout MessageHandlers) {
        handlers.on(IndicationDecided.self) { message, header, tx in
            guard
                var request = try RequestRepository.find(
                    id: message.requestId,
                    municipality: header.municipality,
                    forUpdate: true,
                    in: tx
                )
            else { throw HandlerError.rejected("unknown request \(message.requestId) in \(header.municipality)") }
            guard let personID = request.personID,
                let person = try PersonRepository.find(id: personID, municipality: header.municipality, in: tx),
                person.subjectRef == message.subjectRef
            else { throw HandlerError.rejected("subjectRef \(message.subjectRef) is not the person of request \(request.id)") }
            guard
                try DecisionRepository.insert(
                    message,
                    municipality: header.municipality,
                    personID: personID,
                    receivedAt: Date(),
                    in: tx
                )
            else { return }
            request.recordDecision(on: HelpRequest.dayCalendar.day(of: Date()))
            try RequestRepository.save(request, in: tx)
            guard let route = RouteProgress.openRoute(of: .indication, in: request) else { return }
            let granted = message.lines.filter(\.granted).count
            try RouteProgress.follow(
                routeID: route.id,
                in: &request,
                to: .completed,
                note: "Beschikking ontvangen: \(granted) van \(message.lines.count) onderdelen toegekend.",
                at: message.decidedAt,
                in: tx
            )
        }
    }
}
