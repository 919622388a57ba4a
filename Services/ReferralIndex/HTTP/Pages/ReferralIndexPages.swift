import Foundation
public import Hummingbird
public import ServiceHTTP
public import StaffPages
import Storage

/// De pagina's van de verwijsindex: the professionals' and the coordinator's server-rendered
/// pages (Dutch, no JavaScript needed, the desk's look), on the same router as the JSON API and
/// over the same use cases. Login (bcrypt, throttled), sessions, CSRF and deny-by-default come
/// from `StaffSite`; an organisation's system uses the API, not these pages.
///
/// | method | path | page |
/// |---|---|---|
/// | GET | `/` | to the matches, or to the login page |
/// | GET, POST | `/login` | log in |
/// | POST | `/uitloggen` | log out |
/// | GET | `/matches` | the matches on one's signals (the coordinator: all), with the others' contacts |
/// | POST | `/matches/:id/afstemming` | record the central contact and that one coordinated |
/// | GET | `/meldingen` | one's own signals and the form to register one |
/// | POST | `/meldingen` | register a signal |
/// | POST | `/meldingen/:id/intrekken` | withdraw a signal |
/// | GET | `/werklijst` | the coordinator's matches without central contact or coordination |
/// | GET | `/static/staff.css` | the stylesheet |
public struct ReferralIndexPages: Sendable {
    let service: ReferralIndexService
    let site: StaffSite<Professional>

    /// The referral index's site: its name and navigation.
    static let identity = SiteIdentity(
        name: "Verwijsindex",
        audience: "meldingsbevoegde professionals en de regie van de gemeente",
        navigation: [
            Chrome.NavLink(href: "/matches", label: "Matches"), Chrome.NavLink(href: "/meldingen", label: "Meldingen"),
            Chrome.NavLink(href: "/werklijst", label: "Werklijst regie"),
        ],
        home: "/matches",
        homeLabel: "Naar de matches",
        cookieName: "wmo-referral-index-session"
    )

    /// Loads the templates; `authenticator` checks passwords (the same accounts as the API).
    /// - Throws: when the templates are missing from a bundle or do not parse.
    public init(service: ReferralIndexService, authenticator: PasswordAuthenticator<Professional>, settings: PageSettings) async throws {
        self.service = service
        let pool = service.pool
        site = try await StaffSite(
            site: Self.identity,
            templates: Bundle.module.url(forResource: "Templates", withExtension: nil),
            settings: settings,
            pool: pool,
            authenticator: authenticator,
            username: { $0.username },
            activeUser: { try await authenticator.activeAccount(username: $0) }
        )
    }

    /// Adds the pages to `router`.
    public func add<Context: RequestContext>(to router: Router<Context>) {
        let group = site.protectedPages(on: router)
        let signals = SignalPages(service: service)
        let matches = MatchPages(service: service)
        site.page(group, get: "matches", matches.show)
        site.page(group, post: "matches/:id/afstemming", matches.recordCoordination)
        site.page(group, get: "werklijst", matches.workList)
        site.page(group, get: "meldingen", signals.show)
        site.page(group, post: "meldingen", signals.register)
        site.page(group, post: "meldingen/:id/intrekken", signals.withdraw)
    }
}

/// A page call by a professional, coordinator or administrator.
typealias ProfessionalCall = PageCall<Professional>

/// A form of the referral index's pages, with its refusals next to their fields.
typealias IndexForm = FormState<ReferralIndexError>

extension Professional: PageUser {
    public var displayName: String { contact?.name ?? username }
    public var roleName: String {
        switch role {
        case .professional: "Professional"
        case .coordinator: "Regie verwijsindex"
        case .administrator: "Beheerder verwijsindex"
        case .system: "Systeem"
        }
    }
    public var municipalityCode: String { municipality.rawValue }
}

extension ReferralIndexError: FieldProblem {}
