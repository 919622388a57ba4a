public import Foundation
public import Hummingbird
import Mustache

/// Renders Mustache templates into HTML responses inside the shared layout, and serves the
/// shared stylesheet. The shared templates (layout, message, login, form controls) come from this
/// module's bundle; a service adds its own pages from its bundle, and a template of the service
/// with the same name replaces the shared one.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let stylesheet: ByteBuffer
    /// The site whose pages this renders.
    public let site: SiteIdentity

    /// Loads the shared templates and the stylesheet, then every template in `folder` (a
    /// service's `Templates`, found with `Bundle.module.url(forResource: "Templates", …)`).
    /// - Throws: `PageRendererError` when a folder is missing, or a template does not parse.
    public static func load(site: SiteIdentity, serviceTemplates folder: URL?) async throws -> PageRenderer {
        guard let shared = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw PageRendererError.templatesMissing(module: "StaffPages")
        }
        guard let folder else { throw PageRendererError.templatesMissing(module: site.name) }
        var library = try await MustacheLibrary(directory: shared.path)
        let own = try await MustacheLibrary(directory: folder.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        for name in names.map({ String($0.dropLast(".mustache".count)) }) {
            guard let template = own.getTemplate(named: name) else { continue }
            library.register(template, named: name)
        }
        let css = try Data(contentsOf: shared.appendingPathComponent("static/staff.css"))
        return PageRenderer(library: library, stylesheet: ByteBuffer(bytes: css), site: site)
    }

    /// The HTML of `page` inside the layout, or `nil` when its template does not exist.
    public func html(_ page: Page, chrome: Chrome) -> String? {
        library.render(ReflectedModel.wrap(PageEnvelope(chrome: chrome, page: page.model)) as Any, withTemplate: page.template)
    }

    /// The response with the HTML of `page` inside the layout.
    public func render(_ page: Page, chrome: Chrome) -> Response {
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
    public func message(
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
    public func stylesheetResponse() -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: stylesheet)
        )
    }
}

/// The data of `message.mustache`.
public struct MessagePage: Sendable {
    public var message: String
    public var link: Link

    public init(message: String, link: Link) {
        self.message = message
        self.link = link
    }

    /// Where the visitor can go next.
    public struct Link: Sendable {
        public var href: String
        public var label: String

        public init(href: String, label: String) {
            self.href = href
            self.label = label
        }
    }
}

/// Why the pages could not start.
public enum PageRendererError: Error, CustomStringConvertible {
    /// A resource bundle lacks its templates (a build or packaging problem).
    case templatesMissing(module: String)

    public var description: String {
        switch self {
        case .templatesMissing(let module):
            "the resource bundle of \(module) has no Templates folder; ship the wmo_*.resources bundles next to the binary"
        }
    }
}
