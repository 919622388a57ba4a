import Hummingbird

/// Refuses every POST whose hidden `_csrf` field does not match the session's token (a
/// synchroniser token, compared in constant time), with a 403 page. It reads the form body once
/// and hands the parsed fields to the handler in the context.
struct CSRFMiddleware<Parent: RequestContext, User: PageUser>: RouterMiddleware {
    typealias Context = StaffPageContext<Parent, User>

    let renderer: PageRenderer
    /// Larger bodies are refused with 413 (a form of the desk or indication stays far below 64 KiB).
    let maxBodySize: Int

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard request.method == .post else { return try await next(request, context) }
        let chrome = Chrome(title: "", site: renderer.site, user: context.identity, csrfToken: context.sessions.session?.csrfToken ?? "")
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodySize)
        } catch {
            return renderer.message(
                status: .contentTooLarge,
                title: "Formulier te groot",
                message: "Het formulier bevat meer tekst dan deze website aanneemt. Kort de teksten in en probeer het opnieuw.",
                chrome: chrome
            )
        }
        let form: FormData
        do {
            form = try FormData(urlEncoded: String(buffer: body))
        } catch {
            context.logger.notice("POST with a body that is not a form refused", metadata: ["path": "\(request.uri.path)"])
            return renderer.message(
                status: .badRequest,
                title: "Formulier niet leesbaar",
                message: "Dit formulier kon niet worden gelezen. Er is niets opgeslagen. Open de pagina opnieuw en "
                    + "vul het formulier nog eens in.",
                chrome: chrome
            )
        }
        guard CSRFToken.matches(form[CSRFToken.fieldName], expected: context.sessions.session?.csrfToken) else {
            context.logger.notice("POST without a valid CSRF token refused", metadata: ["path": "\(request.uri.path)"])
            return renderer.message(
                status: .forbidden,
                title: "Formulier niet geaccepteerd",
                message: "Dit formulier is verlopen of kwam niet van deze website. Er is niets opgeslagen. "
                    + "Open de pagina opnieuw en vul het formulier nog eens in.",
                chrome: chrome,
                link: .init(href: context.identity == nil ? "/login" : renderer.site.home, label: "Opnieuw beginnen")
            )
        }
        var context = context
        context.form = form
        return try await next(request, context)
    }
}
