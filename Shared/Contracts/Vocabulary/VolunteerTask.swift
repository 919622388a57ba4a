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
}
