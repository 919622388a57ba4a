import Hummingbird
import HummingbirdAuth

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
        guard let basic = request.headers.basic,
            let staff = try await authenticator.authenticate(username: basic.username, password: basic.password)
        else { throw Problem.unauthorized }
        var context = context
        context.staff = staff
        context.logger[metadataKey: "staff"] = "\(staff.id)"
        return try await next(request, context)
    }
}
