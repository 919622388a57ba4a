public import Hummingbird
public import ServiceHTTP

/// The request context of indication's HTTP routes: Hummingbird's core storage plus the assessor
/// the request was authenticated as (`nil` until authentication ran).
public struct IndicationRequestContext: AuthenticatedRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The logged-in assessor; every use case is scoped to their municipality.
    public var assessor: Assessor?
    /// The same, as `BasicAuthenticationMiddleware` sets it.
    public var account: Assessor? {
        get { assessor }
        set { assessor = newValue }
    }
    /// The client's address (login throttling and audit).
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        assessor = nil
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are small (scores, a line, a decision); above 64 KiB is refused with 413.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The authenticated assessor.
    /// - Throws: a 401 problem when the route was reached without authentication (deny by default).
    public func requireAssessor() throws -> Assessor {
        guard let assessor else { throw Problem.unauthorized }
        return assessor
    }
}
