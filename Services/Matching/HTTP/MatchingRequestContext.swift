public import Hummingbird
public import ServiceHTTP

/// The request context of matching's routes: the account the request was authenticated as (the
/// municipality's coordinator by password, or a volunteer centre's system by API key; `nil`
/// until authentication ran).
public struct MatchingRequestContext: AuthenticatedRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var account: Coordinator?
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        account = nil
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Registrations and answers are small; above 64 KiB is refused with 413.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The authenticated account.
    /// - Throws: a 401 problem when the route was reached without authentication (deny by default).
    public func requireAccount() throws -> Coordinator {
        guard let account else { throw Problem.unauthorized }
        return account
    }
}
