import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates of `Templates/` (bundled with the module) into HTML
/// responses, and serves the stylesheet next to them.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let stylesheet: ByteBuffer

    /// Loads every template and the stylesheet from the module's resource bundle.
    /// - Throws: when the bundle has no `Templates` folder or a template does not parse.
    static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw PageRendererError.templatesMissing
        }
        let library = try await MustacheLibrary(directory: folder.path)
        let css = try Data(contentsOf: folder.appendingPathComponent("static/staff.css"))
        return PageRenderer(library: library, stylesheet: ByteBuffer(bytes: css))
    }

    /// The HTML of `page` inside the layout, or `nil` when its template does not exist.
    func html(_ page: Page, chrome: Chrome) -> String? {
        library.render(PageEnvelope(chrome: chrome, page: page.model), withTemplate: page.template)
    }

    /// The response with the HTML of `page` inside the layout.
    func render(_ page: Page, chrome: Chrome) -> Response {
        guard let html = html(page, chrome: chrome) else {
            return Response(
                status: .internalServerError,
                headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "Sjabloon \(page.template) ontbreekt."))
            )
        }
        return Response(
            status: page.status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// A page with only a heading, a message and a way on (errors, refusals).
    func message(
        status: HTTPResponse.Status,
        title: String,
        message: String,
        chrome: Chrome,
        link: MessagePage.Link? = nil
    ) -> Response {
        var chrome = chrome
        chrome.title = title
        return render(
            Page(
                template: "message",
                title: title,
                status: status,
                model: MessagePage(message: message, link: link ?? MessagePage.Link(href: "/", label: "Naar de startpagina"))
            ),
            chrome: chrome
        )
    }

    /// The stylesheet, cacheable (it holds no personal data).
    func stylesheetResponse() -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: stylesheet)
        )
    }
}

/// The data of `message.mustache`.
struct MessagePage: Sendable {
    var message: String
    var link: Link

    /// Where the visitor can go next.
    struct Link: Sendable {
        var href: String
        var label: String
    }
}

/// Why the pages could not start.
enum PageRendererError: Error, CustomStringConvertible {
    /// The resource bundle lacks the templates (a build or packaging problem).
    case templatesMissing

    var description: String {
        "the FrontDesk resource bundle has no Templates folder; ship wmo_FrontDesk.resources next to the binary"
    }
}
