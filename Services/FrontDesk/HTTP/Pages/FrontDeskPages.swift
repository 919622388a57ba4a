public import Hummingbird
import HummingbirdAuth
public import ServiceHTTP

/// De medewerkerspagina's: the server-rendered staff pages of the front desk (Dutch, no
/// JavaScript needed), on the same router as the JSON API.
///
/// | method | path | page |
/// |---|---|---|
/// | GET | `/` | to the work list, or to the login page |
/// | GET, POST | `/login` | log in |
/// | POST | `/uitloggen` | log out |
/// | GET | `/werklijst`, `/werklijst/team` | work list with counts (own, team) |
/// | GET, POST | `/personen` | search a person (the search is a POST: no BSN in URLs) |
/// | GET, POST | `/personen/nieuw` | register a person |
/// | GET | `/personen/:id` | a person with their requests |
/// | GET, POST | `/personen/:id/hulpvragen/nieuw` | take a request |
/// | GET, POST | `/personen/:id/huishouden` | the person's household with plan and coordinator; create one |
/// | POST | `/personen/:id/huishouden/:wijziging` | `gezinslid`, `mantelzorger`, `regisseur`, `overdracht`, `plan-starten`, `plan-beeindigen` |
/// | GET | `/hulpvragen/:id` | a request: deadlines, routes, referrals, consents, forms |
/// | POST | `/hulpvragen/:id/verheldering`, `…/beantwoorden`, `…/indicatie`, `…/matching`, `…/afsluiten` | the request's actions |
/// | GET, POST | `/hulpvragen/:id/gesprek` | record a conversation |
/// | GET, POST | `/hulpvragen/:id/doorverwijzen` | pass on to a partner with consent |
/// | POST | `/toestemmingen/:id/intrekken` | withdraw a consent |
/// | GET | `/beschikkingen/:id/brief` | the printable decision letter |
/// | GET | `/static/staff.css` | the stylesheet |
///
/// Security: sessions in an HttpOnly, SameSite=Lax cookie (`Secure` with `COOKIE_SECURE=true`),
/// a CSRF token on every POST form, and deny by default: every page but the login page and the
/// stylesheet needs a logged-in staff member, and every use case is scoped to their
/// municipality and checks their role.
public struct FrontDeskPages: Sendable {
    let service: FrontDeskService
    let authenticator: StaffAuthenticator
    let settings: PageSettings
    let renderer: PageRenderer
    let directory: StaffDirectory
    let sessionStore: PostgresSessionStore

    /// Loads the templates; `authenticator` checks passwords (the same accounts as the API).
    /// - Throws: when the templates are missing from the bundle or do not parse.
    public init(service: FrontDeskService, authenticator: StaffAuthenticator, settings: PageSettings) async throws {
        self.service = service
        self.authenticator = authenticator
        self.settings = settings
        renderer = try await PageRenderer.load()
        directory = StaffDirectory(pool: service.pool)
        sessionStore = PostgresSessionStore(pool: service.pool)
    }

    /// Adds the pages to `router` (whatever its context: the pages derive their own).
    public func add<Context: RequestContext>(to router: Router<Context>) {
        let group = router.group(context: StaffPageContext<Context>.self)
        let directory = directory
        group.add(middleware: SecurityHeadersMiddleware())
        group.add(
            middleware: SessionMiddleware<StaffPageContext<Context>>(
                storage: sessionStore,
                configuration: SessionMiddlewareConfiguration(
                    sessionCookieParameters: SessionCookieParameters(
                        name: settings.cookieName,
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
            middleware: SessionAuthenticator(context: StaffPageContext<Context>.self) { (session: StaffSession, _) in
                guard let username = session.username else { return nil }
                return try await directory.activeStaff(username)
            }
        )
        group.add(middleware: CSRFMiddleware(renderer: renderer, maxBodySize: 64 * 1024))

        // Open to everyone: the stylesheet, the login page, and the start page's redirect.
        let renderer = renderer
        let login = LoginPages(authenticator: authenticator, renderer: renderer, sessionLifetime: settings.sessionLifetime)
        group.get("static/staff.css") { _, _ in renderer.stylesheetResponse() }
        group.get("login") { request, context in login.show(request, context: context) }
        group.post("login") { request, context in try await login.login(request, context: context) }
        group.get("/") { _, context in Response.redirect(to: context.identity == nil ? "/login" : "/werklijst") }

        // Everything below needs a logged-in staff member.
        group.add(middleware: RequireStaffMiddleware())
        group.post("uitloggen") { request, context in login.logout(request, context: context) }
        addCasePages(to: group)
    }

    private func addCasePages<Context>(to group: RouterGroup<StaffPageContext<Context>>) {
        let workList = WorkListPages(service: service)
        let persons = PersonPages(service: service)
        let requests = RequestPages(service: service)
        let actions = RequestActions(service: service)
        let conversations = ConversationPages(service: service)
        let passOn = PassOnPages(service: service)
        let letters = DecisionLetterPages(service: service)
        let households = HouseholdPages(service: service)

        page(group, get: "werklijst") { try await workList.show($0, scope: .mine) }
        page(group, get: "werklijst/team") { try await workList.show($0, scope: .team) }
        page(group, get: "personen", persons.searchForm)
        page(group, post: "personen", persons.search)
        page(group, get: "personen/nieuw", persons.newForm)
        page(group, post: "personen/nieuw", persons.register)
        page(group, get: "personen/:id", persons.detail)
        page(group, get: "personen/:id/hulpvragen/nieuw", requests.newForm)
        page(group, post: "personen/:id/hulpvragen/nieuw", requests.receive)
        page(group, get: "personen/:id/huishouden", households.show)
        page(group, post: "personen/:id/huishouden", households.create)
        page(group, post: "personen/:id/huishouden/:wijziging", households.change)
        page(group, get: "hulpvragen/:id", requests.detail)
        page(group, post: "hulpvragen/:id/verheldering", actions.clarify)
        page(group, post: "hulpvragen/:id/beantwoorden", actions.answer)
        page(group, post: "hulpvragen/:id/indicatie", actions.requestIndication)
        page(group, post: "hulpvragen/:id/matching", actions.requestMatching)
        page(group, post: "hulpvragen/:id/afsluiten", actions.close)
        page(group, get: "hulpvragen/:id/gesprek", conversations.form)
        page(group, post: "hulpvragen/:id/gesprek", conversations.record)
        page(group, get: "hulpvragen/:id/doorverwijzen", passOn.form)
        page(group, post: "hulpvragen/:id/doorverwijzen", passOn.passOn)
        page(group, post: "toestemmingen/:id/intrekken", actions.withdrawConsent)
        page(group, get: "beschikkingen/:id/brief", letters.letter)
    }

    private typealias Handler = @Sendable (PageCall) async throws -> PageResult

    private func page<Context>(
        _ group: RouterGroup<StaffPageContext<Context>>,
        get path: RouterPath,
        _ handler: @escaping Handler
    ) {
        group.get(path) { request, context in await respond(request, context, handler) }
    }

    private func page<Context>(
        _ group: RouterGroup<StaffPageContext<Context>>,
        post path: RouterPath,
        _ handler: @escaping Handler
    ) {
        group.post(path) { request, context in await respond(request, context, handler) }
    }

    /// Runs a page handler for the logged-in staff member and turns what it answers, or the
    /// rule it broke, into a response. Refusals of the use cases become a page with their Dutch
    /// message and status; anything unexpected is logged and shown without details.
    private func respond<Context>(
        _ request: Request,
        _ context: StaffPageContext<Context>,
        _ handler: Handler
    ) async -> Response {
        let token = context.sessions.session?.csrfToken ?? ""
        guard let staff = context.identity else { return .redirect(to: "/login") }
        let call = PageCall(
            staff: staff,
            form: context.form,
            query: FormData(query: request.uri.query),
            parameters: context.parameters
        )
        func chrome(_ title: String, problems: [SummaryItem] = [], section: NavSection? = nil) -> Chrome {
            Chrome(title: title, staff: staff, csrfToken: token, flash: takeFlash(context), problems: problems, section: section)
        }
        do {
            switch try await handler(call) {
            case .page(let page):
                return renderer.render(page, chrome: chrome(page.title, problems: page.problems, section: page.section))
            case .redirect(let target, let flash):
                if let flash { context.sessions.withLockedSession { $0?.flash = flash } }
                return .redirect(to: target)
            }
        } catch let error as FrontDeskError {
            return renderer.message(
                status: .init(code: error.httpStatus),
                title: Self.title(forStatus: error.httpStatus),
                message: error.message,
                chrome: chrome(Self.title(forStatus: error.httpStatus)),
                link: .init(href: "/werklijst", label: "Naar de werklijst")
            )
        } catch let problems as InputProblems {
            return renderer.message(
                status: .init(code: 422),
                title: Self.title(forStatus: 422),
                message: problems.problems.map(\.message).joined(separator: " "),
                chrome: chrome(Self.title(forStatus: 422))
            )
        } catch PageError.notFound {
            return renderer.message(
                status: .notFound,
                title: Self.title(forStatus: 404),
                message: "Deze pagina bestaat niet. Controleer het adres of ga terug naar de werklijst.",
                chrome: chrome(Self.title(forStatus: 404)),
                link: .init(href: "/werklijst", label: "Naar de werklijst")
            )
        } catch {
            context.logger.error("staff page failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return renderer.message(
                status: .internalServerError,
                title: Self.title(forStatus: 500),
                message: "Er ging iets mis bij het verwerken. Er is mogelijk niets opgeslagen; controleer dat en probeer "
                    + "het opnieuw. Blijft het misgaan, meld het dan bij de beheerder.",
                chrome: chrome(Self.title(forStatus: 500))
            )
        }
    }

    /// The one-time message of the session, removed as it is shown.
    private func takeFlash<Context>(_ context: StaffPageContext<Context>) -> String? {
        guard context.sessions.session?.flash != nil else { return nil }
        return context.sessions.withLockedSession { data in
            let flash = data?.flash
            data?.flash = nil
            return flash
        }
    }

    static func title(forStatus status: Int) -> String {
        switch status {
        case 403: "Niet toegestaan"
        case 404: "Niet gevonden"
        case 409: "Kan nu niet"
        case 422: "Controleer de invoer"
        default: "Er ging iets mis"
        }
    }
}
