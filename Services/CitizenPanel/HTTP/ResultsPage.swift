import Contracts
import Foundation
import HTTPTypes
public import Hummingbird
import StaffPages

/// `/resultaten/:year?gemeente=0202`: the public results page of a year's satisfaction survey
/// (server-rendered, Dutch, no JavaScript): per question an inline SVG bar chart with a table as
/// its text alternative, the mean and the number of respondents; nothing before the survey
/// closed, and below the VNG minimum only the number of questionnaires.
public struct ResultsPage: Sendable {
    let service: CitizenPanelService
    let site: PanelSite

    /// The model of `results.mustache`.
    struct Model: Sendable {
        struct Row: Sendable {
            var label: String
            var count: String
            var share: String
        }
        struct District: Sendable {
            var district: String
            var respondents: String
            var mean: String
        }
        struct Question: Sendable {
            var id: String
            var text: String
            var chart: String
            var mean: String
            var respondents: Int
            var rows: [Row]
            var districts: [District]
            var hasDistricts: Bool
        }
        var completed: Int
        var weighted: Bool
        var minimum: Int
        var publishable: Bool
        var questions: [Question]
        var jsonHref: String
        var csvHref: String
    }

    public init(service: CitizenPanelService, site: PanelSite) {
        self.service = service
        self.site = site
    }

    public func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("resultaten/:year") { request, context in
            guard let text = context.parameters.get("year"), let year = Int(text), (2000...2100).contains(year),
                let code = request.uri.queryParameters.get("gemeente"), let municipality = MunicipalityCode(code)
            else {
                return site.message(
                    .badRequest,
                    "Onbekende uitslag",
                    "Geef een jaar en een gemeentecode, bijvoorbeeld /resultaten/2025?gemeente=0202."
                )
            }
            let results: ResultsView
            do {
                results = try await service.publishedResults(year: year, municipality: municipality)
            } catch let error as PanelError {
                return site.message(.conflict, "Nog geen uitkomsten", error.message)
            }
            let query = "?municipality=\(municipality.rawValue)"
            let model = Model(
                completed: results.completed,
                weighted: results.weighted && results.publishable,
                minimum: results.minimumForPublication,
                publishable: results.publishable,
                questions: results.questions.map { question in
                    Model.Question(
                        id: question.id,
                        text: question.text,
                        chart: ResultsChart.svg(for: question),
                        mean: question.mean.map(Self.dutch) ?? "niet getoond",
                        respondents: question.respondents,
                        rows: question.options.map { option in
                            Model.Row(
                                label: option.label,
                                count: option.count.map(String.init) ?? "niet getoond",
                                share: option.share.map { String(format: "%.0f%%", $0 * 100) } ?? "niet getoond"
                            )
                        },
                        districts: question.districts.map { district in
                            Model.District(
                                district: district.district,
                                respondents: district.respondents.map(String.init) ?? "minder dan 5",
                                mean: district.mean.map(Self.dutch) ?? "niet getoond"
                            )
                        },
                        hasDistricts: !question.districts.isEmpty
                    )
                },
                jsonHref: "/api/v1/satisfaction/\(year)/results\(query)",
                csvHref: "/api/v1/satisfaction/\(year)/results.csv\(query)"
            )
            let page = Page(template: "results", title: results.title, model: model)
            return site.render(page, personal: false)
        }
    }

    /// `3.84` → `3,8`.
    static func dutch(_ mean: Double) -> String { String(format: "%.1f", mean).replacingOccurrences(of: ".", with: ",") }
}
