import Foundation
import HTTPTypes
public import Hummingbird
public import StaffPages

/// The panel's public site: one renderer over the panel's templates for every page that
/// respondents and members see (no login), and the way those pages answer: `no-store`, no
/// referrer (a one-time link in the address must not leak to another site).
public struct PanelSite: Sendable {
    public static let identity = SiteIdentity(
        name: "Burgerpanel",
        audience: "inwoners en cliënten",
        navigation: [],
        home: "/",
        homeLabel: "Naar de startpagina",
        cookieName: "wmo-panel-session"
    )

    let renderer: PageRenderer

    /// One radio button or checkbox of a form.
    struct Option: Sendable {
        var optionID: String
        var value: String
        var label: String
        var checked: Bool
    }

    /// Loads the templates.
    /// - Throws: when the templates are missing from the bundle or do not parse.
    public static func load() async throws -> PanelSite {
        PanelSite(
            renderer: try await PageRenderer.load(site: identity, serviceTemplates: Bundle.module.url(forResource: "Templates", withExtension: nil))
        )
    }

    /// `page`; `personal` (a page behind a personal link): not cached and without a referrer.
    func render(_ page: Page, personal: Bool = true) -> Response {
        var response = renderer.render(page, chrome: Chrome(title: page.title, site: Self.identity, user: nil, csrfToken: ""))
        guard personal else { return response }
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }

    /// A page with one message and a way on.
    func message(
        _ status: HTTPResponse.Status,
        _ title: String,
        _ text: String,
        link: MessagePage.Link = .init(href: "/", label: "Sluiten")
    ) -> Response {
        var response = renderer.message(
            status: status,
            title: title,
            message: text,
            chrome: Chrome(title: title, site: Self.identity, user: nil, csrfToken: ""),
            link: link
        )
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }

    /// The form fields of a POST of up to `limit` bytes; a body that is not a form counts as empty
    /// (the page then says which answer is missing).
    static func form(_ request: Request, limit: Int) async throws -> FormData {
        let body = try await request.body.collect(upTo: limit)
        return (try? FormData(urlEncoded: String(buffer: body))) ?? FormData()
    }

    /// The page for a one-time link that cannot be answered (any other `PanelError`: closed, under `closedTitle`).
    func linkRefused(_ error: PanelError, closedTitle: String) -> Response {
        error == .invitationInvalid
            ? message(.notFound, "Deze link werkt niet (meer)", error.message) : message(.gone, closedTitle, error.message)
    }
}
