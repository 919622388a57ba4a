public import Contracts
public import Foundation
public import Logging
public import ReliableMessaging
import StaffPages
public import Storage
import WorkingDays

/// The citizen panel's use cases (burgerpanel, cliëntervaringsonderzoek): each runs in one
/// transaction and writes the events it causes to the outbox in it. The message handlers and the
/// questionnaire page call these; none of them touches storage itself.
public struct CitizenPanelService: Sendable {
    public let pool: ConnectionPool
    public let settings: CitizenPanelSettings
    public let producer: String
    let relay: OutboxRelay?
    let clock: @Sendable () -> Date
    let logger: Logger

    public init(
        pool: ConnectionPool,
        settings: CitizenPanelSettings,
        producer: String = "citizen-panel",
        relay: OutboxRelay? = nil,
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "citizen-panel")
    ) {
        self.logger = logger
        self.pool = pool
        self.settings = settings
        self.producer = producer
        self.relay = relay
        self.clock = clock
    }

    var today: LocalDate { settings.calendar.day(of: clock()) }

    func transaction<T: Sendable>(_ body: @escaping @Sendable (Transaction) throws -> T) async throws -> T {
        let value = try await pool.withTransaction(body)
        relay?.wake()
        return value
    }

    // MARK: Sampling (from the chain's events)

    /// A client's request closed or care stopped on `day`: when the person is in this year's
    /// sample and not invited yet, an invitation with a one-time link is stored and the desk is
    /// asked to send it (`panel.invitation.requested`: the subjectRef and the link, nothing else).
    /// Returns whether an invitation was requested.
    @discardableResult
    func sample(
        _ subject: SubjectRef,
        district: String?,
        municipality: MunicipalityCode,
        cause: UUID,
        correlation: UUID,
        on day: LocalDate,
        in tx: Transaction
    ) throws -> Bool {
        guard settings.sampling.includes(subject.rawValue, year: day.year) else { return false }
        let surveyId = SatisfactionSurvey.id(year: day.year)
        let id = UUID()
        let token = CSRFToken.make()
        let invited = try InvitationRepository.insert(
            id: id,
            municipality: municipality,
            surveyId: surveyId,
            subject: subject,
            district: district?.isEmpty == true ? nil : district,
            token: token,
            on: day,
            in: tx
        )
        guard invited else { return false }
        let message = PanelInvitationRequested(
            invitationId: id,
            subjectRef: subject,
            surveyTitle: SatisfactionSurvey.title(year: day.year),
            surveyLink: "\(settings.publicBaseURL)/vragenlijst/\(token)"
        )
        let envelope = Envelope(message, correlationId: correlation, causationId: cause, municipality: municipality, producer: producer)
        try Outbox.enqueue(envelope, in: tx)
        return true
    }

    // MARK: Answering (the respondent, through the one-time link)

    /// The questionnaire behind `token`.
    /// - Throws: `PanelError.invitationInvalid` for an unknown or used token, `.surveyClosed`.
    public func questionnaire(token: String) async throws -> Questionnaire {
        let today = self.today
        return try await transaction { tx in
            guard let invitation = try InvitationRepository.open(token: token, in: tx) else { throw PanelError.invitationInvalid }
            let year = try Self.year(of: invitation.surveyId)
            let closes = SatisfactionSurvey.closesOn(year: year)
            guard today <= closes else { throw PanelError.surveyClosed(closes.description) }
            return Questionnaire(title: SatisfactionSurvey.title(year: year), closesOn: closes, questions: SatisfactionSurvey.questions)
        }
    }

    /// Stores the answers given through `token` as an unlinked response and deletes the link, in
    /// one transaction: a second submission with the same link is refused.
    public func submit(token: String, _ input: AnswersInput) async throws {
        let today = self.today
        guard !input.scale.isEmpty else { throw PanelError.noAnswers }
        let questions = Set(SatisfactionSurvey.questions.map(\.id))
        for (question, value) in input.scale {
            guard questions.contains(question), (1...5).contains(value) else {
                throw PanelError.answerOutOfRange(SatisfactionSurvey.questions.first { $0.id == question }?.text ?? String(question.prefix(40)))
            }
        }
        var band: AgeBand?
        if let given = input.ageBand {
            guard let known = AgeBand(rawValue: given) else { throw PanelError.invalidBackground("leeftijd") }
            band = known
        }
        if let sex = input.sex, !SatisfactionSurvey.sexes.contains(sex) { throw PanelError.invalidBackground("geslacht") }
        let ageBand = band
        try await transaction { tx in
            // Taking the link out makes it single-use; a refusal below rolls that back.
            guard let invitation = try InvitationRepository.use(token: token, in: tx) else { throw PanelError.invitationInvalid }
            let closes = SatisfactionSurvey.closesOn(year: try Self.year(of: invitation.surveyId))
            guard today <= closes else { throw PanelError.surveyClosed(closes.description) }
            let response = SubmittedResponse(
                surveyId: invitation.surveyId,
                district: invitation.district,
                ageBand: ageBand,
                sex: input.sex,
                submittedOn: today,
                answers: input.scale.mapValues { .scale($0) }
            )
            try ResponseRepository.insert(response, municipality: invitation.municipality, in: tx)
        }
    }

    // MARK: Results

    /// The results of the year's satisfaction survey of `municipality`, once it has closed: per
    /// question the counts (as answered), the shares and mean weighted to the population, with
    /// `SmallCells` applied, the same per district and per district × age band (unweighted), and whether the number of
    /// completed questionnaires allows publishing a municipality-wide result.
    public func satisfactionResults(year: Int, municipality: MunicipalityCode) async throws -> SatisfactionResults {
        let today = self.today
        let closes = SatisfactionSurvey.closesOn(year: year)
        guard today > closes else { throw PanelError.resultsNotYet(closes.description) }
        let surveyId = SatisfactionSurvey.id(year: year)
        let margins = settings.population?.margins(of: municipality) ?? [:]
        let responses = try await transaction { tx in try ResponseRepository.all(surveyId: surveyId, municipality: municipality, in: tx) }
        // Weighted to the population by district, age band and sex (raking); a dimension a
        // respondent left out does not weight them on it.
        let profiles: [Raking.Profile] = responses.map { response in
            var profile: Raking.Profile = [:]
            profile[.district] = response.district
            profile[.ageBand] = response.ageBand
            profile[.sex] = response.sex
            return profile
        }
        let weights = margins.isEmpty ? Array(repeating: 1.0, count: responses.count) : Raking.weights(of: profiles, margins: margins)
        var questions: [String: ScaleResult] = [:]
        var byDistrict: [String: [String: ScaleResult]] = [:]
        var byStratum: [String: [Stratum: ScaleResult]] = [:]
        for question in SatisfactionSurvey.questions {
            var answers: [(value: Int, weight: Double)] = []
            var cells: [BreakdownValue] = []
            for (index, response) in responses.enumerated() {
                guard let value = response.scale[question.id] else { continue }
                answers.append((value, weights[index]))
                cells.append(BreakdownValue(district: response.district, ageBand: response.ageBand.flatMap(AgeBand.init(rawValue:)), value: value))
            }
            questions[question.id] = ScaleResult.of(answers)
            (byDistrict[question.id], byStratum[question.id]) = Self.breakdown(cells)
        }
        return SatisfactionResults(
            surveyId: surveyId,
            completed: responses.count,
            publishable: Representativeness.isPublishable(completed: responses.count),
            weighted: !margins.isEmpty,
            questions: questions,
            byDistrict: byDistrict,
            byStratum: byStratum
        )
    }

    /// One respondent's answer to a scale question with where they are, for the breakdowns.
    struct BreakdownValue: Sendable {
        var district: String?
        var ageBand: AgeBand?
        var value: Int
    }

    /// A scale question per district and per district × age band (unweighted): a district (or
    /// stratum) is shown only when it and the rest cannot give away a cell under five, the
    /// respondents without a district (age band) counting as a cell too.
    static func breakdown(_ values: [BreakdownValue]) -> (districts: [String: ScaleResult], strata: [Stratum: ScaleResult]) {
        var districts: [String: [(value: Int, weight: Double)]] = [:]
        var strata: [Stratum: [(value: Int, weight: Double)]] = [:]
        for answer in values {
            guard let district = answer.district else { continue }
            districts[district, default: []].append((answer.value, 1))
            if let band = answer.ageBand { strata[Stratum(district: district, ageBand: band), default: []].append((answer.value, 1)) }
        }
        let districtCells = cells(districts.mapValues(\.count), total: values.count)
        let shownDistricts = districts.filter { districtCells.contains($0.key) }
        var shownStrata: [Stratum: ScaleResult] = [:]
        for (district, inDistrict) in shownDistricts {
            let bands = strata.filter { $0.key.district == district }
            let bandCells = cells(Dictionary(uniqueKeysWithValues: bands.map { ($0.key.ageBand.rawValue, $0.value.count) }), total: inDistrict.count)
            for (stratum, values) in bands where bandCells.contains(stratum.ageBand.rawValue) { shownStrata[stratum] = ScaleResult.of(values) }
        }
        return (shownDistricts.mapValues { ScaleResult.of($0) }, shownStrata)
    }

    /// The keys of `counts` that may be shown, with the respondents not in any of them (of
    /// `total`) as one more cell that is never shown.
    static func cells(_ counts: [String: Int], total: Int) -> Set<String> {
        let rest = "\u{0}rest"
        var all = counts
        all[rest] = total - counts.values.reduce(0, +)
        let shown = SmallCells.suppress(all)
        return Set(counts.keys.filter { shown[$0]! != nil })
    }

    /// The published view of `satisfactionResults`.
    public func publishedResults(year: Int, municipality: MunicipalityCode) async throws -> ResultsView {
        ResultsView(try await satisfactionResults(year: year, municipality: municipality), year: year, municipality: municipality.rawValue)
    }

    static func year(of surveyId: String) throws -> Int {
        guard let year = Int(surveyId.dropFirst("clientervaring-".count)) else { throw PanelError.invitationInvalid }
        return year
    }
}
