import Foundation
import Hummingbird

/// `/api/v1/persons`: register, search, open, access log.
enum PersonRoutes {
    static func add(to api: RouterGroup<FrontDeskRequestContext>, service: FrontDeskService) {
        api.post("persons") { request, context in
            let input = try await JSONBody.decode(PersonInput.self, from: request, context: context)
            return try JSONBody.response(try await service.registerPerson(input, by: context.requireStaff()), status: .created)
        }
        api.get("persons") { request, context in
            let query = request.uri.queryParameters
            let search = PersonSearch(
                bsn: query.get("bsn"),
                name: query.get("name"),
                birthDate: query.get("birthDate"),
                postcode: query.get("postcode"),
                reason: query.get("reason")
            )
            return try JSONBody.response(try await service.searchPersons(search, by: context.requireStaff()))
        }
        api.get("persons/:id") { request, context in
            let reason = request.uri.queryParameters.get("reason") ?? "persoonskaart"
            return try JSONBody.response(
                try await service.person(try uuid("id", context), context: reason, by: context.requireStaff())
            )
        }
        api.get("persons/:id/access-log") { _, context in
            try JSONBody.response(try await service.accessLog(person: try uuid("id", context), by: context.requireStaff()))
        }
    }

    /// The path parameter `name` as a UUID, or a 400 problem.
    static func uuid(_ name: String, _ context: FrontDeskRequestContext) throws -> UUID {
        guard let text = context.parameters.get(name), let id = UUID(uuidString: text) else {
            throw Problem.invalidParameter(name)
        }
        return id
    }
}
