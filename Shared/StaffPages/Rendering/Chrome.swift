/// The data of the layout around every page: the site, who is logged in, the navigation, the
/// CSRF token for forms, the one-time message and the error summary.
public struct Chrome: Sendable {
    public var title: String
    /// The site's name in the header and `<title>` (`Wmo-loket`, `Indicatiestelling`).
    public var siteName: String
    /// Who the site is for, in the login page's hint (`medewerkers van het Wmo-loket`).
    public var audience: String
    public var loggedIn: Bool
    public var staffName: String
    public var roleName: String
    public var municipality: String
    public var csrfToken: String
    public var flash: String?
    public var problems: [SummaryItem]
    public var hasProblems: Bool
    public var nav: [NavLink]

    /// One link of the main navigation; `current` sets `aria-current="page"`.
    public struct NavLink: Sendable {
        public var href: String
        public var label: String
        public var current: Bool

        public init(href: String, label: String, current: Bool = false) {
            self.href = href
            self.label = label
            self.current = current
        }
    }

    /// The chrome for `user` (or for a logged-out visitor when `nil`); `section` is the `href`
    /// of the current navigation link.
    public init(
        title: String,
        site: SiteIdentity,
        user: (any PageUser)?,
        csrfToken: String,
        flash: String? = nil,
        problems: [SummaryItem] = [],
        section: String? = nil
    ) {
        self.title = title
        siteName = site.name
        audience = site.audience
        loggedIn = user != nil
        staffName = user?.displayName ?? ""
        roleName = user?.roleName ?? ""
        municipality = user.map { Chrome.municipalityName($0.municipalityCode) } ?? ""
        self.csrfToken = csrfToken
        self.flash = flash
        self.problems = problems
        hasProblems = !problems.isEmpty
        nav =
            user == nil
            ? [] : site.navigation.map { NavLink(href: $0.href, label: $0.label, current: $0.href == section) }
    }

    /// The municipality's name for the header; the CBS code when it is not one of the region's.
    public static func municipalityName(_ code: String) -> String {
        switch code {
        case "0202": "Gemeente Arnhem"
        case "0268": "Gemeente Nijmegen"
        case "1734": "Gemeente Overbetuwe"
        default: "Gemeente \(code)"
        }
    }
}

/// What a template renders: the layout's data and the page's own.
struct PageEnvelope: Sendable {
    let chrome: Chrome
    let page: any Sendable
}
