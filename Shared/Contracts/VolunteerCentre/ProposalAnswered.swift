public import Foundation

/// `volunteer-centre.proposal.answered`: the centre answers a `matching.proposal.offered` for one
/// of its volunteers: `accepted` or `declined` (with an optional reason). Published on
/// `wmo.partners` as `volunteer-centre.<centre>.proposal.answered` from the centre's own login;
/// only the centre that registered the volunteer may answer. A proposal already answered (by the
/// centre, the volunteer's link or the coordinator) is refused with the reason.
public struct ProposalAnswered: MessageContract, Equatable {
    public static let messageType = "volunteer-centre.proposal.answered"
    public static let schemaVersion = SchemaVersion(1, 0)

    public var proposalId: UUID
    /// `accepted` or `declined`.
    public var answer: String
    /// Why declined; no names or BSNs.
    public var reason: String?

    public init(proposalId: UUID, answer: String, reason: String? = nil) {
        self.proposalId = proposalId
        self.answer = answer
        self.reason = reason
    }

    public func validate() throws(ContractViolation) {
        guard answer == "accepted" || answer == "declined" else {
            throw ContractViolation(field: "answer", problem: "accepted or declined")
        }
        if let reason { try ContractViolation.check(reason, "reason", length: 0...500) }
    }
}
