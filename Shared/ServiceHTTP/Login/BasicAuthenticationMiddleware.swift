public import Hummingbird
import HummingbirdAuth

/// A request context that carries the account a request was authenticated as.
public protocol AuthenticatedRequestContext: RequestContext {
    associatedtype Account: Sendable
    /// The logged-in account (`nil` until authentication ran).
    var account: Account? { get set }
    /// The client's address (login throttling and audit).
    var clientAddress: String? { get }
}

/// Deny by default: every request through this middleware must carry HTTP Basic credentials of
/// an active account of `authenticator` (throttled and audited); the account goes into the
/// context, and every use case is then scoped to its municipality. Anything else is a 401
/// problem, or 429 while throttled.
public struct BasicAuthenticationMiddleware<Context: AuthenticatedRequestContext>: RouterMiddleware {
    let authenticator: PasswordAuthenticator<Context.Account>
    /// The log metadata key of the account (e.g. `staff`, `assessor`).
    let logKey: String

    public init(authenticator: PasswordAuthenticator<Context.Account>, logKey: String) {
        self.authenticator = authenticator
        self.logKey = logKey
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let basic = request.headers.basic else { throw Problem.unauthorized }
        let account: Context.Account
        switch try await authenticator.attempt(
            username: basic.username,
            password: basic.password,
            client: authenticator.clientAddress(of: request, peer: context.clientAddress),
            channel: "api"
        ) {
        case .accepted(let accepted): account = accepted
        case .refused: throw Problem.unauthorized
        case .throttled(let seconds): throw Problem.tooManyAttempts(retryAfter: seconds)
        }
        var context = context
        context.account = account
        context.logger[metadataKey: logKey] = "\(basic.username)"
        return try await next(request, context)
    }
}
