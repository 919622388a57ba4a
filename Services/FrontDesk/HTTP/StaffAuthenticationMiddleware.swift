import Hummingbird
import HummingbirdAuth
import ServiceHTTP

/// Deny by default: every request through this middleware must carry HTTP Basic credentials of
/// an active staff account; the staff member goes into the context, and every use case is then
/// scoped to their municipality. Anything else is a 401 problem.
struct StaffAuthenticationMiddleware: RouterMiddleware {
    typealias Context = FrontDeskRequestContext
    let authenticator: StaffAuthenticator

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let basic = request.headers.basic else { throw Problem.unauthorized }
        let staff: StaffMember
        switch try await authenticator.attempt(
            username: basic.username,
            password: basic.password,
            client: authenticator.clientAddress(of: request, peer: context.clientAddress),
            channel: "api"
        ) {
        case .accepted(let member): staff = member
        case .refused: throw Problem.unauthorized
        case .throttled(let seconds): throw Problem.tooManyAttempts(retryAfter: seconds)
        }
        var context = context
        context.staff = staff
        context.logger[metadataKey: "staff"] = "\(staff.id)"
        return try await next(request, context)
    }
}
