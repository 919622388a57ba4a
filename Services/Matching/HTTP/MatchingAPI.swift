import Contracts
import Foundation
public import Hummingbird
public import ServiceHTTP
public import Storage

/// Matching's JSON API under `/api/v1` (HTTP Basic as the municipality's coordinator, or a
/// volunteer centre's API key as `Authorization: Bearer`; problem+json errors; JSON bodies only;
/// `Cache-Control: no-store`). The contract is `docs/openapi-matching.yaml`, checked against
/// these routes by `MatchingAPITests.theDocumentMatchesTheRoutes`.
///
/// | method | path | use case |
/// |---|---|---|
/// | GET | `/api/v1/me` | the logged-in account |
/// | POST | `/api/v1/volunteers` | register a volunteer (a centre: one of its own, updated by `reference`) |
/// | GET | `/api/v1/volunteers` | the municipality's volunteers (a centre: its own) |
/// | GET | `/api/v1/volunteers/:id` | one volunteer |
/// | POST | `/api/v1/carers` | register an informal carer (coordinator) |
/// | GET | `/api/v1/carers` | the carers under high burden, heaviest first (coordinator) |
/// | POST | `/api/v1/carers/:id/burden` | a new burden score (coordinator) |
/// | POST | `/api/v1/carers/:id/respite-requests` | a carer's request for respite care (coordinator) |
/// | GET | `/api/v1/requests` | the open requests with their proposals and score parts (coordinator) |
/// | GET | `/api/v1/requests/:id` | one request (coordinator) |
/// | POST | `/api/v1/proposals/:id/answer` | accept or decline for the volunteer |
/// | POST | `/api/v1/matches/:id/start` | the volunteer and the person started (coordinator) |
/// | POST | `/api/v1/matches/:id/end` | end with a short evaluation (coordinator) |
/// | POST | `/api/v1/appreciation-rounds` | run the year's carer appreciation round (coordinator) |
/// | GET | `/api/v1/appreciation-rounds/:year` | the year's list (coordinator) |
/// | GET | `/api/v1/figures` | the figures for the desk's monitoring (coordinator) |
public enum MatchingAPI {
    /// The year of an appreciation round.
    struct RoundInput: Decodable {
        var year: Int
    }

    public static func router(service: MatchingService, authenticator: PasswordAuthenticator<Coordinator>) -> Router<MatchingRequestContext> {
        let router = Router(context: MatchingRequestContext.self)
        router.add(middleware: ProblemMiddleware(realm: "wmo-matching"))
        add(to: router, service: service, authenticator: authenticator)
        return router
    }

    /// Adds the `/api/v1` routes to `router`.
    public static func add(to router: Router<MatchingRequestContext>, service: MatchingService, authenticator: PasswordAuthenticator<Coordinator>) {
        let api = router.group("api/v1")
            .add(middleware: SecurityHeadersMiddleware())
            .add(middleware: ProblemMiddleware(realm: "wmo-matching"))
            .add(middleware: JSONOnlyMiddleware())
            .add(middleware: CentreKeyMiddleware(pool: service.pool, authenticator: authenticator))
        api.get("me") { _, context in try JSONBody.response(try context.requireAccount()) }
        api.post("volunteers") { request, context in
            let input = try await JSONBody.decode(VolunteerInput.self, from: request, context: context)
            return try JSONBody.response(try await service.registerVolunteer(input, by: context.requireAccount()), status: .created)
        }
        api.get("volunteers") { _, context in try JSONBody.response(try await service.volunteers(by: context.requireAccount())) }
        api.get("volunteers/:id") { _, context in
            try JSONBody.response(try await service.volunteer(try id(context), by: context.requireAccount()))
        }
        api.post("carers") { request, context in
            let input = try await JSONBody.decode(CarerInput.self, from: request, context: context)
            return try JSONBody.response(try await service.registerCarer(input, by: context.requireAccount()), status: .created)
        }
        api.get("carers") { _, context in try JSONBody.response(try await service.overburdenedCarers(by: context.requireAccount())) }
        api.post("carers/:id/burden") { request, context in
            let input = try await JSONBody.decode(BurdenInput.self, from: request, context: context)
            return try JSONBody.response(try await service.updateBurden(of: try id(context), input, by: context.requireAccount()))
        }
        api.post("carers/:id/respite-requests") { request, context in
            let input = try await JSONBody.decode(RespiteInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.requestRespite(for: try id(context), input, by: context.requireAccount()),
                status: .created
            )
        }
        api.get("requests") { _, context in try JSONBody.response(try await service.openRequests(by: context.requireAccount())) }
        api.get("requests/:id") { _, context in
            try JSONBody.response(try await service.request(try id(context), by: context.requireAccount()))
        }
        api.post("proposals/:id/answer") { request, context in
            let input = try await JSONBody.decode(AnswerInput.self, from: request, context: context)
            return try JSONBody.response(try await service.answer(try id(context), input, by: context.requireAccount()))
        }
        api.post("matches/:id/start") { _, context in
            try JSONBody.response(try await service.start(try id(context), by: context.requireAccount()))
        }
        api.post("matches/:id/end") { request, context in
            let input = try await JSONBody.decode(EndInput.self, from: request, context: context)
            return try JSONBody.response(try await service.end(try id(context), input, by: context.requireAccount()))
        }
        api.post("appreciation-rounds") { request, context in
            let input = try await JSONBody.decode(RoundInput.self, from: request, context: context)
            return try JSONBody.response(try await service.runAppreciation(year: input.year, by: context.requireAccount()))
        }
        api.get("appreciation-rounds/:year") { _, context in
            guard let text = context.parameters.get("year"), let year = Int(text), (2000...2100).contains(year) else {
                throw Problem.invalidParameter("year")
            }
            return try JSONBody.response(try await service.appreciationList(year: year, by: context.requireAccount()))
        }
        api.get("figures") { _, context in try JSONBody.response(try await service.figures(by: context.requireAccount())) }
    }

    /// The UUID in the path.
    static func id(_ context: MatchingRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw Problem.invalidParameter("id") }
        return id
    }
}
