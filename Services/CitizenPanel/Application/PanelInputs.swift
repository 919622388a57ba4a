/// A respondent's answers: scale answers by question id, and the optional background.
public struct AnswersInput: Sendable {
    public var scale: [String: Int]
    public var ageBand: String?
    public var sex: String?

    public init(scale: [String: Int], ageBand: String? = nil, sex: String? = nil) {
        self.scale = scale
        self.ageBand = ageBand
        self.sex = sex
    }
}
