import Foundation
public import Hummingbird
public import ServiceHTTP
public import StaffPages
import Storage

/// De pagina's voor indicatiestellers: the assessors' server-rendered pages (Dutch, no
/// JavaScript needed, the desk's look), on the same router as the JSON API and over the same
/// use cases. Login, sessions, CSRF and deny-by-default come from `StaffSite`; every use case is
/// scoped to the assessor's municipality. Why the pages live here: `docs/adr/0005-staff-pages-in-each-service.md`.
///
/// | method | path | page |
/// |---|---|---|
/// | GET | `/` | to the work list, or to the login page |
/// | GET, POST | `/login` | log in |
/// | POST | `/uitloggen` | log out |
/// | GET | `/werklijst` | cases that need an assessor, with the reasons |
/// | GET | `/aanvragen/:id` | a case: scores with the change, profile, arrangement, decision |
/// | POST | `/aanvragen/:id/oppakken` | take the case |
/// | POST | `/aanvragen/:id/scores` | record matrix scores |
/// | POST | `/aanvragen/:id/profiel` | confirm or override the client profile |
/// | POST | `/aanvragen/:id/onderdelen` | add an arrangement line (P4 checked) |
/// | POST | `/aanvragen/:id/besluit` | decide the open individual provisions |
/// | POST | `/aanvragen/:id/verzoeken/:verzoek` | answer a provider's request (accept, refuse, investigate) |
/// | GET | `/budget` | committed cost per earmarked part and month against the budget |
/// | GET | `/static/staff.css` | the stylesheet |
public struct IndicationPages: Sendable {
    let service: IndicationService
    let site: StaffSite<Assessor>

    /// Indication's site: its name and navigation.
    static let identity = SiteIdentity(
        name: "Indicatiestelling",
        audience: "indicatiestellers van de gemeente",
        navigation: [Chrome.NavLink(href: "/werklijst", label: "Werklijst"), Chrome.NavLink(href: "/budget", label: "Budget")],
        home: "/werklijst",
        cookieName: "wmo-indication-session"
    )

    /// Loads the templates; `authenticator` checks passwords (the same accounts as the API).
    /// - Throws: when the templates are missing from a bundle or do not parse.
    public init(service: IndicationService, authenticator: PasswordAuthenticator<Assessor>, settings: PageSettings) async throws {
        self.service = service
        let pool = service.pool
        site = try await StaffSite(
            site: Self.identity,
            templates: Bundle.module.url(forResource: "Templates", withExtension: nil),
            settings: settings,
            pool: pool,
            authenticator: authenticator,
            username: { $0.id.rawValue },
            activeUser: { try await authenticator.activeAccount(username: $0) }
        )
    }

    /// The renderer of indication's templates (tests render pages with it).
    static func renderer() async throws -> PageRenderer {
        try await PageRenderer.load(site: identity, serviceTemplates: Bundle.module.url(forResource: "Templates", withExtension: nil))
    }

    /// Adds the pages to `router`.
    public func add<Context: RequestContext>(to router: Router<Context>) {
        let group = site.protectedPages(on: router)
        let workList = WorkListPages(service: service)
        let cases = CasePages(service: service)
        site.page(group, get: "werklijst", workList.show)
        site.page(group, get: "budget", BudgetPages(service: service).show)
        site.page(group, get: "aanvragen/:id", cases.show)
        site.page(group, post: "aanvragen/:id/oppakken", cases.take)
        site.page(group, post: "aanvragen/:id/scores", cases.recordScores)
        site.page(group, post: "aanvragen/:id/profiel", cases.chooseProfile)
        site.page(group, post: "aanvragen/:id/onderdelen", cases.addLine)
        site.page(group, post: "aanvragen/:id/besluit", cases.decide)
        site.page(group, post: "aanvragen/:id/verzoeken/:verzoek", cases.answerProviderRequest)
    }
}

/// A page call by an assessor.
typealias AssessorCall = PageCall<Assessor>

/// A form of indication's pages, with indication's refusals next to its fields.
typealias AssessorForm = FormState<IndicationError>

extension Assessor: PageUser {
    public var roleName: String { isExpertiseTeam ? "Indicatiesteller, expertiseteam" : "Indicatiesteller" }
    public var municipalityCode: String { municipality.rawValue }
}

extension IndicationError: FieldProblem {}
