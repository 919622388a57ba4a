import Contracts
import Foundation
import ReliableMessaging
import Storage

/// `assessor.advice.given`: the independent assessor's advice. Accepted only from the
/// organisation the case was sent to, as the broker says (`user_id`), never as the body says.
///
/// Rejected: no organisation sender, a case unknown in the organisation's municipality, a case
/// not waiting for this organisation's advice.
enum AdviceHandler {
    static func register(in handlers: inout MessageHandlers) {
        handlers.on(AdviceGiven.self) { message, header, context, tx in
            guard context.isFromOrganisation, let sender = context.userId, let organisation = OrganisationKey(sender) else {
                throw HandlerError.rejected("advice must come from an assessor organisation's own login on wmo.partners")
            }
            guard
                var item = try CaseRepository.find(id: message.caseId, municipality: organisation.municipality, forUpdate: true, in: tx)
            else { throw HandlerError.rejected("case \(message.caseId) is unknown in \(organisation.municipality)") }
            guard let advice = item.advice, advice.organisation == sender else {
                throw HandlerError.rejected("case \(message.caseId) was not sent to \(sender) for advice")
            }
            guard advice.isPending else { return }
            item.recordAdvice(
                message.advice,
                categories: message.recommendedCategories,
                profile: message.suggestedProfile,
                at: Date()
            )
            try CaseRepository.save(item, in: tx)
        }
    }
}
