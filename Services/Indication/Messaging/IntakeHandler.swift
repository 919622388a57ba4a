import Contracts
import Foundation
import ReliableMessaging
import Storage

/// `frontdesk.indication.requested`: opens a case for the desk's request, with the decision term
/// from the application day (the desk's send time, not the queue's delay). A complex case goes to
/// the municipality's independent assessor at once. The same request asked again after its
/// decision is a re-indication: the case reopens and is counted.
enum IntakeHandler {
    static func register(in handlers: inout MessageHandlers, service: IndicationService) {
        handlers.on(IndicationRequested.self) { message, header, tx in
            let now = service.clock()
            let settings = service.settings
            if var existing = try CaseRepository.find(requestID: message.requestId, municipality: header.municipality, forUpdate: true, in: tx) {
                guard existing.status == .decided else { return }
                existing.reopen(on: settings.calendar.day(of: now), term: settings.term)
                try CaseRepository.save(existing, in: tx)
                return
            }
            let applied = min(header.timestamp, now)
            var item = IndicationCase(
                request: message,
                municipality: header.municipality,
                receivedAt: now,
                applicationDay: settings.calendar.day(of: applied),
                term: settings.term
            )
            if let organisation = settings.rules.assessor(for: message.categories, in: header.municipality) {
                try service.requestAdvice(for: &item, from: organisation, at: now, in: tx)
            }
            try CaseRepository.insert(item, in: tx)
        }
    }
}
