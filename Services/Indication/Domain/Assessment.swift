public import Foundation

/// Onderzoek: one scoring of the matrix for a case, by an assessor on a day. A case collects
/// them over time, so the change per domain shows.
public struct Assessment: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let caseID: UUID
    public let assessedAt: Date
    public let assessedBy: AssessorID
    public let scores: MatrixScores
    /// What the assessor noted (no names: the case knows the person only by subjectRef).
    public let notes: String?

    public init(id: UUID = UUID(), caseID: UUID, assessedAt: Date, assessedBy: AssessorID, scores: MatrixScores, notes: String?) {
        self.id = id
        self.caseID = caseID
        self.assessedAt = assessedAt
        self.assessedBy = assessedBy
        self.scores = scores
        self.notes = notes
    }
}
