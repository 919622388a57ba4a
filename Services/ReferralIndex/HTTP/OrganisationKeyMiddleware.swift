import Contracts
import Foundation
public import Hummingbird
public import ServiceHTTP
public import Storage

/// Deny by default, with two ways in: an organisation's system sends its API key
/// (`Authorization: Bearer <key>`, handed out by `referral-index add-organisation`; the index
/// keeps only its SHA-256), anyone else HTTP Basic of an account (throttled and audited, as at
/// every service). Anything else is a 401 problem.
public struct OrganisationKeyMiddleware: RouterMiddleware {
    public typealias Context = ReferralIndexRequestContext
    let pool: ConnectionPool
    let basic: BasicAuthenticationMiddleware<ReferralIndexRequestContext>

    public init(pool: ConnectionPool, authenticator: PasswordAuthenticator<Professional>) {
        self.pool = pool
        basic = BasicAuthenticationMiddleware(authenticator: authenticator, logKey: "account")
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            return try await basic.handle(request, context: context, next: next)
        }
        let key = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard key.count >= 16, key.count <= 200,
            let organisation = try await pool.withTransaction({ tx in try OrganisationRepository.find(apiKey: key, in: tx) }),
            organisation.isAuthorised
        else { throw Problem.unauthorized }
        var context = context
        context.account = Professional(
            username: organisation.key.description,
            municipality: organisation.municipality,
            organisation: organisation.key,
            role: .system,
            contact: nil
        )
        context.logger[metadataKey: "account"] = "\(organisation.key)"
        return try await next(request, context)
    }
}
