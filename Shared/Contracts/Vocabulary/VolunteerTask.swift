/// A task a volunteer offers or an informal-support request asks for, SPEC 7.4.
public enum VolunteerTask: String, Sendable, Hashable, Codable, CaseIterable {
    case shopping
    case transport
    case visiting
    case oddJobs = "odd-jobs"
    case paperwork
    case respiteCare = "respite-care"
    case meals
    case languageBuddy = "language-buddy"
    case youthMentoring = "youth-mentoring"

    /// The Dutch name shown on staff pages (`Boodschappen`, …).
    public var dutchName: String {
        switch self {
        case .shopping: "Boodschappen"
        case .transport: "Vervoer"
        case .visiting: "Bezoek en gezelschap"
        case .oddJobs: "Klusjes"
        case .paperwork: "Administratie en formulieren"
        case .respiteCare: "Respijtzorg (mantelzorg overnemen)"
        case .meals: "Maaltijden"
        case .languageBuddy: "Taalmaatje"
        case .youthMentoring: "Maatje voor jongeren"
        }
    }
}
