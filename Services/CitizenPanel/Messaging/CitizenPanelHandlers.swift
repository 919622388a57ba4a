import Contracts
import Foundation
public import ReliableMessaging
import Storage

/// The chain's events the citizen panel consumes, one handler each: a closed request at the desk
/// or ended care (indication) may put the person in the year's satisfaction survey. Only services publish on `wmo.events`;
/// an organisation's message is refused.
public enum CitizenPanelHandlers {
    public static func make(service: CitizenPanelService) -> MessageHandlers {
        var handlers = MessageHandlers()
        handlers.on(RequestClosed.self) { message, header, context, tx in
            guard !context.isFromOrganisation else { throw HandlerError.rejected("closed requests come from the front desk on wmo.events") }
            // The year is the one the request closed in, not the one the queue delivered it in.
            let day = service.settings.calendar.day(of: min(header.timestamp, service.clock()))
            try service.sample(
                message.subjectRef,
                district: message.district,
                municipality: header.municipality,
                cause: header.messageId,
                correlation: header.correlationId,
                on: day,
                in: tx
            )
        }
        handlers.on(CareEnded.self) { message, header, context, tx in
            guard !context.isFromOrganisation else { throw HandlerError.rejected("ended care comes from indication on wmo.events") }
            // Nobody sends a survey to someone who died.
            guard message.reason != .deceased else { return }
            let day = service.settings.calendar.day(of: min(header.timestamp, service.clock()))
            try service.sample(
                message.subjectRef,
                district: nil,
                municipality: header.municipality,
                cause: header.messageId,
                correlation: header.correlationId,
                on: day,
                in: tx
            )
        }
        return handlers
    }
}
