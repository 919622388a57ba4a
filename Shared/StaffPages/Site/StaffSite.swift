public import Foundation
public import Hummingbird
import HummingbirdAuth
public import ServiceHTTP
public import Storage

/// A service's staff pages (medewerkerspagina's): server-rendered, Dutch, no JavaScript needed,
/// the same look, login, sessions and protections for every service.
///
/// Security: sessions in PostgreSQL behind an HttpOnly, SameSite=Lax cookie (`Secure` with
/// `COOKIE_SECURE=true`, one cookie name per service), a CSRF token on every POST form, and deny
/// by default: every page but the login page and the stylesheet needs a logged-in user, loaded
/// afresh from the account table on every request (a blocked account is out at the next click).
public struct StaffSite<User: PageUser>: Sendable {
    /// A page handler: what to show (or where to go) for a call by the logged-in user.
    public typealias Handler = @Sendable (PageCall<User>) async throws -> PageResult

    public let renderer: PageRenderer
    let settings: PageSettings
    let sessionStore: PostgresSessionStore
    let login: LoginPages<User>
    let activeUser: @Sendable (String) async throws -> User?

    /// - Parameters:
    ///   - templates: the service's own `Templates` folder (`Bundle.module.url(forResource:…)`).
    ///   - pool: the service's database, whose schema has `staff_sessions` (`StaffSessionTable`).
    ///   - authenticator: the password check of the service's accounts (shared with its API).
    ///   - username: the login name of an account, which the session keeps.
    ///   - activeUser: the active account of a login name, or `nil` (blocked, removed).
    /// - Throws: when the templates are missing from a bundle or do not parse.
    public init(
        site: SiteIdentity,
        templates: URL?,
        settings: PageSettings,
        pool: ConnectionPool,
        authenticator: PasswordAuthenticator<User>,
        username: @escaping @Sendable (User) -> String,
        activeUser: @escaping @Sendable (String) async throws -> User?
    ) async throws {
        renderer = try await PageRenderer.load(site: site, serviceTemplates: templates)
        self.settings = settings
        sessionStore = PostgresSessionStore(pool: pool)
        login = LoginPages(authenticator: authenticator, username: username, renderer: renderer, sessionLifetime: settings.sessionLifetime)
        self.activeUser = activeUser
    }

    /// Adds the sessions, the login pages, the stylesheet and the start page's redirect to
    /// `router`, and answers the group on which every route needs a logged-in user.
    public func protectedPages<Context: RequestContext>(on router: Router<Context>) -> RouterGroup<StaffPageContext<Context, User>> {
        let group = router.group(context: StaffPageContext<Context, User>.self)
        let activeUser = activeUser
        let home = renderer.site.home
        group.add(middleware: SecurityHeadersMiddleware())
        group.add(
            middleware: SessionMiddleware<StaffPageContext<Context, User>>(
                storage: sessionStore,
                configuration: SessionMiddlewareConfiguration(
                    sessionCookieParameters: SessionCookieParameters(
                        name: settings.cookieName(base: renderer.site.cookieName),
                        path: "/",
                        secure: settings.cookieSecure,
                        sameSite: .lax
                    ),
                    keyPrefix: "staff.",
                    defaultSessionExpiration: settings.sessionLifetime
                )
            )
        )
        group.add(
            middleware: SessionAuthenticator(context: StaffPageContext<Context, User>.self) { (session: StaffSession, _) in
                guard let username = session.username else { return nil }
                return try await activeUser(username)
            }
        )
        group.add(middleware: CSRFMiddleware(renderer: renderer, maxBodySize: 64 * 1024))

        // Open to everyone: the stylesheet, the login page, and the start page's redirect.
        let renderer = renderer
        let login = login
        group.get("static/staff.css") { _, _ in renderer.stylesheetResponse() }
        group.get("login") { request, context in login.show(request, context: context) }
        group.post("login") { request, context in try await login.login(request, context: context) }
        group.get("/") { _, context in Response.redirect(to: context.identity == nil ? "/login" : home) }

        // Everything added to the group from here on needs a logged-in user.
        group.add(middleware: RequireStaffMiddleware())
        group.post("uitloggen") { request, context in login.logout(request, context: context) }
        return group
    }

    /// A page at `GET path`.
    public func page<Context>(_ group: RouterGroup<StaffPageContext<Context, User>>, get path: RouterPath, _ handler: @escaping Handler) {
        group.get(path) { request, context in await respond(request, context, handler) }
    }

    /// A form's action at `POST path`.
    public func page<Context>(_ group: RouterGroup<StaffPageContext<Context, User>>, post path: RouterPath, _ handler: @escaping Handler) {
        group.post(path) { request, context in await respond(request, context, handler) }
    }

    /// Runs a page handler for the logged-in user and turns what it answers, or the rule it
    /// broke, into a response. Refusals of the use cases (`ProblemConvertible`) become a page
    /// with their Dutch message and status; anything unexpected is logged and shown without
    /// details.
    private func respond<Context>(_ request: Request, _ context: StaffPageContext<Context, User>, _ handler: Handler) async -> Response {
        let token = context.sessions.session?.csrfToken ?? ""
        guard let user = context.identity else { return .redirect(to: "/login") }
        let call = PageCall(user: user, form: context.form, query: FormData(query: request.uri.query), parameters: context.parameters)
        let site = renderer.site
        func chrome(_ title: String, problems: [SummaryItem] = [], section: String? = nil) -> Chrome {
            Chrome(title: title, site: site, user: user, csrfToken: token, flash: takeFlash(context), problems: problems, section: section)
        }
        func refusal(_ status: Int, _ message: String, toHome: Bool = true) -> Response {
            renderer.message(
                status: .init(code: status),
                title: Self.title(forStatus: status),
                message: message,
                chrome: chrome(Self.title(forStatus: status)),
                link: toHome ? .init(href: site.home, label: site.homeLabel) : nil
            )
        }
        do {
            switch try await handler(call) {
            case .page(let page):
                return renderer.render(page, chrome: chrome(page.title, problems: page.problems, section: page.section))
            case .redirect(let target, let flash):
                if let flash { context.sessions.withLockedSession { $0?.flash = flash } }
                return .redirect(to: target)
            }
        } catch PageError.notFound {
            return refusal(404, "Deze pagina bestaat niet. Controleer het adres of ga terug naar de startpagina.")
        } catch let error as any ProblemConvertible {
            let problem = error.problem
            let message = problem.errors.map { $0.map(\.title).joined(separator: " ") } ?? problem.title
            return refusal(problem.status, message, toHome: problem.errors == nil)
        } catch {
            context.logger.error("staff page failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return refusal(
                500,
                "Er ging iets mis bij het verwerken. Er is mogelijk niets opgeslagen; controleer dat en probeer het opnieuw. "
                    + "Blijft het misgaan, meld het dan bij de beheerder.",
                toHome: false
            )
        }
    }

    /// The one-time message of the session, removed as it is shown.
    private func takeFlash<Context>(_ context: StaffPageContext<Context, User>) -> String? {
        guard context.sessions.session?.flash != nil else { return nil }
        return context.sessions.withLockedSession { data in
            let flash = data?.flash
            data?.flash = nil
            return flash
        }
    }

    /// The heading of a refusal page.
    public static func title(forStatus status: Int) -> String {
        switch status {
        case 403: "Niet toegestaan"
        case 404: "Niet gevonden"
        case 409: "Kan nu niet"
        case 422: "Controleer de invoer"
        default: "Er ging iets mis"
        }
    }
}
