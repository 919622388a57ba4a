import Foundation
import Hummingbird

/// A page to render: a template, its data and the HTTP status.
struct Page: Sendable {
    /// The template name (file name in `Templates/` without `.mustache`).
    var template: String
    /// The `<title>` and first heading.
    var title: String
    /// 200, or 422 when a form comes back with errors, and so on.
    var status: HTTPResponse.Status = .ok
    /// The template's data; rendered inside `{{#page}}…{{/page}}`.
    var model: any Sendable
    /// Which part of the navigation is current.
    var section: NavSection? = nil
    /// The error summary at the top of the page (every problem of a form that came back).
    var problems: [SummaryItem] = []
}

/// What a page handler answers: a page, or a redirect (after a successful POST) with an
/// optional one-time message for the next page.
enum PageResult: Sendable {
    case page(Page)
    case redirect(to: String, flash: String? = nil)
}

/// One line of the error summary; `href` points at the field (`#id`) when the form has one.
struct SummaryItem: Sendable {
    var href: String?
    var message: String
}

/// The parts of the site in the main navigation.
enum NavSection: String, Sendable, CaseIterable {
    case workList, persons, newPerson

    var link: (href: String, label: String) {
        switch self {
        case .workList: ("/werklijst", "Werklijst")
        case .persons: ("/personen", "Persoon zoeken")
        case .newPerson: ("/personen/nieuw", "Persoon registreren")
        }
    }
}

/// A page that cannot be shown for a reason that is not a domain rule.
enum PageError: Error, Sendable {
    /// No such page or record (also a malformed id in the path).
    case notFound
}

/// What a page handler gets: the logged-in staff member, the form and query fields, and the
/// path parameters.
struct PageCall: Sendable {
    /// The logged-in staff member; every use case is called on their behalf.
    let staff: StaffMember
    /// The POST form (empty for GET).
    let form: FormData
    /// The query string.
    let query: FormData
    /// The path parameters (`:id`).
    let parameters: Parameters

    /// The UUID in path parameter `name`.
    /// - Throws: `PageError.notFound` when it is not a UUID.
    func id(_ name: String = "id") throws -> UUID {
        guard let id = parameters.get(name, as: UUID.self) else { throw PageError.notFound }
        return id
    }
}
