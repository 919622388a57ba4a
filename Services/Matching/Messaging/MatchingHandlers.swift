import Contracts
import Foundation
public import ReliableMessaging
import Storage
import WorkingDays

/// Every message type matching consumes, one handler each. The desk's and indication's requests
/// come over `wmo.events` (which organisations cannot publish to); a volunteer centre's messages
/// count only from the centre's own login as the broker validated it (`user_id`), never from a
/// field in the body. A refusal is dead-lettered with its reason (the centre also gets
/// `notice.message-rejected`), and nothing of it is stored.
public enum MatchingHandlers {
    public static func make(service: MatchingService) -> MessageHandlers {
        var handlers = MessageHandlers()
        handlers.on(MatchingRequested.self) { message, header, context, tx in
            guard !context.isFromOrganisation else { throw HandlerError.rejected("matching requests come from the front desk on wmo.events") }
            let place = service.settings.districts.place(district: message.district, in: header.municipality)
            try receive(
                origin: .frontDesk,
                requestId: message.requestId,
                lineId: nil,
                subjectRef: message.subjectRef,
                task: message.task,
                place: place,
                district: message.district.isEmpty ? nil : message.district,
                question: message.question,
                timeWindows: message.timeWindows,
                durationWeeks: message.durationWeeks,
                certificateRequired: message.certificateRequired,
                urgency: message.urgency,
                header: header,
                service: service,
                in: tx
            )
        }
        handlers.on(InformalSupportRequested.self) { message, header, context, tx in
            guard !context.isFromOrganisation else { throw HandlerError.rejected("informal-support lines come from indication on wmo.events") }
            try receive(
                origin: .indication,
                requestId: message.requestId,
                lineId: message.lineId,
                subjectRef: message.subjectRef,
                task: message.task,
                place: nil,
                district: nil,
                question: message.question,
                certificateRequired: message.certificateRequired,
                urgency: message.urgency,
                header: header,
                service: service,
                in: tx
            )
        }
        handlers.on(VolunteerRegistered.self) { message, header, context, tx in
            let centre = try sender(context, in: tx)
            do {
                try service.register(message, from: centre, header: header, in: tx)
            } catch let error as MatchingError {
                throw HandlerError.rejected(error.description)
            }
        }
        handlers.on(ProposalAnswered.self) { message, _, context, tx in
            let centre = try sender(context, in: tx)
            do {
                try service.answer(message, from: centre, in: tx)
            } catch let error as MatchingError {
                throw HandlerError.rejected(error.description)
            }
        }
        return handlers
    }

    /// The centre that sent the message, as the broker validated it, and registered with matching.
    private static func sender(_ context: DeliveryContext, in tx: Transaction) throws -> OrganisationKey {
        guard context.isFromOrganisation, let sender = context.userId, let centre = OrganisationKey(sender) else {
            throw HandlerError.rejected("volunteer-centre messages come from the centre's own login on wmo.partners")
        }
        guard try AccountRepository.centreName(centre, in: tx) != nil else {
            throw HandlerError.rejected("\(centre) is not registered with matching as a volunteer centre (matching add-centre)")
        }
        return centre
    }

    private static func receive(
        origin: SupportRequest.Origin,
        requestId: UUID,
        lineId: UUID?,
        subjectRef: SubjectRef,
        task: VolunteerTask,
        place: DistrictMap.Place?,
        district: String?,
        question: String,
        timeWindows: [String]? = nil,
        durationWeeks: Int? = nil,
        certificateRequired: Bool,
        urgency: Urgency,
        header: EnvelopeHeader,
        service: MatchingService,
        in tx: Transaction
    ) throws {
        let settings = service.settings
        let now = service.clock()
        let checked: String
        var windows = WeeklyAvailability.always
        do {
            checked = try FreeText.checked(question, field: "question")
            // No time windows: any time.
            if let timeWindows, !timeWindows.isEmpty { windows = try WeeklyAvailability(slots: timeWindows, field: "timeWindows") }
        } catch {
            throw HandlerError.rejected(error.description)
        }
        // The term runs from when the asker sent it, not from when the queue delivered it.
        let day = settings.calendar.day(of: min(header.timestamp, now))
        let request = SupportRequest(
            municipality: header.municipality,
            origin: origin,
            requestId: requestId,
            lineId: lineId,
            subjectRef: subjectRef,
            task: task,
            place: place,
            district: place?.district ?? district,
            question: checked,
            timeWindows: windows,
            durationWeeks: durationWeeks,
            certificateRequired: certificateRequired,
            urgency: urgency,
            receivedAt: now,
            failOn: SupportRequest.failOn(receivedOn: day, urgency: urgency, workingDays: settings.failAfterWorkingDays, calendar: settings.calendar)
        )
        try service.receive(request, in: tx)
    }
}
