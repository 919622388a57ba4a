public import Foundation

/// Melding dat het arrangement tekortschiet: a neighbourhood team's report, through the desk,
/// that a decided arrangement no longer suffices (SPEC §3). It reopens the assessment.
public struct ArrangementReport: Sendable, Hashable, Codable {
    public let caseID: UUID
    /// The desk's message (one report per message).
    public let messageID: UUID
    /// The team or organisation, e.g. "Wijkteam Arnhem-Oost".
    public let reportedBy: String
    public let reason: String
    public let receivedAt: Date

    public init(caseID: UUID, messageID: UUID, reportedBy: String, reason: String, receivedAt: Date) {
        self.caseID = caseID
        self.messageID = messageID
        self.reportedBy = reportedBy
        self.reason = reason
        self.receivedAt = receivedAt
    }
}
