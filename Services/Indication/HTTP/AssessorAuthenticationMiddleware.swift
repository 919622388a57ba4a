import Hummingbird
import HummingbirdAuth
import ServiceHTTP

/// Deny by default: every API request must carry HTTP Basic credentials of an active assessor
/// account (throttled and audited like the desk's staff logins).
struct AssessorAuthenticationMiddleware: RouterMiddleware {
    typealias Context = IndicationRequestContext
    let authenticator: PasswordAuthenticator<Assessor>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let basic = request.headers.basic else { throw Problem.unauthorized }
        let assessor: Assessor
        switch try await authenticator.attempt(
            username: basic.username,
            password: basic.password,
            client: authenticator.clientAddress(of: request, peer: context.clientAddress),
            channel: "api"
        ) {
        case .accepted(let account): assessor = account
        case .refused: throw Problem.unauthorized
        case .throttled(let seconds): throw Problem.tooManyAttempts(retryAfter: seconds)
        }
        var context = context
        context.assessor = assessor
        context.logger[metadataKey: "assessor"] = "\(assessor.id)"
        return try await next(request, context)
    }
}
