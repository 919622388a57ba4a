public import Foundation
public import WorkingDays

/// A statement a member proposes to put to the panel (voorstel voor een stelling, SPEC §6): a
/// moderator approves or rejects it (with the reason); an approved one becomes a statement of a
/// consultation. The proposal keeps no more of the member than the link to stop a flood of them.
public struct StatementProposal: Sendable, Equatable {
    /// Where the proposal stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending, approved, rejected
        /// Put to the panel in a consultation.
        case putToPanel = "put-to-panel"
    }

    public let id: UUID
    public var municipality: String
    public var text: String
    public var proposedOn: LocalDate
    public var status: Status

    /// The most proposals a member may have waiting for moderation.
    public static let maximumPending = 3

    /// A checked proposal.
    /// - Throws: `PanelError.invalidProposal` for a text under 10 or over 300 characters or with control characters.
    public init(id: UUID = UUID(), municipality: String, text: String, proposedOn: LocalDate, status: Status = .pending) throws(PanelError) {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (10...300).contains(text.count), !Consultation.hasControl(text) else { throw .invalidProposal }
        self.id = id
        self.municipality = municipality
        self.text = text
        self.proposedOn = proposedOn
        self.status = status
    }
}
