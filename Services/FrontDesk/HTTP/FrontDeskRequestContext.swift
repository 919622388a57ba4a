public import Hummingbird
public import ServiceHTTP

/// The request context of the front desk's HTTP routes: Hummingbird's core storage plus the
/// staff member the request was authenticated as (`nil` until authentication ran).
public struct FrontDeskRequestContext: AuthenticatedRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The logged-in staff member; every use case is scoped to their municipality.
    public var staff: StaffMember?
    /// The same, as `BasicAuthenticationMiddleware` sets it.
    public var account: StaffMember? {
        get { staff }
        set { staff = newValue }
    }

    /// The client's address (login throttling and audit), when the connection has one.
    public var clientAddress: String?

    /// A context with no staff member yet (authentication sets it).
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        staff = nil
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// JSON bodies are small (a person, a request text of at most 4000 characters); anything
    /// above 64 KiB is refused with 413 before it is read into memory.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The authenticated staff member.
    /// - Throws: a 401 problem when the route was reached without authentication (a wiring bug:
    ///   deny by default).
    public func requireStaff() throws -> StaffMember {
        guard let staff else { throw Problem.unauthorized }
        return staff
    }
}
