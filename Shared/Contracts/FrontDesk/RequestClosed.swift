public import Foundation

/// `frontdesk.request.closed`: a request is closed, with its outcome. The citizen panel
/// samples these for the client satisfaction survey.
public struct RequestClosed: MessageContract, Equatable {
    public static let messageType = "frontdesk.request.closed"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var requestId: UUID
    public var subjectRef: SubjectRef
    public var outcome: String
    public var routes: [String]
    public var district: String

    public init(requestId: UUID, subjectRef: SubjectRef, outcome: String, routes: [String], district: String) {
        self.requestId = requestId
        self.subjectRef = subjectRef
        self.outcome = outcome
        self.routes = routes
        self.district = district
    }
}
