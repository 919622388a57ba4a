import Foundation
public import Hummingbird
import StaffPages

/// `/uitkomsten/:id`: the public results of a closed consultation (server-rendered, Dutch, no
/// JavaScript): per question an inline SVG bar chart with a table as its text alternative, the
/// approved open answers, and the response per stratum as a chart and a table; nothing before the
/// consultation closed, and no cell under five. `/uitkomsten/:id/csv` is the same as CSV.
public struct ConsultationResultsPage: Sendable {
    let service: CitizenPanelService
    let site: PanelSite

    /// The model of `consultation-results.mustache`.
    struct Model: Sendable {
        typealias Row = ResultsPage.Model.Row
        struct Question: Sendable {
            var id: String
            var text: String
            var chart: String
            var mean: String?
            var respondents: Int
            var rows: [Row]
            var isOpen: Bool
            var openAnswers: [String]
            var hasOpenAnswers: Bool
        }
        struct Stratum: Sendable {
            var stratum: String
            var invited: Int
            var answered: String
            var rate: String
        }
        var level: String
        var completed: Int
        var weighted: Bool
        var publishable: Bool
        var questions: [Question]
        var responseChart: String
        var strata: [Stratum]
        var csvHref: String
    }

    public init(service: CitizenPanelService, site: PanelSite) {
        self.service = service
        self.site = site
    }

    public func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("uitkomsten/:id") { _, context in
            let results: ConsultationResultsView
            switch await load(context) {
            case .success(let loaded): results = loaded
            case .failure(let refusal): return refusal.response
            }
            let hidden = "niet getoond"
            let strata = results.response.strata
            let model = Model(
                level: ParticipationLevel(rawValue: results.level)?.promise ?? "",
                completed: results.completed,
                weighted: results.weighted && results.publishable,
                publishable: results.publishable,
                questions: results.questions.map { question in
                    Model.Question(
                        id: question.id,
                        text: question.text,
                        chart: question.kind == "open-text"
                            ? ""
                            : ResultsChart.svg(
                                id: question.id,
                                title: question.text,
                                respondents: question.respondents,
                                bars: question.options.map { ($0.label, $0.share) }
                            ),
                        mean: question.kind == "scale" ? question.mean.map(ResultsPage.dutch) ?? hidden : nil,
                        respondents: question.respondents,
                        rows: question.options.map { option in
                            Model.Row(
                                label: option.label,
                                count: option.count.map(String.init) ?? hidden,
                                share: option.share.map { String(format: "%.0f%%", $0 * 100) } ?? hidden
                            )
                        },
                        isOpen: question.kind == "open-text",
                        openAnswers: question.openAnswers,
                        hasOpenAnswers: !question.openAnswers.isEmpty
                    )
                },
                responseChart: ResultsChart.svg(
                    id: "response",
                    title: "Respons per wijk en leeftijd",
                    respondents: results.response.answered,
                    bars: strata.map { ("\($0.district) \($0.ageBand)", $0.rate) },
                    what: "de respons"
                ),
                strata: strata.map { stratum in
                    Model.Stratum(
                        stratum: "\(stratum.district), \(stratum.ageBand) jaar",
                        invited: stratum.invited,
                        answered: stratum.answered.map(String.init) ?? "minder dan 5",
                        rate: stratum.rate.map { String(format: "%.0f%%", $0 * 100) } ?? hidden
                    )
                },
                csvHref: "/uitkomsten/\(results.consultationId.uuidString.lowercased())/csv"
            )
            return site.render(Page(template: "consultation-results", title: "Uitkomsten: \(results.title)", model: model), personal: false)
        }
        router.get("uitkomsten/:id/csv") { _, context in
            switch await load(context) {
            case .success(let results):
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/csv; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: results.csv))
                )
            case .failure(let refusal): return refusal.response
            }
        }
    }

    /// A page instead of results.
    struct Refusal: Error {
        var response: Response
    }

    private func load<Context: RequestContext>(_ context: Context) async -> Result<ConsultationResultsView, Refusal> {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            return .failure(Refusal(response: site.message(.notFound, "Onbekende raadpleging", PanelError.consultationNotFound.message)))
        }
        do {
            return .success(try await service.publishedConsultationResults(id))
        } catch PanelError.consultationNotFound {
            return .failure(Refusal(response: site.message(.notFound, "Onbekende raadpleging", "Deze raadpleging bestaat niet.")))
        } catch let error as PanelError {
            return .failure(Refusal(response: site.message(.conflict, "Nog geen uitkomsten", error.message)))
        } catch {
            return .failure(Refusal(response: site.message(.serviceUnavailable, "Even niet bereikbaar", "Probeer het later nog eens.")))
        }
    }
}
