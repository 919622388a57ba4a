import Hummingbird
import HummingbirdAuth

/// The request context of the staff pages, derived from whatever context the application's
/// router uses: it adds the session, the logged-in staff member and the parsed form.
struct StaffPageContext<Parent: RequestContext>: ChildRequestContext, SessionRequestContext, AuthRequestContext {
    typealias ParentContext = Parent
    typealias Source = Never

    var coreContext: CoreRequestContextStorage
    /// The logged-in staff member, set by the session authenticator; `nil` when logged out.
    var identity: StaffMember?
    /// The browser's session (see `StaffSession`).
    let sessions: SessionContext<StaffSession>
    /// The form fields of a POST, parsed once by `CSRFMiddleware` (empty for other methods).
    var form: FormData
    /// The client's address, when the parent context knows it (login throttling and audit).
    let clientAddress: String?

    init(context: Parent) throws {
        coreContext = context.coreContext
        identity = nil
        sessions = SessionContext()
        form = FormData()
        clientAddress = (context as? FrontDeskRequestContext)?.clientAddress
    }
}
