public import Foundation

/// The results of a closed consultation (`GET /api/v1/consultations/:id/results`): per question
/// the counts per answer with the five-respondent rule, the scale's shares and mean weighted to
/// the population (for the whole municipality or a district), its means per district, and the
/// open answers a moderator approved; below the VNG minimum a municipality-wide consultation
/// shows only the number of questionnaires.
public struct ConsultationResultsView: Sendable, Codable, Equatable {
    /// One answer option: a scale value, a choice or a stance.
    public struct Option: Sendable, Codable, Equatable {
        public var value: String
        public var label: String
        /// `nil`: fewer than five respondents (or hidden so that another small cell cannot be worked out).
        public var count: Int?
        public var share: Double?
    }

    public struct Question: Sendable, Codable, Equatable {
        public var id: String
        public var text: String
        public var kind: String
        public var respondents: Int
        /// Scale questions only.
        public var mean: Double?
        public var options: [Option]
        /// Scale questions: the district means (unweighted), where the district and the rest hold five or more.
        public var districts: [ResultsView.District]
        /// Scale questions: the means per district × age band (unweighted), under the same rule within the district.
        public var strata: [ResultsView.StratumResult]
        /// Open questions: the answers a moderator approved.
        public var openAnswers: [String]
    }

    public var consultationId: UUID
    public var title: String
    public var level: String
    public var completed: Int
    /// At least `Representativeness.targetCompleted` (500) completed questionnaires, whatever the audience.
    public var representative: Bool
    public var publishable: Bool
    public var weighted: Bool
    public var questions: [Question]
    public var response: ResponseRateView

    /// The results as CSV (`question,kind,answer,label,count,share`; empty where hidden; open
    /// answers are on the page and in the JSON, not here).
    public var csv: String {
        var lines = ["question,kind,answer,label,count,share"]
        for question in questions {
            for option in question.options {
                let share = option.share.map { String(format: "%.3f", $0) } ?? ""
                lines.append(
                    "\(question.id),\(question.kind),\(CSVField.quoted(option.value)),\(CSVField.quoted(option.label)),\(option.count.map(String.init) ?? ""),\(share)"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
