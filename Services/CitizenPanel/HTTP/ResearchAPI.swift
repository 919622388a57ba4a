import Foundation
public import Hummingbird
public import ServiceHTTP

/// The researchers' JSON API under `/api/v1` (HTTP Basic as the municipality's researcher, every
/// use case scoped to their municipality; problem+json errors; JSON bodies only;
/// `Cache-Control: no-store`). The contract is `docs/openapi-panel.yaml`, checked against the
/// routes by `SatisfactionSurveyTests.theDocumentMatchesTheRoutes`.
///
/// | method | path | use case |
/// |---|---|---|
/// | GET | `/api/v1/me` | the logged-in researcher |
/// | POST | `/api/v1/consultations` | put a new consultation to the panel |
/// | GET | `/api/v1/consultations` | the municipality's consultations |
/// | GET | `/api/v1/consultations/:id` | one consultation |
/// | POST | `/api/v1/consultations/:id/rounds` | draw a round (stratified; invitations to the mail service) |
/// | POST | `/api/v1/consultations/:id/reminders` | remind, once, who did not answer |
/// | GET | `/api/v1/consultations/:id/response` | invited and answered per stratum |
/// | GET | `/api/v1/consultations/:id/results` | the results, after closing |
/// | GET | `/api/v1/consultations/:id/open-answers?status=pending` | open answers to moderate, after closing |
/// | POST | `/api/v1/open-answers/:id/moderation` | approve or reject an open answer |
/// | GET | `/api/v1/proposals?status=pending` | statements members proposed |
/// | POST | `/api/v1/proposals/:id/moderation` | approve or reject a proposal |
public enum ResearchAPI {
    public static func add(to router: Router<PanelRequestContext>, service: CitizenPanelService, authenticator: PasswordAuthenticator<Researcher>) {
        let api = router.group("api/v1")
            .add(middleware: SecurityHeadersMiddleware())
            .add(middleware: ProblemMiddleware(realm: "wmo-panel"))
            .add(middleware: JSONOnlyMiddleware())
            .add(middleware: BasicAuthenticationMiddleware(authenticator: authenticator, logKey: "researcher"))
        api.get("me") { _, context in try JSONBody.response(try context.requireAccount()) }
        api.post("consultations") { request, context in
            let input = try await JSONBody.decode(ConsultationInput.self, from: request, context: context)
            return try JSONBody.response(try await service.createConsultation(input, by: context.requireAccount()), status: .created)
        }
        api.get("consultations") { _, context in try JSONBody.response(try await service.consultations(by: context.requireAccount())) }
        api.get("consultations/:id") { _, context in
            try JSONBody.response(try await service.consultation(try id(context), by: context.requireAccount()))
        }
        api.post("consultations/:id/rounds") { request, context in
            let input = try await JSONBody.decode(RoundInput.self, from: request, context: context)
            return try JSONBody.response(try await service.drawRound(try id(context), input, by: context.requireAccount()), status: .created)
        }
        api.post("consultations/:id/reminders") { _, context in
            try JSONBody.response(try await service.remind(try id(context), by: context.requireAccount()))
        }
        api.get("consultations/:id/response") { _, context in
            try JSONBody.response(try await service.responseRate(try id(context), by: context.requireAccount()))
        }
        api.get("consultations/:id/results") { _, context in
            try JSONBody.response(try await service.consultationResults(try id(context), by: context.requireAccount()))
        }
        api.get("consultations/:id/open-answers") { request, context in
            let status = request.uri.queryParameters.get("status") ?? "pending"
            return try JSONBody.response(try await service.openAnswers(try id(context), status: status, by: context.requireAccount()))
        }
        api.post("open-answers/:id/moderation") { request, context in
            let input = try await JSONBody.decode(ModerationInput.self, from: request, context: context)
            try await service.moderateOpenAnswer(try id(context), input, by: context.requireAccount())
            return Response(status: .noContent)
        }
        api.get("proposals") { request, context in
            let status = request.uri.queryParameters.get("status") ?? "pending"
            return try JSONBody.response(try await service.proposals(status: status, by: context.requireAccount()))
        }
        api.post("proposals/:id/moderation") { request, context in
            let input = try await JSONBody.decode(ModerationInput.self, from: request, context: context)
            try await service.moderateProposal(try id(context), input, by: context.requireAccount())
            return Response(status: .noContent)
        }
    }

    /// The UUID in the path.
    static func id(_ context: PanelRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw Problem.invalidParameter("id") }
        return id
    }
}
