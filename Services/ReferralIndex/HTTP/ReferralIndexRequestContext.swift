public import Hummingbird
public import ServiceHTTP

/// The request context of the referral index's routes: the account the request was
/// authenticated as (a professional, coordinator or administrator by password, or an
/// organisation's system by API key; `nil` until authentication ran).
public struct ReferralIndexRequestContext: AuthenticatedRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var account: Professional?
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
    public func requireAccount() throws -> Professional {
        guard let account else { throw Problem.unauthorized }
        return account
    }
}
