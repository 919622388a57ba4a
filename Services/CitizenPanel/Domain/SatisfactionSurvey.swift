public import WorkingDays

/// The yearly client satisfaction survey (cliëntervaringsonderzoek Wmo, SPEC §6): the standard
/// statements on access, being heard, speed, the fit of the support, self-reliance and quality
/// of life, each on a scale from 1 (helemaal mee oneens) to 5 (helemaal mee eens), with the age
/// band and sex as optional background questions for weighting.
public enum SatisfactionSurvey {
    /// One statement of the questionnaire.
    public struct Question: Sendable, Equatable {
        public let id: String
        public let text: String
    }

    public static let questions: [Question] = [
        Question(id: "access", text: "Ik wist waar ik moest zijn met mijn vraag om ondersteuning."),
        Question(id: "heard", text: "Ik voelde me bij de gemeente of het wijkteam serieus genomen."),
        Question(id: "speed", text: "Ik werd snel geholpen."),
        Question(id: "fit", text: "De ondersteuning die ik krijg past bij mijn hulpvraag."),
        Question(id: "self-reliance", text: "Door de ondersteuning kan ik de dingen doen die ik wil."),
        Question(id: "quality-of-life", text: "Door de ondersteuning heb ik een betere kwaliteit van leven."),
    ]

    /// The labels of the scale, 1 to 5.
    public static let scale = ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"]

    public static let sexes = ["female", "male", "other"]

    /// The survey of `year`: `clientervaring-<year>`.
    public static func id(year: Int) -> String { "clientervaring-\(year)" }

    public static func title(year: Int) -> String { "Cliëntervaringsonderzoek Wmo \(year)" }

    /// Answers are taken until 31 March of the next year (the municipality reports by 1 July).
    public static func closesOn(year: Int) -> LocalDate { LocalDate(year: year + 1, month: 3, day: 31)! }
}
