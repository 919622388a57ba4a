public import Hummingbird
public import ServiceHTTP

/// The JSON API under `/api/v1`, for the same functions as the staff pages. Every route needs a
/// staff login (HTTP Basic); errors are `application/problem+json`; a request body must be
/// `application/json` (415 otherwise, so a cross-site form cannot post JSON as text/plain); every
/// answer is `Cache-Control: no-store` with the pages' security headers. The contract is
/// `docs/openapi.yaml` (checked against these routes by `OpenAPIDocumentTests`).
///
/// | method | path | use case |
/// |---|---|---|
/// | GET | `/api/v1/me` | the logged-in staff member |
/// | POST | `/api/v1/persons` | register a person |
/// | POST | `/api/v1/persons/search` | search by `bsn`, by `name` + `birthDate`, or by `postcode` (a body: no BSN in URLs) |
/// | GET | `/api/v1/persons/:id` | a person with their requests |
/// | GET | `/api/v1/persons/:id/access-log` | who looked at the person |
/// | POST | `/api/v1/persons/:id/death` | record the death the population register reported (tells the referral index) |
/// | POST | `/api/v1/requests` | take a request |
/// | GET | `/api/v1/requests/:id` | a request with routes, deadlines, referrals, consents |
/// | POST | `/api/v1/requests/:id/clarification` | clarify (question, life domains, urgency) |
/// | POST | `/api/v1/requests/:id/conversations` | record a conversation |
/// | GET | `/api/v1/requests/:id/suggestions` | partners from the social map |
/// | POST | `/api/v1/requests/:id/answer` | answer at once |
/// | POST | `/api/v1/requests/:id/pass-on` | pass on with consent |
/// | POST | `/api/v1/requests/:id/indication` | ask for an indication |
/// | POST | `/api/v1/requests/:id/matching` | ask for a volunteer match |
/// | POST | `/api/v1/requests/:id/close` | close with an outcome |
/// | POST | `/api/v1/consents/:id/withdrawal` | withdraw a consent |
/// | GET | `/api/v1/work-list?scope=mine\|team&sort=due\|-due&attention=true\|false&page=1&pageSize=50` | a page of the work list with counts |
/// | GET | `/api/v1/decisions/:id/letter` | the decision letter's data |
/// | POST | `/api/v1/households` | a household around a person (`{"principalId": …}`) |
/// | GET | `/api/v1/persons/:id/household` | the person's household, plan and coordinator |
/// | POST | `/api/v1/households/:id/changes` | e.g. `{"addMember":{"personId":…,"relation":"child"}}`, `{"startPlan":{}}` |
/// | GET | `/api/v1/partners` | the social map |
/// | POST | `/api/v1/partners` | add to the social map (administrator) |
public enum FrontDeskAPI {
    /// Adds the API routes to `router`, behind staff authentication.
    public static func addRoutes(
        to router: Router<FrontDeskRequestContext>,
        service: FrontDeskService,
        authenticator: StaffAuthenticator
    ) {
        // The pages' security headers (no caching of personal data, no sniffing or framing) on
        // every API answer too, refusals included.
        // Problems are made inside the group, so the headers reach them as well.
        let api = router.group("api/v1")
            .add(middleware: SecurityHeadersMiddleware())
            .add(middleware: ProblemMiddleware(realm: "wmo-loket"))
            .add(middleware: JSONOnlyMiddleware())
            .add(middleware: BasicAuthenticationMiddleware(authenticator: authenticator, logKey: "staff"))
        api.get("me") { _, context in
            let staff = try context.requireStaff()
            return try JSONBody.response(
                APIViews.Me(staff: staff, permissions: staff.role.permissions.sorted { $0.rawValue < $1.rawValue })
            )
        }
        PersonRoutes.add(to: api, service: service)
        RequestRoutes.add(to: api, service: service)
        CaseRoutes.add(to: api, service: service)
        HouseholdRoutes.add(to: api, service: service)
    }

    /// A router with problem+json errors, the operations routes' place, and the API.
    public static func router(
        service: FrontDeskService,
        authenticator: StaffAuthenticator
    ) -> Router<FrontDeskRequestContext> {
        let router = Router(context: FrontDeskRequestContext.self)
        router.add(middleware: ProblemMiddleware(realm: "wmo-loket"))
        addRoutes(to: router, service: service, authenticator: authenticator)
        return router
    }
}
