import Contracts
import Foundation
import ReliableMessaging
import Storage

/// `frontdesk.arrangement.insufficient`: a neighbourhood team reported through the desk that the
/// decided arrangement no longer suffices. The case reopens as a counted re-indication and shows
/// on the work list with the report; a request indication never decided is dead-lettered.
enum ArrangementReportHandler {
    static func register(in handlers: inout MessageHandlers, service: IndicationService) {
        handlers.on(ArrangementInsufficient.self) { message, header, tx in
            guard var item = try CaseRepository.find(requestID: message.requestId, municipality: header.municipality, forUpdate: true, in: tx),
                item.subjectRef == message.subjectRef
            else {
                throw HandlerError.rejected("no indication case for request \(message.requestId) in \(header.municipality)")
            }
            let now = service.clock()
            let isNew = try ArrangementReportRepository.insert(
                ArrangementReport(
                    caseID: item.id,
                    messageID: header.messageId,
                    reportedBy: message.reportedBy,
                    reason: message.reason,
                    receivedAt: now
                ),
                in: tx
            )
            if isNew, item.status == .decided {
                item.reopen(on: service.settings.calendar.day(of: now), term: service.settings.term, countsAsReindication: true)
                try CaseRepository.save(item, in: tx)
            }
        }
    }
}
