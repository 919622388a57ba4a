import Contracts
import Foundation
public import Hummingbird
public import ServiceHTTP
import WorkingDays

/// The assessors' JSON API under `/api/v1` (HTTP Basic as an assessor; problem+json errors; JSON
/// bodies only; `Cache-Control: no-store`). The contract is `docs/openapi-indication.yaml`,
/// checked against these routes by `IndicationOpenAPITests`.
///
/// | method | path | use case |
/// |---|---|---|
/// | GET | `/api/v1/me` | the logged-in assessor |
/// | GET | `/api/v1/reference` | life domains (versioned), client profiles, categories, layers |
/// | GET | `/api/v1/work-list` | cases that need an assessor, with the reasons |
/// | GET | `/api/v1/cases/:id` | a case with assessments, suggestion, arrangement, decisions |
/// | POST | `/api/v1/cases/:id/assignment` | take the case |
/// | POST | `/api/v1/cases/:id/assessments` | record matrix scores |
/// | POST | `/api/v1/cases/:id/profile` | confirm or override the client profile |
/// | POST | `/api/v1/cases/:id/lines` | add an arrangement line (P4 checked) |
/// | POST | `/api/v1/cases/:id/decision` | decide the open individual provisions |
/// | POST | `/api/v1/cases/:id/standard-decision` | the simplified protocol in one step |
/// | POST | `/api/v1/provider-requests/:id/answer` | answer a provider's request (WMO315/317) |
/// | GET | `/api/v1/budget` | committed cost per earmarked part and month against the budget (`?from=YYYY-MM-DD`) |
public enum IndicationAPI {
    /// A router with problem+json errors and the API behind assessor authentication.
    public static func router(service: IndicationService, authenticator: PasswordAuthenticator<Assessor>) -> Router<IndicationRequestContext> {
        let router = Router(context: IndicationRequestContext.self)
        router.add(middleware: ProblemMiddleware(realm: "wmo-indicatie"))
        let api = router.group("api/v1")
            .add(middleware: SecurityHeadersMiddleware())
            .add(middleware: ProblemMiddleware(realm: "wmo-indicatie"))
            .add(middleware: JSONOnlyMiddleware())
            .add(middleware: BasicAuthenticationMiddleware(authenticator: authenticator, logKey: "assessor"))
        api.get("me") { _, context in try JSONBody.response(try context.requireAssessor()) }
        api.get("reference") { _, _ in try JSONBody.response(ReferenceView(catalogue: service.settings.catalogue)) }
        api.get("work-list") { _, context in try JSONBody.response(try await service.workList(by: context.requireAssessor())) }
        api.get("cases/:id") { _, context in
            try JSONBody.response(try await service.details(try caseID(context), by: context.requireAssessor()))
        }
        api.post("cases/:id/assignment") { _, context in
            try JSONBody.response(try await service.take(try caseID(context), by: context.requireAssessor()))
        }
        api.post("cases/:id/assessments") { request, context in
            let input = try await JSONBody.decode(AssessmentInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.recordAssessment(try caseID(context), input, by: context.requireAssessor()),
                status: .created
            )
        }
        api.post("cases/:id/profile") { request, context in
            let input = try await JSONBody.decode(ProfileInput.self, from: request, context: context)
            return try JSONBody.response(try await service.chooseProfile(try caseID(context), input, by: context.requireAssessor()))
        }
        api.post("cases/:id/lines") { request, context in
            let input = try await JSONBody.decode(LineInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.addLine(try caseID(context), input, by: context.requireAssessor()),
                status: .created
            )
        }
        api.post("cases/:id/decision") { request, context in
            let input = try await JSONBody.decode(DecisionInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.decide(try caseID(context), input, by: context.requireAssessor()),
                status: .created
            )
        }
        api.post("cases/:id/standard-decision") { request, context in
            let input = try await JSONBody.decode(StandardDecisionInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.decideStandard(try caseID(context), input, by: context.requireAssessor()),
                status: .created
            )
        }
        api.get("budget") { request, context in
            let from = try request.uri.queryParameters.get("from").map { text in
                guard let day = LocalDate(iso: String(text)) else { throw IndicationError.invalidParameter("from") }
                return day
            }
            return try JSONBody.response(try await service.budget(by: context.requireAssessor(), from: from))
        }
        api.post("provider-requests/:id/answer") { request, context in
            let input = try await JSONBody.decode(ProviderRequestAnswerInput.self, from: request, context: context)
            return try JSONBody.response(
                try await service.answerProviderRequest(try caseID(context), input, by: context.requireAssessor())
            )
        }
        return router
    }

    /// The UUID in the path (a case's or a provider request's).
    static func caseID(_ context: IndicationRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw Problem.invalidParameter("id") }
        return id
    }
}

/// The reference data assessors choose from.
struct ReferenceView: Encodable {
    struct Named: Encodable {
        var id: String
        var name: String
    }
    var lifeDomainList: String
    var lifeDomains: [Named]
    var profileCatalogue: String
    var profiles: [ClientProfile]
    var productCategories: [Named]
    var layers: [Named]
    var volunteerTasks: [String]

    init(catalogue: ClientProfileCatalogue) {
        lifeDomainList = LifeDomain.listVersion
        lifeDomains = LifeDomain.allCases.map { Named(id: $0.rawValue, name: $0.dutchName) }
        profileCatalogue = catalogue.version
        profiles = catalogue.profiles
        productCategories = ProductCategory.allCases.map { Named(id: $0.rawValue, name: $0.dutchName) }
        layers = SupportLayer.allCases.map { Named(id: $0.rawValue, name: $0.dutchName) }
        volunteerTasks = VolunteerTask.allCases.map(\.rawValue)
    }
}
