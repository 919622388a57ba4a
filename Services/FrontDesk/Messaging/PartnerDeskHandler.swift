import Contracts
import Foundation
import Messaging
import ReliableMessaging
import Storage
import WorkingDays

/// `partner.request.submitted` (loketnetwerk, SPEC §2): a partner desk submits a request on a
/// citizen's behalf. The request enters the desk's own lifecycle: the person is matched by BSN
/// in the municipality, or registered (tell once: nothing duplicated), the request is received
/// through channel "partner desk" and appears on the work list, and the partner gets
/// `frontdesk.request.received` with the request's id in its own queue.
///
/// Trust the broker: only an organisation on the municipality's social map, through
/// `wmo.partners`, with its own login as `user_id`, may submit; a submission without consent
/// fails the contract (`consentGiven`) before it gets here. Refusals are dead-lettered with the
/// reason, and the partner gets a rejection notice.
enum PartnerDeskHandler {
    static func register(in handlers: inout MessageHandlers, deadlines: StatutoryDeadlines) {
        handlers.on(PartnerRequestSubmitted.self) { message, header, context, tx in
            let partnerID = PartnerID(message.partnerId)
            let partner = FrontDeskTopology.organisation(partnerID, of: header.municipality)
            guard context.exchange == Topology.partnerExchange, context.userId == partner.description else {
                throw HandlerError.rejected(
                    "a submission of partner \(partner) must come through \(Topology.partnerExchange) with user_id \(partner)"
                )
            }
            guard try PartnerRepository.find(id: partnerID, municipality: header.municipality, in: tx) != nil else {
                throw HandlerError.rejected("partner \(partner) is not on the social map of \(header.municipality)")
            }
            let now = Date()
            let person = try matchOrRegister(message.citizen, municipality: header.municipality, by: partner, at: now, in: tx)
            var request: HelpRequest
            do {
                request = try HelpRequest.receive(
                    municipality: header.municipality,
                    personID: person.id,
                    kind: .notification,
                    channel: .partnerDesk,
                    source: .citizen,
                    text: message.question,
                    at: now
                )
            } catch {
                throw HandlerError.rejected("question: \(error)")
            }
            request.startTerms(deadlines.deadlines(for: request))
            try RequestRepository.save(request, in: tx)
            let receipt = Envelope(
                RequestReceived(submissionId: message.submissionId, requestId: request.id, partnerId: message.partnerId),
                correlationId: request.id,
                causationId: header.messageId,
                municipality: header.municipality,
                producer: "front-desk"
            )
            try Outbox.enqueue(receipt, routingKey: FrontDeskTopology.requestReceivedRoutingKey(partner), in: tx)
        }
    }

    /// The person with this BSN in the municipality, or a new registration from what the
    /// partner desk recorded; either way written in the access log.
    private static func matchOrRegister(
        _ citizen: SubmittedCitizen,
        municipality: MunicipalityCode,
        by partner: OrganisationKey,
        at now: Date,
        in tx: Transaction
    ) throws -> Person {
        let bsn: BSN
        do { bsn = try BSN(citizen.bsn) } catch { throw HandlerError.rejected("citizen.bsn: \(error)") }
        if let known = try PersonRepository.find(byBSN: bsn, municipality: municipality, in: tx) {
            try AccessLog.record(
                staff: "partner:\(partner)",
                municipality: municipality,
                personID: known.id,
                action: .searchResult,
                context: "partner.request.submitted: matched by BSN",
                at: now,
                in: tx
            )
            return known
        }
        let input = PersonInput(
            bsn: citizen.bsn,
            givenNames: citizen.givenNames,
            familyNamePrefix: citizen.familyNamePrefix,
            familyName: citizen.familyName,
            birthDate: citizen.birthDate,
            houseNumber: citizen.houseNumber,
            postcode: citizen.postcode,
            phone: citizen.phone,
            email: citizen.email
        )
        let person: Person
        do {
            person = try input.makePerson(municipality: municipality, today: WorkingDayCalendar().day(of: now))
        } catch {
            throw HandlerError.rejected("citizen: \(error)")
        }
        try PersonRepository.insert(person, registeredBy: StaffID("partner:\(partner)"), in: tx)
        try AccessLog.record(
            staff: "partner:\(partner)",
            municipality: municipality,
            personID: person.id,
            action: .register,
            context: "partner.request.submitted: registered",
            at: now,
            in: tx
        )
        return person
    }
}
