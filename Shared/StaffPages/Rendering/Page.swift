public import Hummingbird

/// A page to render: a template, its data and the HTTP status.
public struct Page: Sendable {
    /// The template name (file name in `Templates/` without `.mustache`).
    public var template: String
    /// The `<title>` and first heading.
    public var title: String
    /// 200, or 422 when a form comes back with errors, and so on.
    public var status: HTTPResponse.Status
    /// The template's data; rendered inside `{{#page}}…{{/page}}`.
    public var model: any Sendable
    /// Which link of the navigation is current (its `href`).
    public var section: String?
    /// The error summary at the top of the page (every problem of a form that came back).
    public var problems: [SummaryItem]

    public init(
        template: String,
        title: String,
        status: HTTPResponse.Status = .ok,
        model: any Sendable,
        section: String? = nil,
        problems: [SummaryItem] = []
    ) {
        self.template = template
        self.title = title
        self.status = status
        self.model = model
        self.section = section
        self.problems = problems
    }
}

/// What a page handler answers: a page, or a redirect (after a successful POST) with an
/// optional one-time message for the next page.
public enum PageResult: Sendable {
    case page(Page)
    case redirect(to: String, flash: String? = nil)
}

/// One line of the error summary; `href` points at the field (`#id`) when the form has one.
public struct SummaryItem: Sendable {
    public var href: String?
    public var message: String

    public init(href: String?, message: String) {
        self.href = href
        self.message = message
    }
}

/// A page that cannot be shown for a reason that is not a domain rule.
public enum PageError: Error, Sendable {
    /// No such page or record (also a malformed id in the path).
    case notFound
}
