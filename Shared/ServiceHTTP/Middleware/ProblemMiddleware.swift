public import Hummingbird
import Logging
import Storage

/// Turns every error into `application/problem+json`: domain errors (`ProblemConvertible`) with
/// their Dutch message and status, unknown routes as 404, bodies too large as 413, anything else
/// as 500 (details only in the log). Added first, so it also wraps the router's not-found
/// responder.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The realm of the `WWW-Authenticate` challenge on a 401 (e.g. `wmo-loket`).
    let realm: String

    public init(realm: String) {
        self.realm = realm
    }

    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, request: request, context: context)
            var headers: HTTPFields = [:]
            if problem.status == 401 { headers[.wwwAuthenticate] = #"Basic realm="\#(realm)", charset="UTF-8""# }
            if problem.status == 429, let seconds = problem.detail { headers[.retryAfter] = seconds }
            return problem.response(headers: headers)
        }
    }

    /// The problem that answers `error`.
    public static func problem(for error: any Error, request: Request, context: Context) -> Problem {
        switch error {
        case let problem as Problem: return problem
        case let error as any ProblemConvertible: return error.problem
        case let error as StorageError where error.isTransient:
            context.logger.warning("database unavailable", metadata: ["error": "\(error)"])
            return .unavailable
        case let error as any HTTPResponseError:
            switch error.status {
            case .notFound: return .notFound(request.uri.path)
            case .contentTooLarge: return .bodyTooLarge(limit: context.maxUploadSize)
            case .unauthorized: return .unauthorized
            default:
                return Problem(
                    code: "http-\(error.status.code)",
                    title: error.status.reasonPhrase,
                    status: error.status.code,
                    detail: "\(error)"
                )
            }
        default:
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return .internalError(requestID: context.id)
        }
    }
}
