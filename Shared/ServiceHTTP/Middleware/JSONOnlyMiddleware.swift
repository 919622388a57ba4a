public import Hummingbird

/// Every POST to the API must say `Content-Type: application/json`, with or without a body:
/// a browser sends a cross-site form (text/plain, form data) or a body-less `fetch` without
/// asking first, while a JSON request from another site needs a CORS preflight this API never
/// grants. So cached credentials cannot be used from another site. Refused with 415.
public struct JSONOnlyMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.method != .get, request.method != .head, !JSONBody.isJSON(request.headers[.contentType]) {
            throw Problem.unsupportedMediaType(request.headers[.contentType])
        }
        return try await next(request, context)
    }
}
