public import Contracts
public import Foundation
import ReliableMessaging
import StaffPages
import Storage
import WorkingDays

/// Consultations (raadplegingen): a researcher puts questions to an audience of members, draws
/// rounds stratified by district × age band, sends reminders once, and reads the response per
/// stratum; members answer through their one-time link.
extension CitizenPanelService {
    /// The expected response of a panel when the researcher gives none (panels answer at 50-80 %).
    public static let defaultResponseRate = 0.65

    /// Checks and stores a new consultation of the researcher's municipality; a statement with a
    /// `proposalId` puts that approved proposal to the panel.
    public func createConsultation(_ input: ConsultationInput, by researcher: Researcher) async throws -> ConsultationView {
        let today = self.today
        let consultation = try Self.consultation(
            from: input,
            municipality: researcher.municipality,
            districts: districts(of: researcher.municipality)
        )
        guard consultation.closesOn >= today else { throw PanelError.invalidConsultation(field: "closesOn", problem: "vandaag of later") }
        let now = clock()
        try await transaction { tx in
            try ConsultationRepository.insert(consultation, by: researcher, at: now, in: tx)
            for (index, question) in consultation.questions.enumerated() {
                guard let proposalId = question.proposalId else { continue }
                guard let proposal = try ProposalRepository.find(proposalId, municipality: consultation.municipality, in: tx),
                    proposal.status == .approved
                else {
                    throw PanelError.invalidConsultation(
                        field: "questions[\(index)].proposalId",
                        problem: "een goedgekeurde stelling van een panellid"
                    )
                }
                // The member's statement as moderated, not reworded.
                guard proposal.text == question.text else {
                    throw PanelError.invalidConsultation(field: "questions[\(index)].text", problem: "de tekst van het voorstel, ongewijzigd")
                }
                try ProposalRepository.putToPanel(proposalId, consultation: consultation.id, in: tx)
            }
        }
        return ConsultationView(consultation, today: today)
    }

    /// The consultations of the researcher's municipality.
    public func consultations(by researcher: Researcher) async throws -> [ConsultationView] {
        let today = self.today
        return try await transaction { tx in
            try ConsultationRepository.all(municipality: researcher.municipality, in: tx).map { ConsultationView($0, today: today) }
        }
    }

    public func consultation(_ id: UUID, by researcher: Researcher) async throws -> ConsultationView {
        let today = self.today
        return try await transaction { tx in ConsultationView(try Self.find(id, for: researcher, in: tx), today: today) }
    }

    /// Draws a round for an open consultation: `RoundInput.target` completed questionnaires at
    /// the expected response make the round size; the members of the audience not invited yet are
    /// drawn stratified by district × age band against the population, each gets a one-time link
    /// (`panel.member.invited` to the mail service).
    public func drawRound(_ id: UUID, _ input: RoundInput, by researcher: Researcher) async throws -> RoundView {
        let target = input.target ?? Representativeness.targetCompleted
        guard (1...100_000).contains(target) else {
            throw PanelError.invalidConsultation(field: "target", problem: "1 tot 100000 ingevulde vragenlijsten")
        }
        let rate = input.expectedResponseRate ?? Self.defaultResponseRate
        guard (0.05...1).contains(rate) else { throw PanelError.invalidConsultation(field: "expectedResponseRate", problem: "tussen 0,05 en 1") }
        let size = Representativeness.roundSize(responseRate: rate, target: target)
        let today = self.today
        let strata = settings.population?.strata(of: researcher.municipality) ?? [:]
        return try await transaction { tx in
            // One round or reminder run at a time: a second waits and then draws from who is left.
            let consultation = try Self.find(id, for: researcher, locking: true, in: tx)
            guard consultation.isOpen(on: today) else {
                throw PanelError.roundNotPossible(
                    consultation.hasClosed(on: today)
                        ? "de raadpleging is gesloten" : "de raadpleging opent op \(consultation.opensOn.dutchFormatted)"
                )
            }
            let candidates = try RoundRepository.candidates(for: consultation, in: tx)
            guard !candidates.isEmpty else { throw PanelError.roundNotPossible("alle panelleden in de doelgroep zijn al uitgenodigd") }
            // Against the population of the audience's strata; without reference figures, the
            // members themselves (everyone equally likely).
            var population = strata.filter { consultation.audience.district == nil || $0.key.district == consultation.audience.district }
            if population.isEmpty { population = Dictionary(grouping: candidates, by: \.stratum).mapValues(\.count) }
            var random = SystemRandomNumberGenerator()
            let drawn = Set(
                StratifiedSample.draw(size: size, population: population, members: candidates.map { ($0.id, $0.stratum) }, using: &random)
            )
            let roundId = UUID()
            let invited = candidates.filter { drawn.contains($0.id) }
            try RoundRepository.insertRound(
                id: roundId,
                consultation: consultation.id,
                on: today,
                by: researcher,
                target: target,
                expectedRate: rate,
                invited: invited.count,
                in: tx
            )
            let correlation = UUID()
            for member in invited {
                let invitationId = UUID()
                let token = CSRFToken.make()
                try RoundRepository.insertInvitation(
                    id: invitationId,
                    round: roundId,
                    consultation: consultation.id,
                    member: member,
                    token: token,
                    in: tx
                )
                try enqueueMail(
                    invitationId,
                    to: member.id,
                    email: member.email,
                    token: token,
                    consultation,
                    reminder: false,
                    correlation: correlation,
                    in: tx
                )
            }
            let counts = Dictionary(grouping: invited, by: \.stratum).mapValues(\.count)
            return RoundView(
                roundId: roundId,
                consultationId: consultation.id,
                target: target,
                expectedResponseRate: rate,
                size: size,
                invited: invited.count,
                strata: counts.keys.sorted().map { RoundView.StratumCount(district: $0.district, ageBand: $0.ageBand.rawValue, invited: counts[$0]!) }
            )
        }
    }

    /// Reminds, once, every member of the consultation's rounds who did not answer yet, with a
    /// link of their own (the first keeps working).
    public func remind(_ id: UUID, by researcher: Researcher) async throws -> ReminderView {
        let today = self.today
        return try await transaction { tx in
            // One round or reminder run at a time: a second waits and then draws from who is left.
            let consultation = try Self.find(id, for: researcher, locking: true, in: tx)
            guard consultation.isOpen(on: today) else {
                throw PanelError.roundNotPossible("herinneringen gaan alleen uit terwijl de raadpleging open is")
            }
            let unanswered = try RoundRepository.unreminded(consultation: consultation.id, in: tx)
            let correlation = UUID()
            for member in unanswered {
                let token = CSRFToken.make()
                try RoundRepository.setReminder(member.invitationId, token: token, in: tx)
                try enqueueMail(
                    member.invitationId,
                    to: member.memberId,
                    email: member.email,
                    token: token,
                    consultation,
                    reminder: true,
                    correlation: correlation,
                    in: tx
                )
            }
            return ReminderView(consultationId: consultation.id, reminded: unanswered.count)
        }
    }

    /// Invited and answered per stratum.
    public func responseRate(_ id: UUID, by researcher: Researcher) async throws -> ResponseRateView {
        try await transaction { tx in try Self.responseRate(of: try Self.find(id, for: researcher, in: tx), in: tx) }
    }

    static func responseRate(of consultation: Consultation, in tx: Transaction) throws -> ResponseRateView {
        let counts = try RoundRepository.response(consultation: consultation.id, in: tx)
        func rate(_ answered: Int, _ invited: Int) -> Double { invited == 0 ? 0 : (Double(answered) / Double(invited) * 1000).rounded() / 1000 }
        let invited = counts.values.reduce(0) { $0 + $1.invited }
        let answered = counts.values.reduce(0) { $0 + $1.answered }
        let shown = SmallCells.suppress(Dictionary(uniqueKeysWithValues: counts.map { ($0.key, $0.value.answered) }))
        return ResponseRateView(
            consultationId: consultation.id,
            invited: invited,
            answered: answered,
            rate: rate(answered, invited),
            strata: counts.keys.sorted().map { stratum in
                let answered = shown[stratum] ?? nil
                return ResponseRateView.StratumRate(
                    district: stratum.district,
                    ageBand: stratum.ageBand.rawValue,
                    invited: counts[stratum]!.invited,
                    answered: answered,
                    rate: answered.map { rate($0, counts[stratum]!.invited) }
                )
            }
        )
    }

    // MARK: Answering (the member, through the one-time link)

    /// The consultation behind the member's link `token`.
    /// - Throws: `PanelError.invitationInvalid` for an unknown or used link, `.surveyClosed`.
    public func consultationQuestionnaire(token: String) async throws -> ConsultationQuestionnaire {
        let today = self.today
        return try await transaction { tx in
            guard let link = try RoundRepository.open(token: token, in: tx),
                let consultation = try ConsultationRepository.find(link.consultationId, in: tx)
            else { throw PanelError.invitationInvalid }
            guard !consultation.hasClosed(on: today) else { throw PanelError.surveyClosed(consultation.closesOn.dutchFormatted) }
            return ConsultationQuestionnaire(
                title: consultation.title,
                introduction: consultation.introduction,
                level: consultation.level,
                closesOn: consultation.closesOn,
                questions: consultation.questions
            )
        }
    }

    /// Takes the member's answers (`values`: form fields by question id) and marks the link used,
    /// in one transaction: the answers wait in `ResponseBuffer` without the member or the link,
    /// and move on to the responses, shuffled, in another transaction once five wait.
    public func submitConsultation(token: String, _ values: [String: [String]]) async throws {
        let today = self.today
        let consultation = try await transaction { tx in
            guard let open = try RoundRepository.open(token: token, in: tx),
                let consultation = try ConsultationRepository.find(open.consultationId, in: tx)
            else { throw PanelError.invitationInvalid }
            guard !consultation.hasClosed(on: today) else { throw PanelError.surveyClosed(consultation.closesOn.dutchFormatted) }
            let answers = try consultation.answers(from: values)
            guard let link = try RoundRepository.use(token: token, in: tx) else { throw PanelError.invitationInvalid }
            let response = SubmittedResponse(
                surveyId: consultation.id.uuidString.lowercased(),
                district: link.stratum.district,
                ageBand: link.stratum.ageBand,
                sex: link.sex,
                submittedOn: today,
                answers: answers
            )
            try ResponseBuffer.insert(response, consultation: consultation.id, in: tx)
            return consultation
        }
        // The answers are in; should moving them on fail, the next answer or the sweep does it.
        do {
            _ = try await transaction { tx in
                try ResponseBuffer.flush(consultation: consultation.id, municipality: consultation.municipality, minimum: SmallCells.minimum, in: tx)
            }
        } catch {
            logger.warning(
                "answers of a consultation stay in the buffer for now",
                metadata: ["consultation": "\(consultation.id)", "error": "\(error)"]
            )
        }
    }

    /// For every consultation that closed: the answers still waiting are moved on (however few),
    /// and who was invited is forgotten. Returns how many consultations were tidied.
    @discardableResult
    public func sweepClosedConsultations() async throws -> Int {
        let today = self.today
        return try await transaction { tx in
            let closed = try ResponseBuffer.closedWithTraces(before: today, in: tx)
            for consultation in closed {
                try ResponseBuffer.flush(consultation: consultation.id, municipality: consultation.municipality, minimum: 0, in: tx)
                try ResponseBuffer.unlinkMembers(consultation: consultation.id, in: tx)
            }
            return closed.count
        }
    }

    // MARK: Helpers

    func enqueueMail(
        _ invitationId: UUID,
        to member: UUID,
        email: String,
        token: String,
        _ consultation: Consultation,
        reminder: Bool,
        correlation: UUID,
        in tx: Transaction
    ) throws {
        // The panel keeps the member's personal token only as a hash: every e-mail carries a new one.
        let personal = CSRFToken.make()
        try MemberRepository.setPersonalToken(personal, of: member, in: tx)
        let message = PanelMemberInvited(
            invitationId: invitationId,
            email: email,
            consultationTitle: String(consultation.title.prefix(200)),
            link: "\(settings.publicBaseURL)/raadpleging/\(token)",
            closesOn: consultation.closesOn.description,
            reminder: reminder,
            proposeLink: "\(settings.publicBaseURL)/voorstellen/\(personal)",
            leaveLink: "\(settings.publicBaseURL)/afmelden/\(personal)"
        )
        guard let municipality = MunicipalityCode(consultation.municipality) else { throw PanelError.consultationNotFound }
        try Outbox.enqueue(Envelope(message, correlationId: correlation, municipality: municipality, producer: producer), in: tx)
    }

    /// The consultation `id` of the researcher's municipality.
    /// - Throws: `PanelError.consultationNotFound` for another municipality's as for none.
    static func find(_ id: UUID, for researcher: Researcher, locking: Bool = false, in tx: Transaction) throws -> Consultation {
        guard let consultation = try ConsultationRepository.find(id, locking: locking, in: tx),
            consultation.municipality == researcher.municipality.rawValue
        else {
            throw PanelError.consultationNotFound
        }
        return consultation
    }

    /// The checked consultation of `input`.
    static func consultation(from input: ConsultationInput, municipality: MunicipalityCode, districts: Set<String>) throws(PanelError) -> Consultation
    {
        guard let audience = Audience(kind: input.audience.kind, district: input.audience.district?.trimmingCharacters(in: .whitespaces)) else {
            throw .invalidConsultation(field: "audience", problem: "all, district (met een wijk), carers of clients")
        }
        if let district = audience.district, !districts.isEmpty, !districts.contains(district) {
            throw .invalidConsultation(field: "audience.district", problem: "een wijk van de gemeente")
        }
        guard let level = ParticipationLevel(rawValue: input.level) else {
            throw .invalidConsultation(field: "level", problem: "inform, consult, advise, co-produce of co-decide")
        }
        guard let opens = LocalDate(iso: input.opensOn) else { throw .invalidConsultation(field: "opensOn", problem: "een dag, JJJJ-MM-DD") }
        guard let closes = LocalDate(iso: input.closesOn) else { throw .invalidConsultation(field: "closesOn", problem: "een dag, JJJJ-MM-DD") }
        var questions: [ConsultationQuestion] = []
        for (index, question) in input.questions.prefix(Consultation.maximumQuestions + 1).enumerated() {
            guard let kind = ConsultationQuestion.Kind(rawValue: question.kind) else {
                throw .invalidConsultation(
                    field: "questions[\(index)].kind",
                    problem: "scale, single-choice, multiple-choice, open-text of statement"
                )
            }
            questions.append(
                ConsultationQuestion(
                    id: "q\(index + 1)",
                    text: question.text.trimmingCharacters(in: .whitespacesAndNewlines),
                    kind: kind,
                    options: (question.options ?? []).map { $0.trimmingCharacters(in: .whitespaces) },
                    proposalId: question.proposalId
                )
            )
        }
        return try Consultation(
            municipality: municipality.rawValue,
            title: input.title,
            introduction: (input.introduction ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            questions: questions,
            audience: audience,
            level: level,
            opensOn: opens,
            closesOn: closes
        )
    }
}
