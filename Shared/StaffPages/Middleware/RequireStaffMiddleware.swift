import Foundation
import Hummingbird

/// Deny by default: every route added after this middleware needs a logged-in user.
/// A visitor who is not logged in is sent to the login page, which brings them back afterwards.
struct RequireStaffMiddleware<Parent: RequestContext, User: PageUser>: RouterMiddleware {
    typealias Context = StaffPageContext<Parent, User>

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard context.identity == nil else { return try await next(request, context) }
        guard request.method == .get, let back = ReturnPath.safe(request.uri.path) else {
            return .redirect(to: "/login")
        }
        let query = back == "/" ? "" : "?terug=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return .redirect(to: "/login" + query)
    }
}
