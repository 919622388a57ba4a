public import Foundation

/// `panel.member.invited`: the citizen panel asks the municipality's mail service to e-mail a
/// panel member their one-time link to a consultation, or a reminder with a link of its own.
/// The member gave the panel their address for this, with their consent; the mail service
/// keeps it no longer than the sending takes. A reminder carries the `invitationId` of the first
/// invitation (with a link of its own): a mail service dedupes by the envelope's message id.
public struct PanelMemberInvited: MessageContract, Equatable {
    public static let messageType = "panel.member.invited"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var invitationId: UUID
    public var email: String
    public var consultationTitle: String
    public var link: String
    /// The last day answers are taken, `YYYY-MM-DD`.
    public var closesOn: String
    /// A reminder to a member who did not answer yet.
    public var reminder: Bool
    /// The member's personal links, new with every e-mail (the one before stops working): to
    /// propose a statement and to leave the panel.
    public var proposeLink: String
    public var leaveLink: String

    public init(
        invitationId: UUID,
        email: String,
        consultationTitle: String,
        link: String,
        closesOn: String,
        reminder: Bool,
        proposeLink: String,
        leaveLink: String
    ) {
        self.invitationId = invitationId
        self.email = email
        self.consultationTitle = consultationTitle
        self.link = link
        self.closesOn = closesOn
        self.reminder = reminder
        self.proposeLink = proposeLink
        self.leaveLink = leaveLink
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(email, "email", length: 3...200)
        guard email.contains("@") else { throw ContractViolation(field: "email", problem: "must be an e-mail address") }
        try ContractViolation.check(consultationTitle, "consultationTitle", length: 1...200)
        for (field, value) in [("link", link), ("proposeLink", proposeLink), ("leaveLink", leaveLink)] {
            guard value.hasPrefix("https://") || value.hasPrefix("http://") else {
                throw ContractViolation(field: field, problem: "must be an http(s) link")
            }
        }
        let parts = closesOn.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]), (1...31).contains(day)
        else { throw ContractViolation(field: "closesOn", problem: "must be a day, YYYY-MM-DD") }
    }
}
