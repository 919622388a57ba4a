public import Foundation
public import WorkingDays

/// A consultation of the panel (raadpleging, SPEC §6): questions put to an audience between an
/// opening and a closing day, at a participation level. Answers come in through the one-time
/// links of its rounds; nobody sees the results before it closes.
public struct Consultation: Sendable, Equatable {
    public let id: UUID
    public var municipality: String
    public var title: String
    /// Shown above the questions: what the consultation is about.
    public var introduction: String
    public var questions: [ConsultationQuestion]
    public var audience: Audience
    public var level: ParticipationLevel
    public var opensOn: LocalDate
    public var closesOn: LocalDate

    /// The most questions a consultation asks: a panel answers a short list.
    public static let maximumQuestions = 40

    /// A checked consultation.
    /// - Throws: `PanelError.invalidConsultation` naming the first field that is wrong.
    public init(
        id: UUID = UUID(),
        municipality: String,
        title: String,
        introduction: String,
        questions: [ConsultationQuestion],
        audience: Audience,
        level: ParticipationLevel,
        opensOn: LocalDate,
        closesOn: LocalDate
    ) throws(PanelError) {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...200).contains(title.count), !Self.hasControl(title) else {
            throw .invalidConsultation(field: "title", problem: "3 tot 200 tekens, zonder stuurtekens")
        }
        guard introduction.count <= 4000, !Self.hasControl(introduction, allowingNewlines: true) else {
            throw .invalidConsultation(field: "introduction", problem: "ten hoogste 4000 tekens")
        }
        guard (1...Self.maximumQuestions).contains(questions.count) else {
            throw .invalidConsultation(field: "questions", problem: "1 tot \(Self.maximumQuestions) vragen")
        }
        for (index, question) in questions.enumerated() {
            let field = "questions[\(index)]"
            guard question.id == "q\(index + 1)" else { throw .invalidConsultation(field: "\(field).id", problem: "q\(index + 1)") }
            guard (3...500).contains(question.text.count), !Self.hasControl(question.text) else {
                throw .invalidConsultation(field: "\(field).text", problem: "3 tot 500 tekens, zonder stuurtekens")
            }
            if question.kind.isChoice {
                guard (2...12).contains(question.options.count), Set(question.options).count == question.options.count,
                    question.options.allSatisfy({ (1...200).contains($0.count) && !Self.hasControl($0) })
                else {
                    throw .invalidConsultation(field: "\(field).options", problem: "2 tot 12 verschillende mogelijkheden van ten hoogste 200 tekens")
                }
            } else if !question.options.isEmpty {
                throw .invalidConsultation(field: "\(field).options", problem: "alleen bij een keuzevraag")
            }
            if question.proposalId != nil, question.kind != .statement {
                throw .invalidConsultation(field: "\(field).proposalId", problem: "alleen bij een stelling")
            }
        }
        if case .district(let name) = audience, !(1...60).contains(name.count) {
            throw .invalidConsultation(field: "audience", problem: "een wijk van ten hoogste 60 tekens")
        }
        guard opensOn <= closesOn else { throw .invalidConsultation(field: "closesOn", problem: "op of na de openingsdag") }
        guard closesOn <= opensOn.adding(days: 366) else {
            throw .invalidConsultation(field: "closesOn", problem: "ten hoogste 366 dagen na de opening")
        }
        self.id = id
        self.municipality = municipality
        self.title = title
        self.introduction = introduction
        self.questions = questions
        self.audience = audience
        self.level = level
        self.opensOn = opensOn
        self.closesOn = closesOn
    }

    /// Whether answers are taken on `day`.
    public func isOpen(on day: LocalDate) -> Bool { opensOn <= day && day <= closesOn }

    /// Whether results may be seen on `day`: only after the closing day.
    public func hasClosed(on day: LocalDate) -> Bool { day > closesOn }

    /// The answers in the form fields `values` (by question id), checked against the questions.
    /// - Throws: `PanelError.answerInvalid` for the first wrong answer, `.noAnswers` when none is given.
    public func answers(from values: [String: [String]]) throws(PanelError) -> [String: SubmittedResponse.Answer] {
        var answers: [String: SubmittedResponse.Answer] = [:]
        for question in questions {
            if let answer = try question.answer(from: values[question.id] ?? []) { answers[question.id] = answer }
        }
        guard !answers.isEmpty else { throw .noAnswers }
        return answers
    }

    static func hasControl(_ text: String, allowingNewlines: Bool = false) -> Bool {
        text.unicodeScalars.contains { scalar in
            if allowingNewlines { return ConsultationQuestion.isControl(scalar) }
            return scalar.value < 32 || scalar.value == 127
        }
    }
}
