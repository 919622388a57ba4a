public import Foundation

/// One question of a consultation (vraag, SPEC §6): a scale 1-5, a single or multiple choice, an
/// open text, or a statement (stelling) to agree or disagree with; a statement may come from a
/// member's moderated proposal.
public struct ConsultationQuestion: Sendable, Equatable, Codable {
    /// The kind of answer the question asks for.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case scale
        case singleChoice = "single-choice"
        case multipleChoice = "multiple-choice"
        case openText = "open-text"
        case statement

        public var isChoice: Bool { self == .singleChoice || self == .multipleChoice }
    }

    /// `q1`, `q2`, … in the order of the consultation.
    public var id: String
    public var text: String
    public var kind: Kind
    /// The options of a choice question (2-12); empty for the other kinds.
    public var options: [String]
    /// The member's proposal this statement came from.
    public var proposalId: UUID?

    public init(id: String, text: String, kind: Kind, options: [String] = [], proposalId: UUID? = nil) {
        self.id = id
        self.text = text
        self.kind = kind
        self.options = options
        self.proposalId = proposalId
    }

    /// The labels of a statement's positions, in the order of `SubmittedResponse.Stance`.
    public static let stances: [(SubmittedResponse.Stance, String)] = [(.agree, "Eens"), (.neither, "Neutraal"), (.disagree, "Oneens")]

    /// The longest open answer taken (characters).
    public static let openTextLimit = 2000

    /// The answer a respondent gave in the form fields `values` (empty or blank: not answered).
    /// - Throws: `PanelError.answerInvalid` naming the question, for a value that is not one of
    ///   the options, out of the scale, or an open answer above `openTextLimit`.
    public func answer(from values: [String]) throws(PanelError) -> SubmittedResponse.Answer? {
        let given = values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !given.isEmpty else { return nil }
        switch kind {
        case .scale:
            guard given.count == 1, let value = Int(given[0]), (1...5).contains(value) else { throw .answerInvalid(text) }
            return .scale(value)
        case .singleChoice, .multipleChoice:
            let chosen = Set(given)
            guard kind == .multipleChoice || chosen.count == 1, chosen.isSubset(of: options) else { throw .answerInvalid(text) }
            return .choice(options.filter(chosen.contains))
        case .openText:
            guard given.count == 1, given[0].count <= Self.openTextLimit, !given[0].unicodeScalars.contains(where: Self.isControl) else {
                throw .answerInvalid(text)
            }
            return .text(given[0])
        case .statement:
            guard given.count == 1, let stance = SubmittedResponse.Stance(rawValue: given[0]) else { throw .answerInvalid(text) }
            return .statement(stance)
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 32 && scalar != "\n" && scalar != "\r" && scalar != "\t") || scalar.value == 127
    }
}
