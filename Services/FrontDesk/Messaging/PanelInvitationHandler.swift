import Contracts
import Foundation
import ReliableMessaging
import Storage

/// `panel.invitation.requested`: the panel knows the person only by subjectRef; the desk looks
/// the person up and writes the invitation to the outgoing post in the person's preferred
/// channel (SPEC §6). The panel never learns who was invited.
///
/// Rejected: an unknown subjectRef. A person the desk cannot reach in writing gets no
/// invitation (logged, not dead-lettered: the message itself is fine).
enum PanelInvitationHandler {
    static func register(in handlers: inout MessageHandlers) {
        handlers.on(PanelInvitationRequested.self) { message, header, tx in
            guard
                let person = try PersonRepository.find(
                    bySubjectRef: message.subjectRef,
                    municipality: header.municipality,
                    in: tx
                )
            else { throw HandlerError.rejected("unknown subjectRef \(message.subjectRef) in \(header.municipality)") }
            guard let (channel, recipient) = OutgoingLetter.route(to: person) else { return }
            let letter = OutgoingLetter(
                municipality: person.municipality,
                personID: person.id,
                kind: .panelInvitation,
                channel: channel,
                recipient: recipient,
                subject: "Uitnodiging: \(message.surveyTitle)",
                body: invitationText(person: person, message: message, channel: channel),
                sourceID: message.invitationId
            )
            guard try LetterRepository.insert(letter, in: tx) else { return }
            try AccessLog.record(
                staff: "system:panel-invitation",
                municipality: person.municipality,
                personID: person.id,
                action: .sendLetter,
                context: "panel.invitation.requested \(message.invitationId)",
                at: Date(),
                in: tx
            )
        }
    }

    static func invitationText(person: Person, message: PanelInvitationRequested, channel: ContactChannel) -> String {
        if channel == .sms {
            return "Gemeente: wilt u meedoen aan ‘\(message.surveyTitle)’? \(message.surveyLink)"
        }
        return """
            Beste \(person.displayName),

            U heeft onlangs hulp of ondersteuning van de gemeente gehad. Wij horen graag hoe u dat heeft ervaren.
            Wilt u meedoen aan het onderzoek ‘\(message.surveyTitle)’? Dat kan via \(message.surveyLink).
            Meedoen is vrijwillig en uw antwoorden zijn anoniem.

            Met vriendelijke groet,
            Het Wmo-loket
            """
    }
}
