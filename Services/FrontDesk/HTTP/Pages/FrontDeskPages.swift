import Foundation
public import Hummingbird
public import ServiceHTTP
public import StaffPages

/// De medewerkerspagina's: the server-rendered staff pages of the front desk (Dutch, no
/// JavaScript needed), on the same router as the JSON API.
///
/// | method | path | page |
/// |---|---|---|
/// | GET | `/` | to the work list, or to the login page |
/// | GET, POST | `/login` | log in |
/// | POST | `/uitloggen` | log out |
/// | GET | `/werklijst`, `/werklijst/team` | work list with counts (own, team), and the carers matching flagged as overburdened |
/// | POST | `/werklijst/mantelzorgers/:id/afgehandeld` | record that someone reached out to a flagged carer |
/// | GET, POST | `/personen` | search a person (the search is a POST: no BSN in URLs) |
/// | GET, POST | `/personen/nieuw` | register a person |
/// | GET | `/personen/:id` | a person with their requests |
/// | POST | `/personen/:id/overlijden` | record the death the population register reported (tells the referral index) |
/// | GET, POST | `/personen/:id/hulpvragen/nieuw` | take a request |
/// | GET, POST | `/personen/:id/huishouden` | the person's household with plan and coordinator; create one |
/// | POST | `/personen/:id/huishouden/:wijziging` | `gezinslid`, `mantelzorger`, `regisseur`, `overdracht`, `plan-starten`, `plan-beeindigen` |
/// | GET | `/hulpvragen/:id` | a request: deadlines, routes, referrals, consents, forms |
/// | POST | `/hulpvragen/:id/verheldering`, `…/beantwoorden`, `…/indicatie`, `…/matching`, `…/afsluiten`, `…/arrangement-tekort` | the request's actions |
/// | GET, POST | `/hulpvragen/:id/gesprek` | record a conversation |
/// | GET, POST | `/hulpvragen/:id/doorverwijzen` | pass on to a partner with consent |
/// | POST | `/toestemmingen/:id/intrekken` | withdraw a consent |
/// | GET | `/beschikkingen/:id/brief` | the printable decision letter |
/// | GET | `/static/staff.css` | the stylesheet |
///
/// Login, sessions, CSRF and deny-by-default come from `StaffSite` (the same for every service);
/// every use case is scoped to the staff member's municipality and checks their role.
public struct FrontDeskPages: Sendable {
    let service: FrontDeskService
    let site: StaffSite<StaffMember>

    /// The desk's site: its name and navigation.
    static let identity = SiteIdentity(
        name: "Wmo-loket",
        audience: "medewerkers van het Wmo-loket",
        navigation: NavSection.allCases.map { Chrome.NavLink(href: $0.href, label: $0.label) },
        home: NavSection.workList.href,
        cookieName: "wmo-session"
    )

    /// Loads the templates; `authenticator` checks passwords (the same accounts as the API).
    /// - Throws: when the templates are missing from the bundle or do not parse.
    public init(service: FrontDeskService, authenticator: StaffAuthenticator, settings: PageSettings) async throws {
        self.service = service
        let directory = StaffDirectory(pool: service.pool)
        site = try await StaffSite(
            site: Self.identity,
            templates: Bundle.module.url(forResource: "Templates", withExtension: nil),
            settings: settings,
            pool: service.pool,
            authenticator: authenticator,
            username: { $0.id.rawValue },
            activeUser: { try await directory.activeStaff($0) }
        )
    }

    /// The renderer of the desk's templates (tests render pages with it).
    static func renderer() async throws -> PageRenderer {
        try await PageRenderer.load(site: identity, serviceTemplates: Bundle.module.url(forResource: "Templates", withExtension: nil))
    }

    /// Adds the pages to `router` (whatever its context: the pages derive their own).
    public func add<Context: RequestContext>(to router: Router<Context>) {
        let group = site.protectedPages(on: router)
        let workList = WorkListPages(service: service)
        let persons = PersonPages(service: service)
        let requests = RequestPages(service: service)
        let actions = RequestActions(service: service)
        let conversations = ConversationPages(service: service)
        let passOn = PassOnPages(service: service)
        let letters = DecisionLetterPages(service: service)
        let households = HouseholdPages(service: service)

        site.page(group, get: "werklijst") { try await workList.show($0, scope: .mine) }
        site.page(group, get: "werklijst/team") { try await workList.show($0, scope: .team) }
        site.page(group, post: "werklijst/mantelzorgers/:id/afgehandeld", workList.markCarerHandled)
        site.page(group, get: "personen", persons.searchForm)
        site.page(group, post: "personen", persons.search)
        site.page(group, get: "personen/nieuw", persons.newForm)
        site.page(group, post: "personen/nieuw", persons.register)
        site.page(group, get: "personen/:id", persons.detail)
        site.page(group, post: "personen/:id/overlijden", persons.recordDeath)
        site.page(group, get: "personen/:id/hulpvragen/nieuw", requests.newForm)
        site.page(group, post: "personen/:id/hulpvragen/nieuw", requests.receive)
        site.page(group, get: "personen/:id/huishouden", households.show)
        site.page(group, post: "personen/:id/huishouden", households.create)
        site.page(group, post: "personen/:id/huishouden/:wijziging", households.change)
        site.page(group, get: "hulpvragen/:id", requests.detail)
        site.page(group, post: "hulpvragen/:id/verheldering", actions.clarify)
        site.page(group, post: "hulpvragen/:id/beantwoorden", actions.answer)
        site.page(group, post: "hulpvragen/:id/indicatie", actions.requestIndication)
        site.page(group, post: "hulpvragen/:id/matching", actions.requestMatching)
        site.page(group, post: "hulpvragen/:id/afsluiten", actions.close)
        site.page(group, post: "hulpvragen/:id/arrangement-tekort", actions.reportArrangementInsufficient)
        site.page(group, get: "hulpvragen/:id/gesprek", conversations.form)
        site.page(group, post: "hulpvragen/:id/gesprek", conversations.record)
        site.page(group, get: "hulpvragen/:id/doorverwijzen", passOn.form)
        site.page(group, post: "hulpvragen/:id/doorverwijzen", passOn.passOn)
        site.page(group, post: "toestemmingen/:id/intrekken", actions.withdrawConsent)
        site.page(group, get: "beschikkingen/:id/brief", letters.letter)
    }
}

/// The parts of the desk in the main navigation.
enum NavSection: String, Sendable, CaseIterable {
    case workList, persons, newPerson

    var href: String {
        switch self {
        case .workList: "/werklijst"
        case .persons: "/personen"
        case .newPerson: "/personen/nieuw"
        }
    }

    var label: String {
        switch self {
        case .workList: "Werklijst"
        case .persons: "Persoon zoeken"
        case .newPerson: "Persoon registreren"
        }
    }
}

/// The desk's page handlers get the staff member as `staff`.
typealias DeskCall = PageCall<StaffMember>

extension PageCall where User == StaffMember {
    /// The logged-in staff member.
    var staff: StaffMember { user }
}

extension StaffMember: PageUser {
    public var roleName: String { role.dutchName }
    public var municipalityCode: String { municipality.rawValue }
}

extension FrontDeskError: FieldProblem {}

/// A form of the desk's pages, with the desk's refusals next to its fields.
typealias DeskForm = FormState<FrontDeskError>
