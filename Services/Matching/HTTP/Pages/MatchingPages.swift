import Foundation
public import Hummingbird
public import ServiceHTTP
public import StaffPages

/// De pagina's van de matchingcoördinator: the coordinator's server-rendered pages (Dutch, no
/// JavaScript needed, the desk's look), on the same router as the JSON API and over the same use
/// cases. Login (bcrypt, throttled), sessions, CSRF and deny-by-default come from `StaffSite`; a
/// volunteer centre's system uses the API, a volunteer the one-time answer page.
///
/// | method | path | page |
/// |---|---|---|
/// | GET | `/` | to the open requests, or to the login page |
/// | GET, POST | `/login` | log in |
/// | POST | `/uitloggen` | log out |
/// | GET | `/verzoeken` | the open requests, priority first, with their proposals and score parts |
/// | POST | `/voorstellen/:id/antwoord` | record a volunteer's answer given by phone |
/// | GET | `/mantelzorgers` | the informal carers under high burden, heaviest first |
/// | POST | `/mantelzorgers/:id/belasting` | a carer's new burden score |
/// | POST | `/mantelzorgers/:id/respijtzorg` | ask respite care for a carer |
/// | GET | `/static/staff.css` | the stylesheet |
public struct MatchingPages: Sendable {
    let service: MatchingService
    let site: StaffSite<Coordinator>

    /// Matching's site: its name and navigation.
    static let identity = SiteIdentity(
        name: "Vrijwillige inzet en mantelzorg",
        audience: "de matchingcoördinator van de gemeente",
        navigation: [
            Chrome.NavLink(href: "/verzoeken", label: "Open verzoeken"),
            Chrome.NavLink(href: "/mantelzorgers", label: "Mantelzorgers onder druk"),
        ],
        home: "/verzoeken",
        homeLabel: "Naar de open verzoeken",
        cookieName: "wmo-matching-session"
    )

    /// Loads the templates; `authenticator` checks passwords (the same accounts as the API).
    /// - Throws: when the templates are missing from a bundle or do not parse.
    public init(service: MatchingService, authenticator: PasswordAuthenticator<Coordinator>, settings: PageSettings) async throws {
        self.service = service
        site = try await StaffSite(
            site: Self.identity,
            templates: Bundle.module.url(forResource: "Templates", withExtension: nil),
            settings: settings,
            pool: service.pool,
            authenticator: authenticator,
            username: { $0.username },
            activeUser: { try await authenticator.activeAccount(username: $0) }
        )
    }

    /// Adds the pages to `router`.
    public func add<Context: RequestContext>(to router: Router<Context>) {
        let group = site.protectedPages(on: router)
        let requests = RequestPages(service: service)
        let carers = CarerPages(service: service)
        site.page(group, get: "verzoeken", requests.show)
        site.page(group, post: "voorstellen/:id/antwoord", requests.answer)
        site.page(group, get: "mantelzorgers", carers.show)
        site.page(group, post: "mantelzorgers/:id/belasting", carers.updateBurden)
        site.page(group, post: "mantelzorgers/:id/respijtzorg", carers.requestRespite)
    }
}

/// A page call by the matching coordinator.
typealias CoordinatorCall = PageCall<Coordinator>

/// A form of matching's pages, with its refusals next to their fields.
typealias MatchingForm = FormState<MatchingError>

extension Coordinator: PageUser {
    public var roleName: String {
        switch role {
        case .coordinator: "Matchingcoördinator"
        case .centre: "Vrijwilligerscentrale"
        }
    }
    public var municipalityCode: String { municipality.rawValue }
}

extension MatchingError: FieldProblem {}
