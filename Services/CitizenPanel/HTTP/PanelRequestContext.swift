public import Hummingbird
public import ServiceHTTP

/// The request context of the panel's routes: the researcher a request of the researchers' API
/// was authenticated as (`nil` on the public pages and results, and until authentication ran).
public struct PanelRequestContext: AuthenticatedRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var account: Researcher?
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        account = nil
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Consultations and answers are small; above 256 KiB is refused with 413.
    public var maxUploadSize: Int { 256 * 1024 }

    /// The authenticated researcher.
    /// - Throws: a 401 problem when the route was reached without authentication (deny by default).
    public func requireAccount() throws -> Researcher {
        guard let account else { throw Problem.unauthorized }
        return account
    }
}
