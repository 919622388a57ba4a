import Contracts
import Foundation
import HTTPTypes
public import Hummingbird
import StaffPages
import WorkingDays

/// `/vragenlijst/:token`: the respondent's questionnaire behind the one-time link of the
/// invitation (no login; Dutch, works without JavaScript, one question per fieldset). The token
/// in the address is the only key: the panel keeps only its SHA-256, and once the answers are in
/// it stops working; the answers themselves are stored without it.
///
/// | method | path | page |
/// |---|---|---|
/// | GET | `/` | how to reach the questionnaire (through the link in the invitation) |
/// | GET | `/vragenlijst/:token` | the questionnaire |
/// | POST | `/vragenlijst/:token` | the answers (`<question id>` = 1-5, optional `ageBand`, `sex`) |
/// | GET | `/static/staff.css` | the stylesheet |
public struct QuestionnairePage: Sendable {
    let service: CitizenPanelService
    let site: PanelSite

    /// The panel's site identity (kept under this name for the other pages and tests).
    static var identity: SiteIdentity { PanelSite.identity }

    /// The model of `questionnaire.mustache`.
    struct Model: Sendable {
        typealias Option = PanelSite.Option
        struct Question: Sendable {
            var id: String
            var text: String
            var options: [Option]
            var error: String?
        }
        var closesOn: String
        var action: String
        var questions: [Question]
        var ageBands: [Option]
        var sexes: [Option]
        var error: String?
    }

    public init(service: CitizenPanelService, site: PanelSite) {
        self.service = service
        self.site = site
    }

    /// Adds the page and the stylesheet to `router`.
    public func add<Context: RequestContext>(to router: Router<Context>) {
        let renderer = site.renderer
        router.get("static/staff.css") { _, _ in renderer.stylesheetResponse() }
        router.get("/") { _, _ in
            site.message(.ok, "Burgerpanel", "U bereikt de vragenlijst met de persoonlijke link in uw uitnodiging. Die link werkt één keer.")
        }
        router.get("vragenlijst/:token") { _, context in
            try await show(token: context.parameters.get("token") ?? "", form: FormData(), error: nil)
        }
        router.post("vragenlijst/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            let form = try await PanelSite.form(request, limit: 16 * 1024)
            var scale: [String: Int] = [:]
            for question in SatisfactionSurvey.questions {
                guard let text = form.nonBlank(question.id) else { continue }
                guard let value = Int(text) else { return try await show(token: token, form: form, error: .answerOutOfRange(question.text)) }
                scale[question.id] = value
            }
            do {
                try await service.submit(token: token, AnswersInput(scale: scale, ageBand: form.nonBlank("ageBand"), sex: form.nonBlank("sex")))
            } catch PanelError.invitationInvalid {
                return site.message(.notFound, "Deze link werkt niet (meer)", PanelError.invitationInvalid.message)
            } catch let error as PanelError {
                return try await show(token: token, form: form, error: error)
            }
            return site.message(
                .ok,
                "Bedankt voor uw antwoorden",
                "Uw antwoorden zijn opgeslagen, los van uw naam en van deze link. De link werkt nu niet meer."
            )
        }
    }

    private func show(token: String, form: FormData, error: PanelError?) async throws -> Response {
        let questionnaire: Questionnaire
        do {
            questionnaire = try await service.questionnaire(token: token)
        } catch let error as PanelError {
            return site.linkRefused(error, closedTitle: "Deze vragenlijst is gesloten")
        }
        let questions = questionnaire.questions.map { question in
            Model.Question(
                id: question.id,
                text: question.text,
                options: SatisfactionSurvey.scale.enumerated().map { index, label in
                    Model.Option(
                        optionID: "\(question.id)-\(index + 1)",
                        value: "\(index + 1)",
                        label: label,
                        checked: form[question.id] == "\(index + 1)"
                    )
                },
                error: error == .answerOutOfRange(question.text) ? error?.message : nil
            )
        }
        let bands = AgeBand.allCases.map {
            Model.Option(
                optionID: "ageBand-\($0.rawValue)",
                value: $0.rawValue,
                label: "\($0.rawValue) jaar",
                checked: form["ageBand"] == $0.rawValue
            )
        }
        let sexes = zip(SatisfactionSurvey.sexes, ["Vrouw", "Man", "Anders"]).map {
            Model.Option(optionID: "sex-\($0)", value: $0, label: $1, checked: form["sex"] == $0)
        }
        let model = Model(
            closesOn: questionnaire.closesOn.dutchFormatted,
            action: "/vragenlijst/\(token)",
            questions: questions,
            ageBands: bands,
            sexes: sexes,
            error: error?.message
        )
        var page = Page(template: "questionnaire", title: questionnaire.title, model: model)
        if error != nil { page.status = .unprocessableContent }
        return site.render(page)
    }
}
