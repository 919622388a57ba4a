import Contracts
import Foundation
public import Hummingbird
import ServiceHTTP

/// The published results as data, for the municipality's researchers and anyone else (they are
/// public once the survey has closed; the five-respondent rule is applied before they leave the
/// service). No login: nothing here is about a person.
///
/// | method | path | what |
/// |---|---|---|
/// | GET | `/api/v1/satisfaction/:year/results?municipality=0202` | the results as JSON (`ResultsView`) |
/// | GET | `/api/v1/satisfaction/:year/results.csv?municipality=0202` | the same as CSV |
public enum ResultsAPI {
    public static func add<Context: RequestContext>(to router: Router<Context>, service: CitizenPanelService) {
        let api = router.group("api/v1")
            .add(middleware: SecurityHeadersMiddleware())
            .add(middleware: ProblemMiddleware(realm: "wmo-panel"))
        api.get("satisfaction/:year/results") { request, context in
            let (year, municipality) = try parameters(request, context)
            return try JSONBody.response(try await service.publishedResults(year: year, municipality: municipality))
        }
        api.get("satisfaction/:year/results.csv") { request, context in
            let (year, municipality) = try parameters(request, context)
            let csv = try await service.publishedResults(year: year, municipality: municipality).csv
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: csv))
            )
        }
    }

    /// The year in the path (2000-2100) and the municipality in the query (four digits).
    static func parameters<Context: RequestContext>(_ request: Request, _ context: Context) throws -> (Int, MunicipalityCode) {
        guard let text = context.parameters.get("year"), let year = Int(text), (2000...2100).contains(year) else {
            throw Problem.invalidParameter("year")
        }
        guard let code = request.uri.queryParameters.get("municipality"), let municipality = MunicipalityCode(code) else {
            throw Problem.invalidParameter("municipality")
        }
        return (year, municipality)
    }
}
