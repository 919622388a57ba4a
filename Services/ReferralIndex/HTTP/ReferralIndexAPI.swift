import Contracts
import Foundation
public import Hummingbird
public import ServiceHTTP
public import Storage

/// The referral index's JSON API under `/api/v1` (HTTP Basic as an account, or an
/// organisation's API key as `Authorization: Bearer`; problem+json errors; JSON bodies only;
/// `Cache-Control: no-store`). The contract is `docs/openapi-referral-index.yaml`, checked
/// against these routes by `APITests.theDocumentMatchesTheRoutes`.
///
/// | method | path | use case |
/// |---|---|---|
/// | GET | `/api/v1/me` | the logged-in account |
/// | POST | `/api/v1/signals` | register a signal (or refresh one's own) |
/// | GET | `/api/v1/signals` | the organisation's signals (a professional's own) |
/// | POST | `/api/v1/signals/:id/withdrawal` | withdraw a signal |
/// | GET | `/api/v1/matches` | the matches on one's signals (the coordinator: all active) |
/// | GET | `/api/v1/matches/:id` | one match with the professionals' contacts |
/// | POST | `/api/v1/matches/:id/coordination` | record the central contact and/or the coordination |
/// | GET | `/api/v1/work-list` | the coordinator's matches without central contact or coordination |
/// | POST | `/api/v1/subject-access` | which organisations signalled a BSN, when (coordinator) |
/// | POST | `/api/v1/switch-off` | switch the municipality's index off and purge it (administrator) |
/// | GET | `/api/v1/excluded-addresses` | the register of addresses that make no family match (coordinator) |
/// | POST | `/api/v1/excluded-addresses` | put an address on it (coordinator) |
public enum ReferralIndexAPI {
    /// A withdrawal: `unjustified` or `risk-gone`.
    struct WithdrawalInput: Decodable {
        var reason: String
    }

    /// The municipality's code, typed again.
    struct SwitchOffInput: Decodable {
        var confirm: String
    }

    public static func router(
        service: ReferralIndexService,
        authenticator: PasswordAuthenticator<Professional>
    ) -> Router<ReferralIndexRequestContext> {
        let router = Router(context: ReferralIndexRequestContext.self)
        router.add(middleware: ProblemMiddleware(realm: "wmo-verwijsindex"))
        let api = router.group("api/v1")
            .add(middleware: SecurityHeadersMiddleware())
            .add(middleware: ProblemMiddleware(realm: "wmo-verwijsindex"))
            .add(middleware: JSONOnlyMiddleware())
            .add(middleware: OrganisationKeyMiddleware(pool: service.pool, authenticator: authenticator))
        api.get("me") { _, context in try JSONBody.response(try context.requireAccount()) }
        api.post("signals") { request, context in
            let input = try await JSONBody.decode(SignalInput.self, from: request, context: context)
            return try JSONBody.response(try await service.register(input, by: context.requireAccount()), status: .created)
        }
        api.get("signals") { _, context in try JSONBody.response(try await service.signals(of: context.requireAccount())) }
        api.post("signals/:id/withdrawal") { request, context in
            let input = try await JSONBody.decode(WithdrawalInput.self, from: request, context: context)
            guard let reason = SignalRemoval(rawValue: input.reason), reason.isWithdrawal else {
                throw ReferralIndexError.invalidParameter("reason")
            }
            return try JSONBody.response(try await service.withdraw(try id(context), reason: reason, by: context.requireAccount()))
        }
        api.get("matches") { _, context in try JSONBody.response(try await service.matches(of: context.requireAccount())) }
        api.get("matches/:id") { _, context in
            try JSONBody.response(try await service.match(try id(context), by: context.requireAccount()))
        }
        api.post("matches/:id/coordination") { request, context in
            let input = try await JSONBody.decode(CoordinationInput.self, from: request, context: context)
            return try JSONBody.response(try await service.recordCoordination(try id(context), input, by: context.requireAccount()))
        }
        api.get("work-list") { _, context in try JSONBody.response(try await service.workList(by: context.requireAccount())) }
        api.post("subject-access") { request, context in
            let input = try await JSONBody.decode(SubjectAccessInput.self, from: request, context: context)
            return try JSONBody.response(try await service.subjectAccess(input, by: context.requireAccount()))
        }
        api.post("switch-off") { request, context in
            let input = try await JSONBody.decode(SwitchOffInput.self, from: request, context: context)
            return try JSONBody.response(try await service.switchOff(confirmation: input.confirm, by: context.requireAccount()))
        }
        api.get("excluded-addresses") { _, context in try JSONBody.response(try await service.excludedAddresses(by: context.requireAccount())) }
        api.post("excluded-addresses") { request, context in
            let input = try await JSONBody.decode(ExcludedAddressInput.self, from: request, context: context)
            return try JSONBody.response(try await service.excludeAddress(input, by: context.requireAccount()), status: .created)
        }
        return router
    }

    /// The UUID in the path (a signal's or a match's).
    static func id(_ context: ReferralIndexRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw Problem.invalidParameter("id") }
        return id
    }
}
