import Contracts
public import Foundation
import Storage

extension FrontDeskService {
    /// Takes a new request; the staff member handles it.
    /// - Throws: `.personNotFound` for a person of another municipality; `.missingField` or
    ///   `.fieldTooLong` for the text.
    public func receiveRequest(_ input: RequestInput, by staff: StaffMember) async throws -> HelpRequest {
        try staff.require(.casework)
        let now = clock()
        var request = try HelpRequest.receive(
            municipality: staff.municipality,
            personID: input.personId,
            kind: input.kind,
            channel: input.channel,
            source: input.source,
            categories: input.categories ?? [],
            text: input.text,
            urgency: input.urgency ?? .normal,
            handler: staff.id,
            team: input.team.nonBlank.map(TeamID.init(rawValue:)) ?? staff.team,
            at: now
        )
        request.startTerms(statutoryDeadlines.deadlines(for: request))
        let received = request
        return try await transaction { tx in
            if let personID = input.personId {
                guard try PersonRepository.find(id: personID, municipality: staff.municipality, in: tx) != nil else {
                    throw FrontDeskError.personNotFound
                }
            }
            try RequestRepository.save(received, in: tx)
            return received
        }
    }

    /// Opens a request with everything about it; logged when it is about a person.
    public func requestDetails(_ id: UUID, by staff: StaffMember) async throws -> RequestDetails {
        try staff.require(.casework)
        let now = clock()
        let standardSLA = standardSLA
        let calendar = calendar
        return try await transaction { tx in
            guard let request = try RequestRepository.find(id: id, municipality: staff.municipality, in: tx) else {
                throw FrontDeskError.requestNotFound
            }
            var personName: String?
            if request.personID != nil {
                let person = try person(of: request, in: tx)
                personName = person.displayName
                try log(.viewRequest, person: person.id, by: staff, context: "hulpvraag \(id)", at: now, in: tx)
            }
            let map = try PartnerRepository.socialMap(municipality: staff.municipality, in: tx)
            let partnerPolicy = WarmReferralPolicy(socialMap: map, standard: standardSLA, calendar: calendar)
            let referrals = try ReferralRepository.referrals(forRequests: [id], municipality: staff.municipality, in: tx)
            let decisions = try DecisionRepository.decisions(forRequests: [id], municipality: staff.municipality, in: tx)
            return RequestDetails(
                request: request,
                personName: personName,
                deadlines: request.deadlines,
                referrals: referrals.map { stored in
                    ReferralView(
                        referral: stored.referral,
                        consentId: stored.consentID,
                        acceptDue: stored.acceptDue,
                        contactDue: stored.contactDue,
                        completionSummary: stored.completionSummary,
                        escalation: partnerPolicy.assess(
                            stored.referral,
                            acceptDue: stored.acceptDue,
                            contactDue: stored.contactDue,
                            reroutedAfterDecline: request.isRerouted(after: stored.referral),
                            now: now
                        ).escalation
                    )
                },
                consents: try ConsentRepository.consents(forRequest: id, municipality: staff.municipality, in: tx),
                conversations: try ConversationRepository.conversations(
                    forRequest: id,
                    municipality: staff.municipality,
                    in: tx
                ),
                decisions: decisions.map(\.decision)
            )
        }
    }

    /// Records the outcome of clarification; starts clarifying a request still `received`.
    public func clarify(_ id: UUID, _ input: ClarifyInput, by staff: StaffMember) async throws -> HelpRequest {
        try staff.require(.casework)
        let now = clock()
        return try await transaction { tx in
            var request = try lockedRequest(id, of: staff, in: tx)
            if request.status == .received { try request.startClarifying(by: staff.id, at: now) }
            let wasCrisis = request.urgency == .crisis
            try request.clarify(question: input.question, categories: input.categories, urgency: input.urgency, at: now)
            // A crisis recognised now gets its same-day term from today.
            request.startTerms(statutoryDeadlines.deadlines(for: request, crisisFrom: wasCrisis ? nil : now))
            if input.complaintsCommittee == true, !request.complaintsCommittee {
                try request.involveComplaintsCommittee(term: statutoryDeadlines.complaintWithCommitteeTerm(for: request), at: now)
            }
            // The clarified question is what travels: refuse it now, next to the field, rather
            // than at the route.
            if request.personID != nil, request.clarifiedQuestion != nil {
                _ = try request.questionForPartners(about: try person(of: request, in: tx))
            }
            try RequestRepository.save(request, in: tx)
            return request
        }
    }

    /// Records a conversation (keukentafelgesprek); its clarified question and life domains
    /// become the request's.
    public func recordConversation(
        _ id: UUID,
        _ input: ConversationInput,
        by staff: StaffMember
    ) async throws
        -> Conversation
    {
        try staff.require(.casework)
        let now = clock()
        let conversation = Conversation(
            requestID: id,
            heldAt: input.heldAt ?? now,
            place: input.place,
            participants: input.participants,
            clarifiedQuestion: input.clarifiedQuestion.nonBlank,
            ownStrength: input.ownStrength.nonBlank,
            needed: input.needed.nonBlank,
            intendedResult: input.intendedResult.nonBlank,
            recordedBy: staff.id,
            recordedAt: now
        )
        try InputProblems.check(conversation.problems())
        return try await transaction { tx in
            var request = try lockedRequest(id, of: staff, in: tx)
            if request.status == .received { try request.startClarifying(by: staff.id, at: now) }
            if conversation.clarifiedQuestion != nil || input.categories != nil {
                try request.clarify(
                    question: conversation.clarifiedQuestion ?? request.clarifiedQuestion,
                    categories: input.categories,
                    at: now
                )
            }
            // What the conversation found travels as the indication's findings: refuse names now.
            if request.personID != nil {
                let person = try person(of: request, in: tx)
                if conversation.clarifiedQuestion != nil { _ = try request.questionForPartners(about: person) }
                let findings: [(String?, String, String)] = [
                    (conversation.ownStrength, "ownStrength", "‘Wat doen de burger en het netwerk zelf’"),
                    (conversation.needed, "needed", "‘Wat is nodig’"),
                    (conversation.intendedResult, "intendedResult", "‘Beoogd resultaat’"),
                ]
                for (text, field, label) in findings {
                    if let problem = PersonalDataCheck.problem(in: text, field: field, label: label, of: person) { throw problem }
                }
            }
            try RequestRepository.save(request, in: tx)
            try ConversationRepository.insert(conversation, municipality: staff.municipality, in: tx)
            return conversation
        }
    }

    /// Answers a simple request at once (information, advice, a general provision): an
    /// `answered` route, finished immediately.
    public func answer(_ id: UUID, answer: String, by staff: StaffMember) async throws -> HelpRequest {
        try staff.require(.casework)
        let now = clock()
        return try await transaction { tx in
            var request = try lockedRequest(id, of: staff, in: tx)
            if request.status == .received { try request.startClarifying(by: staff.id, at: now) }
            try request.takeRoute(.answered, note: answer, at: now)
            try RequestRepository.save(request, in: tx)
            return request
        }
    }

    /// Partners and general provisions suggested from the social map for the request's life
    /// domains and the person's district.
    public func suggestions(for id: UUID, by staff: StaffMember) async throws -> [Suggestion] {
        try staff.require(.casework)
        let now = clock()
        return try await transaction { tx in
            guard let request = try RequestRepository.find(id: id, municipality: staff.municipality, in: tx) else {
                throw FrontDeskError.requestNotFound
            }
            var district: String?
            if request.personID != nil {
                let person = try person(of: request, in: tx)
                try log(.suggestions, person: person.id, by: staff, context: "suggesties, hulpvraag \(id)", at: now, in: tx)
                district = person.district
            }
            return try PartnerRepository.socialMap(municipality: staff.municipality, in: tx)
                .suggestions(for: request.categories, district: district, in: staff.municipality)
        }
    }
}
