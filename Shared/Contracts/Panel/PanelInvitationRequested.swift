public import Foundation

/// `panel.invitation.requested`: the panel asks the desk to invite a person (known to the
/// panel only by subjectRef) to a survey; the desk sends it through the preferred channel.
public struct PanelInvitationRequested: MessageContract, Equatable {
    public static let messageType = "panel.invitation.requested"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var invitationId: UUID
    public var subjectRef: SubjectRef
    public var surveyTitle: String
    public var surveyLink: String

    public init(invitationId: UUID, subjectRef: SubjectRef, surveyTitle: String, surveyLink: String) {
        self.invitationId = invitationId
        self.subjectRef = subjectRef
        self.surveyTitle = surveyTitle
        self.surveyLink = surveyLink
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(surveyTitle, "surveyTitle", length: 1...200)
        guard surveyLink.hasPrefix("https://") || surveyLink.hasPrefix("http://") else {
            throw ContractViolation(field: "surveyLink", problem: "must be an http(s) link")
        }
    }
}
