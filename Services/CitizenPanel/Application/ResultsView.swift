import Foundation

/// The published results of a year's satisfaction survey (JSON and CSV of the API, the results
/// page): per question the counts and shares per answer (1-5) and the mean, with the
/// five-respondent rule applied; below the VNG minimum only the number of questionnaires.
public struct ResultsView: Sendable, Codable, Equatable {
    /// One answer option of a question.
    public struct Option: Sendable, Codable, Equatable {
        public var value: Int
        public var label: String
        /// `nil`: fewer than five respondents (or hidden so that another small cell cannot be worked out).
        public var count: Int?
        public var share: Double?
    }

    /// One district's answers to a question (unweighted).
    public struct District: Sendable, Codable, Equatable {
        public var district: String
        /// `nil`: fewer than five respondents in the district.
        public var respondents: Int?
        public var mean: Double?
    }

    /// One stratum's (district × age band) answers to a question (unweighted).
    public struct StratumResult: Sendable, Codable, Equatable {
        public var district: String
        public var ageBand: String
        /// `nil`: fewer than five respondents in the stratum.
        public var respondents: Int?
        public var mean: Double?
    }

    /// One question.
    public struct Question: Sendable, Codable, Equatable {
        public var id: String
        public var text: String
        public var respondents: Int
        public var mean: Double?
        public var options: [Option]
        public var districts: [District]
        public var strata: [StratumResult]
    }

    public var surveyId: String
    public var title: String
    public var municipality: String
    public var completed: Int
    public var minimumForPublication: Int
    public var publishable: Bool
    /// Shares and means weighted to the population by district, age band and sex.
    public var weighted: Bool
    /// Empty when not publishable.
    public var questions: [Question]

    init(_ results: SatisfactionResults, year: Int, municipality: String) {
        surveyId = results.surveyId
        title = SatisfactionSurvey.title(year: year)
        self.municipality = municipality
        completed = results.completed
        minimumForPublication = Representativeness.publicationMinimum
        publishable = results.publishable
        weighted = results.weighted
        questions =
            results.publishable
            ? SatisfactionSurvey.questions.compactMap { question in
                guard let result = results.questions[question.id] else { return nil }
                return Question(
                    id: question.id,
                    text: question.text,
                    respondents: result.respondents,
                    mean: result.mean.map { ($0 * 100).rounded() / 100 },
                    options: (1...5).map { value in
                        Option(
                            value: value,
                            label: SatisfactionSurvey.scale[value - 1],
                            count: result.counts[value] ?? nil,
                            share: (result.shares[value] ?? nil).map { ($0 * 1000).rounded() / 1000 }
                        )
                    },
                    districts: (results.byDistrict[question.id] ?? [:]).sorted { $0.key < $1.key }.map { district, result in
                        let shown = result.respondents >= SmallCells.minimum
                        return District(
                            district: district,
                            respondents: shown ? result.respondents : nil,
                            mean: result.mean.map { ($0 * 100).rounded() / 100 }
                        )
                    },
                    strata: (results.byStratum[question.id] ?? [:]).sorted { $0.key < $1.key }.map { stratum, result in
                        let shown = result.respondents >= SmallCells.minimum
                        return StratumResult(
                            district: stratum.district,
                            ageBand: stratum.ageBand.rawValue,
                            respondents: shown ? result.respondents : nil,
                            mean: result.mean.map { ($0 * 100).rounded() / 100 }
                        )
                    }
                )
            } : []
    }

    /// The results as CSV (`question,answer,label,count,share`; empty where suppressed).
    public var csv: String {
        var lines = ["question,answer,label,count,share"]
        for question in questions {
            for option in question.options {
                let share = option.share.map { String(format: "%.3f", $0) } ?? ""
                lines.append("\(question.id),\(option.value),\(CSVField.quoted(option.label)),\(option.count.map(String.init) ?? ""),\(share)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
