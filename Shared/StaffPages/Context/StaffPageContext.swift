public import Hummingbird
public import HummingbirdAuth
import ServiceHTTP

/// The request context of the staff pages, derived from whatever context the application's
/// router uses: it adds the session, the logged-in user and the parsed form.
public struct StaffPageContext<Parent: RequestContext, User: PageUser>: ChildRequestContext, SessionRequestContext,
    AuthRequestContext
{
    public typealias ParentContext = Parent
    public typealias Source = Never

    public var coreContext: CoreRequestContextStorage
    /// The logged-in user, set by the session authenticator; `nil` when logged out.
    public var identity: User?
    /// The browser's session (see `StaffSession`).
    public let sessions: SessionContext<StaffSession>
    /// The form fields of a POST, parsed once by `CSRFMiddleware` (empty for other methods).
    public var form: FormData
    /// The client's address, when the parent context knows it (login throttling and audit).
    public let clientAddress: String?

    public init(context: Parent) throws {
        coreContext = context.coreContext
        identity = nil
        sessions = SessionContext()
        form = FormData()
        clientAddress = (context as? any AuthenticatedRequestContext)?.clientAddress
    }
}
