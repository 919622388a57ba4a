import Foundation
public import Hummingbird
public import ServiceHTTP
public import Storage

/// Deny by default, with two ways in: a volunteer centre's system sends its API key
/// (`Authorization: Bearer <key>`, handed out by `matching add-centre`; matching keeps only its
/// SHA-256), the coordinator HTTP Basic (throttled and audited, as at every service). Anything
/// else is a 401 problem.
public struct CentreKeyMiddleware: RouterMiddleware {
    public typealias Context = MatchingRequestContext
    let pool: ConnectionPool
    let basic: BasicAuthenticationMiddleware<MatchingRequestContext>

    public init(pool: ConnectionPool, authenticator: PasswordAuthenticator<Coordinator>) {
        self.pool = pool
        basic = BasicAuthenticationMiddleware(authenticator: authenticator, logKey: "account")
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            return try await basic.handle(request, context: context, next: next)
        }
        let key = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard key.count >= 16, key.count <= 200,
            let centre = try await pool.withTransaction({ tx in try AccountRepository.centre(apiKey: key, in: tx) })
        else { throw Problem.unauthorized }
        var context = context
        context.account = centre
        context.logger[metadataKey: "account"] = "\(centre.username)"
        return try await next(request, context)
    }
}
