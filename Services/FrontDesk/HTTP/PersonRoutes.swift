import Foundation
import Hummingbird
import ServiceHTTP

/// `/api/v1/persons`: register, search, open, access log.
enum PersonRoutes {
    static func add(to api: RouterGroup<FrontDeskRequestContext>, service: FrontDeskService) {
        api.post("persons") { request, context in
            let input = try await JSONBody.decode(PersonInput.self, from: request, context: context)
            return try JSONBody.response(try await service.registerPerson(input, by: context.requireStaff()), status: .created)
        }
        // A search is a POST with a JSON body: a BSN never ends up in a URL, a proxy log or the
        // browser history.
        api.post("persons/search") { request, context in
            let search = try await JSONBody.decode(PersonSearch.self, from: request, context: context)
            return try JSONBody.response(try await service.searchPersons(search, by: context.requireStaff()))
        }
        api.get("persons/:id") { request, context in
            let (reason, text) = try readReason(request, default: .casework)
            return try JSONBody.response(
                try await service.person(
                    try uuid("id", context),
                    context: "persoonskaart (API)",
                    reason: reason,
                    reasonText: text,
                    by: context.requireStaff()
                )
            )
        }
        api.post("persons/:id/death") { request, context in
            let input = try await JSONBody.decode(DeathInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.recordDeath(try uuid("id", context), dateOfDeath: input.dateOfDeath, by: context.requireStaff())
            )
        }
        api.get("persons/:id/access-log") { request, context in
            let (reason, text) = try readReason(request, default: nil)
            return try JSONBody.response(
                try await service.accessLog(person: try uuid("id", context), reason: reason, reasonText: text, by: context.requireStaff())
            )
        }
    }

    /// Query parameters `reason` (one of `AccessLog.Reason`, required when there is no default)
    /// and `reasonText`.
    static func readReason(_ request: Request, default fallback: AccessLog.Reason?) throws -> (AccessLog.Reason, String?) {
        let query = request.uri.queryParameters
        let text = query.get("reasonText")
        guard let raw = query.get("reason") else {
            guard let fallback else { throw Problem.invalidParameter("reason") }
            return (fallback, text)
        }
        // `system` is the service's own reason; staff state theirs.
        guard let reason = AccessLog.Reason(rawValue: raw), reason != .system else { throw Problem.invalidParameter("reason") }
        return (reason, text)
    }

    /// The path parameter `name` as a UUID, or a 400 problem.
    static func uuid(_ name: String, _ context: FrontDeskRequestContext) throws -> UUID {
        guard let text = context.parameters.get(name), let id = UUID(uuidString: text) else {
            throw Problem.invalidParameter(name)
        }
        return id
    }
}

/// `POST /api/v1/persons/:id/death`: the day the population register says the person died.
struct DeathInput: Decodable {
    var dateOfDeath: String
}
