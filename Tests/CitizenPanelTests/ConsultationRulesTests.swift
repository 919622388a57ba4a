import Foundation
import Testing
import WorkingDays

@testable import CitizenPanel

/// The rules of a consultation (SPEC §6) without broker or database: what a researcher may put to
/// the panel, what counts as an answer to each kind of question, and moderation.
struct ConsultationRulesTests {
    static let opens = LocalDate(year: 2026, month: 12, day: 7)!
    static let closes = LocalDate(year: 2027, month: 1, day: 31)!

    static func consultation(_ questions: [ConsultationQuestion], audience: Audience = .all) throws(PanelError) -> Consultation {
        try Consultation(
            municipality: "0202",
            title: "Wonen in de wijk",
            introduction: "",
            questions: questions,
            audience: audience,
            level: .consult,
            opensOn: opens,
            closesOn: closes
        )
    }

    static let all: [ConsultationQuestion] = [
        ConsultationQuestion(id: "q1", text: "Ik woon graag in mijn wijk.", kind: .scale),
        ConsultationQuestion(id: "q2", text: "Hoe reist u?", kind: .singleChoice, options: ["Fiets", "Bus"]),
        ConsultationQuestion(id: "q3", text: "Wat mist u?", kind: .multipleChoice, options: ["Groen", "Winkels", "Bankjes"]),
        ConsultationQuestion(id: "q4", text: "Wat zou u veranderen?", kind: .openText),
        ConsultationQuestion(id: "q5", text: "Er moeten meer bankjes komen.", kind: .statement),
    ]

    @Test func aConsultationNeedsNumberedQuestionsOptionsForChoicesAndAClosingAfterTheOpening() throws {
        #expect(try Self.consultation(Self.all).questions.count == 5)
        #expect(throws: PanelError.invalidConsultation(field: "questions", problem: "1 tot 40 vragen")) { try Self.consultation([]) }
        var misnumbered = Self.all
        misnumbered[1].id = "q7"
        #expect(throws: PanelError.invalidConsultation(field: "questions[1].id", problem: "q2")) { try Self.consultation(misnumbered) }
        var oneOption = Self.all
        oneOption[1].options = ["Fiets"]
        #expect(throws: PanelError.self) { try Self.consultation(oneOption) }
        var twice = Self.all
        twice[2].options = ["Groen", "Groen"]
        #expect(throws: PanelError.self) { try Self.consultation(twice) }
        var optionsOnScale = Self.all
        optionsOnScale[0].options = ["a", "b"]
        #expect(throws: PanelError.self) { try Self.consultation(optionsOnScale) }
        var proposalOnScale = Self.all
        proposalOnScale[0].proposalId = UUID()
        #expect(throws: PanelError.self) { try Self.consultation(proposalOnScale) }
        #expect(throws: PanelError.invalidConsultation(field: "closesOn", problem: "op of na de openingsdag")) {
            try Consultation(
                municipality: "0202",
                title: "Wonen",
                introduction: "",
                questions: Self.all,
                audience: .all,
                level: .inform,
                opensOn: Self.closes,
                closesOn: Self.opens
            )
        }
        #expect(throws: PanelError.self) {
            try Consultation(
                municipality: "0202",
                title: "Wo\u{7}nen",
                introduction: "",
                questions: Self.all,
                audience: .all,
                level: .inform,
                opensOn: Self.opens,
                closesOn: Self.closes
            )
        }
    }

    @Test func answersAreReadPerKindOfQuestion() throws {
        let consultation = try Self.consultation(Self.all)
        let answers = try consultation.answers(from: [
            "q1": ["4"], "q2": ["Bus"], "q3": ["Bankjes", "Groen"], "q4": ["  Meer groen  "], "q5": ["disagree"], "q9": ["x"],
        ])
        #expect(
            answers == [
                "q1": .scale(4), "q2": .choice(["Bus"]), "q3": .choice(["Groen", "Bankjes"]), "q4": .text("Meer groen"), "q5": .statement(.disagree),
            ]
        )
        // Blank is not answered; nothing at all is refused.
        #expect(try consultation.answers(from: ["q1": [""], "q2": ["Fiets"]]) == ["q2": .choice(["Fiets"])])
        #expect(throws: PanelError.noAnswers) { try consultation.answers(from: ["q1": [" "]]) }
    }

    @Test(arguments: [
        ("q1", ["6"]), ("q1", ["0"]), ("q1", ["drie"]), ("q1", ["3", "4"]), ("q2", ["Boot"]), ("q2", ["Fiets", "Bus"]),
        ("q3", ["Groen", "Zwembad"]), ("q4", [String(repeating: "a", count: 2001)]), ("q4", ["a\u{0}b"]), ("q5", ["maybe"]),
    ])
    func anAnswerThatIsNotOneOfTheOptionsIsRefusedNamingTheQuestion(question: String, values: [String]) throws {
        let consultation = try Self.consultation(Self.all)
        let text = try #require(Self.all.first { $0.id == question }).text
        #expect(throws: PanelError.answerInvalid(text)) { try consultation.answers(from: [question: values]) }
    }

    @Test func theAudienceDecidesWhoMayBeDrawn() {
        let member = PanelMember(
            municipality: "0202",
            kind: .informalCarer,
            district: "Klarendal",
            ageBand: .from50to64,
            sex: nil,
            email: "a@example.nl",
            consentedAt: Date()
        )
        #expect(Audience.all.includes(member) && Audience.carers.includes(member) && Audience.district("Klarendal").includes(member))
        #expect(!Audience.clients.includes(member) && !Audience.district("Elden").includes(member))
        #expect(Audience(kind: "district", district: nil) == nil && Audience(kind: "everyone", district: nil) == nil)
    }

    @Test func aRejectionNeedsItsReasonAndAProposalItsLength() throws {
        #expect(throws: PanelError.invalidModeration) { try Moderation(decision: .reject, reason: "  ") }
        #expect(try Moderation(decision: .approve, reason: nil).reason == nil)
        #expect(throws: PanelError.invalidProposal) { try StatementProposal(municipality: "0202", text: "Te kort", proposedOn: Self.opens) }
        #expect(
            try StatementProposal(municipality: "0202", text: "  Meer bankjes in het park.  ", proposedOn: Self.opens).text
                == "Meer bankjes in het park."
        )
    }

    @Test func everyParticipationLevelTellsWhatHappensWithTheAnswers() {
        #expect(Set(ParticipationLevel.allCases.map(\.promise)).count == 5)
        #expect(ParticipationLevel(rawValue: "co-decide")?.dutchName == "Meebeslissen")
    }

    /// Bounded fuzzing of the form decoder every answer passes: 20,000 random field sets (random
    /// question ids, counts, lengths and characters, control and combining ones included) either
    /// come out as answers that are all options of their questions, or as a `PanelError`; never a trap.
    @Test func randomFormsGiveAnswersOrARefusalNeverATrap() throws {
        let consultation = try Self.consultation(Self.all)
        var random = SystemRandomNumberGenerator()
        let pieces = [
            "4", "0", "-1", "99999999999999999999", "Bus", "Fiets", "Groen", "agree", "neither", "", " ", "\u{0}", "\u{202E}", "é", "e\u{301}", "🙂",
            "\n",
        ]
        for _ in 0..<20_000 {
            var values: [String: [String]] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let id = "q\(Int.random(in: 0...7, using: &random))"
                values[id] = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                    (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                        + (Int.random(in: 0...200, using: &random) == 0 ? String(repeating: "x", count: 2500) : "")
                }
            }
            do {
                for (id, answer) in try consultation.answers(from: values) {
                    let question = try #require(Self.all.first { $0.id == id })
                    switch answer {
                    case .scale(let value): #expect(question.kind == .scale && (1...5).contains(value))
                    case .choice(let chosen): #expect(question.kind.isChoice && Set(chosen).isSubset(of: question.options))
                    case .text(let text): #expect(question.kind == .openText && text.count <= ConsultationQuestion.openTextLimit)
                    case .statement: #expect(question.kind == .statement)
                    }
                }
            } catch {
                #expect(error is PanelError)
            }
        }
    }
}
