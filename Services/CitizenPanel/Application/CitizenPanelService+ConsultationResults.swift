import Contracts
public import Foundation
import Storage
import WorkingDays

/// The results of a closed consultation, under the same rules as the satisfaction survey's:
/// nobody sees them before it closes, no cell under five, weighted to the population where the
/// audience is the population (all members, or a district's), open answers only once approved.
extension CitizenPanelService {
    public func consultationResults(_ id: UUID, by researcher: Researcher) async throws -> ConsultationResultsView {
        let today = self.today
        let margins = settings.population?.margins(of: researcher.municipality) ?? [:]
        return try await transaction { tx in
            let consultation = try Self.find(id, for: researcher, in: tx)
            guard consultation.hasClosed(on: today) else { throw PanelError.resultsNotYet(consultation.closesOn.dutchFormatted) }
            try ResponseBuffer.flush(consultation: consultation.id, municipality: consultation.municipality, minimum: 0, in: tx)
            let responses = try ResponseRepository.consultationResponses(consultation, in: tx)
            let approved = try OpenAnswerRepository.all(consultation: consultation.id, status: "approved", in: tx)
            let response = try Self.responseRate(of: consultation, in: tx)
            return Self.results(consultation, responses: responses, approved: approved, response: response, margins: margins)
        }
    }

    /// The published results of a closed consultation, for anyone (the public results page).
    public func publishedConsultationResults(_ id: UUID) async throws -> ConsultationResultsView {
        let today = self.today
        let settings = self.settings
        return try await transaction { tx in
            guard let consultation = try ConsultationRepository.find(id, in: tx) else { throw PanelError.consultationNotFound }
            guard consultation.hasClosed(on: today) else { throw PanelError.resultsNotYet(consultation.closesOn.dutchFormatted) }
            try ResponseBuffer.flush(consultation: consultation.id, municipality: consultation.municipality, minimum: 0, in: tx)
            let margins = MunicipalityCode(consultation.municipality).flatMap { settings.population?.margins(of: $0) } ?? [:]
            return Self.results(
                consultation,
                responses: try ResponseRepository.consultationResponses(consultation, in: tx),
                approved: try OpenAnswerRepository.all(consultation: consultation.id, status: "approved", in: tx),
                response: try Self.responseRate(of: consultation, in: tx),
                margins: margins
            )
        }
    }

    /// 1-4 people: a cell that may not be shown.
    static func isSmall(_ count: Int) -> Bool { (1..<SmallCells.minimum).contains(count) }

    /// The results of `responses` to `consultation` (pure: the rules above, unit-testable).
    static func results(
        _ consultation: Consultation,
        responses: [SubmittedResponse],
        approved: [OpenAnswerRepository.Stored],
        response: ResponseRateView,
        margins allMargins: [Raking.Dimension: [String: Double]]
    ) -> ConsultationResultsView {
        // A district's members are weighted on age band and sex only; carers and clients are not
        // a sample of the population, so their answers are not weighted to it.
        var margins: [Raking.Dimension: [String: Double]] =
            switch consultation.audience {
            case .all: allMargins
            case .district: allMargins.filter { $0.key != .district }
            case .carers, .clients: [:]
            }
        if margins.values.allSatisfy(\.isEmpty) { margins = [:] }
        let profiles: [Raking.Profile] = responses.map { response in
            var profile: Raking.Profile = [:]
            if margins[.district] != nil { profile[.district] = response.district }
            profile[.ageBand] = response.ageBand?.rawValue
            profile[.sex] = response.sex
            return profile
        }
        let weights = margins.isEmpty ? Array(repeating: 1.0, count: responses.count) : Raking.weights(of: profiles, margins: margins)
        let publishable = consultation.audience != .all || Representativeness.isPublishable(completed: responses.count)
        func rounded(_ value: Double?, _ places: Double) -> Double? { value.map { ($0 * places).rounded() / places } }
        var questions: [ConsultationResultsView.Question] = []
        for question in consultation.questions where publishable {
            var result = ConsultationResultsView.Question(
                id: question.id,
                text: question.text,
                kind: question.kind.rawValue,
                respondents: 0,
                mean: nil,
                options: [],
                districts: [],
                strata: [],
                openAnswers: []
            )
            switch question.kind {
            case .scale:
                var answers: [(value: Int, weight: Double)] = []
                var cells: [BreakdownValue] = []
                for (index, response) in responses.enumerated() {
                    guard case .scale(let value) = response.answers[question.id] else { continue }
                    answers.append((value, weights[index]))
                    cells.append(BreakdownValue(district: response.district, ageBand: response.ageBand, value: value))
                }
                let scale = ScaleResult.of(answers)
                result.respondents = scale.respondents
                result.mean = rounded(scale.mean, 100)
                result.options = (1...5).map { value in
                    ConsultationResultsView.Option(
                        value: "\(value)",
                        label: SatisfactionSurvey.scale[value - 1],
                        count: scale.counts[value] ?? nil,
                        share: rounded(scale.shares[value] ?? nil, 1000)
                    )
                }
                let (districts, strata) = Self.breakdown(cells)
                result.districts = districts.sorted { $0.key < $1.key }.map { district, values in
                    ResultsView.District(district: district, respondents: values.respondents, mean: rounded(values.mean, 100))
                }
                result.strata = strata.sorted { $0.key < $1.key }.map { stratum, values in
                    ResultsView.StratumResult(
                        district: stratum.district,
                        ageBand: stratum.ageBand.rawValue,
                        respondents: values.respondents,
                        mean: rounded(values.mean, 100)
                    )
                }
            case .singleChoice, .multipleChoice, .statement:
                let options: [(value: String, label: String)] =
                    question.kind == .statement ? ConsultationQuestion.stances.map { ($0.0.rawValue, $0.1) } : question.options.map { ($0, $0) }
                var counts = Dictionary(uniqueKeysWithValues: options.map { ($0.value, 0) })
                var weighted = counts.mapValues { _ in 0.0 }
                var mass = 0.0
                for (index, response) in responses.enumerated() {
                    let chosen: [String]
                    switch response.answers[question.id] {
                    case .choice(let options): chosen = options
                    case .statement(let stance): chosen = [stance.rawValue]
                    default: continue
                    }
                    result.respondents += 1
                    mass += weights[index]
                    for option in chosen where counts[option] != nil {
                        counts[option]! += 1
                        weighted[option]! += weights[index]
                    }
                }
                // One answer each: the options split the respondents, so a hidden one must not be
                // the difference of the others (`SmallCells`). Several answers each: every option
                // is a yes/no of its own, and neither those who chose it nor those who did not may
                // be fewer than five.
                let shown: [String: Int?] =
                    result.respondents < SmallCells.minimum
                    ? counts.mapValues { _ in nil }
                    : question.kind == .multipleChoice
                        ? counts.mapValues { Self.isSmall($0) || Self.isSmall(result.respondents - $0) ? nil : $0 } : SmallCells.suppress(counts)
                result.options = options.map { option in
                    let count = shown[option.value] ?? nil
                    return ConsultationResultsView.Option(
                        value: option.value,
                        label: option.label,
                        count: count,
                        share: count == nil || mass == 0 ? nil : rounded(weighted[option.value]! / mass, 1000)
                    )
                }
            case .openText:
                result.openAnswers = approved.filter { $0.questionId == question.id }.map(\.text)
                result.respondents = result.openAnswers.count
            }
            questions.append(result)
        }
        return ConsultationResultsView(
            consultationId: consultation.id,
            title: consultation.title,
            level: consultation.level.rawValue,
            completed: responses.count,
            representative: responses.count >= Representativeness.targetCompleted,
            publishable: publishable,
            weighted: !margins.isEmpty,
            questions: questions,
            response: response
        )
    }
}
