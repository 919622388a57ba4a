/// The data of the layout around every page: who is logged in, the navigation, the CSRF token
/// for forms, the one-time message and the error summary.
struct Chrome: Sendable {
    var title: String
    var loggedIn: Bool
    var staffName: String
    var roleName: String
    var municipality: String
    var csrfToken: String
    var flash: String?
    var problems: [SummaryItem]
    var hasProblems: Bool
    var nav: [NavLink]

    /// One link of the main navigation; `current` sets `aria-current="page"`.
    struct NavLink: Sendable {
        var href: String
        var label: String
        var current: Bool
    }

    /// The chrome for `staff` (or for a logged-out visitor when `nil`).
    init(
        title: String,
        staff: StaffMember?,
        csrfToken: String,
        flash: String? = nil,
        problems: [SummaryItem] = [],
        section: NavSection? = nil
    ) {
        self.title = title
        loggedIn = staff != nil
        staffName = staff?.displayName ?? ""
        roleName = staff?.role.dutchName ?? ""
        municipality = staff.map { Chrome.municipalityName($0.municipality.rawValue) } ?? ""
        self.csrfToken = csrfToken
        self.flash = flash
        self.problems = problems
        hasProblems = !problems.isEmpty
        nav =
            staff == nil
            ? []
            : NavSection.allCases.map { item in
                NavLink(href: item.link.href, label: item.link.label, current: item == section)
            }
    }

    /// The municipality's name for the header; the CBS code when it is not one of the region's.
    static func municipalityName(_ code: String) -> String {
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
