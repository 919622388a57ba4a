import Foundation
public import Hummingbird
import StaffPages
import WorkingDays

/// The members' pages of a consultation (no login; Dutch, works without JavaScript, one
/// question per fieldset): answering through the one-time link of an invitation, and proposing
/// a statement through the member's personal link.
///
/// | method | path | page |
/// |---|---|---|
/// | GET, POST | `/raadpleging/:token` | the consultation's questions; the answers (`q1`… as form fields, `q3[]` for each option of a multiple choice) |
/// | GET, POST | `/voorstellen/:token` | propose a statement (`text`) |
public struct ConsultationPages: Sendable {
    let service: CitizenPanelService
    let site: PanelSite

    /// The model of `consultation.mustache`.
    struct Model: Sendable {
        typealias Option = PanelSite.Option
        struct Question: Sendable {
            var id: String
            var text: String
            /// `q3`, or `q3[]` for the checkboxes of a multiple choice (a list field of `FormData`).
            var fieldName: String
            /// `radio` or `checkbox`.
            var inputType: String
            var isOpen: Bool
            var hint: String?
            var options: [Option]
            var value: String
            var error: String?
        }
        var introduction: String
        var level: String
        var promise: String
        var closesOn: String
        var action: String
        var questions: [Question]
        var error: String?
    }

    /// The model of `propose.mustache`.
    struct ProposeModel: Sendable {
        var action: String
        var text: String
        var error: String?
    }

    public init(service: CitizenPanelService, site: PanelSite) {
        self.service = service
        self.site = site
    }

    public func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("raadpleging/:token") { _, context in
            try await show(token: context.parameters.get("token") ?? "", form: FormData(), error: nil)
        }
        router.post("raadpleging/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            let form = try await PanelSite.form(request, limit: 64 * 1024)
            var values: [String: [String]] = [:]
            for index in 1...Consultation.maximumQuestions { values["q\(index)"] = form.values("q\(index)") }
            do {
                try await service.submitConsultation(token: token, values)
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
        router.get("voorstellen/:token") { _, context in
            propose(token: context.parameters.get("token") ?? "", text: "", error: nil)
        }
        router.post("voorstellen/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            let text = try await PanelSite.form(request, limit: 64 * 1024)["text"] ?? ""
            do {
                try await service.propose(token: token, text: text)
            } catch PanelError.memberNotFound {
                return site.message(
                    .notFound,
                    "Deze link werkt niet (meer)",
                    "Alleen panelleden kunnen een stelling voorstellen, met hun persoonlijke link."
                )
            } catch let error as PanelError {
                return propose(token: token, text: text, error: error)
            }
            return site.message(
                .ok,
                "Bedankt voor uw voorstel",
                "Een medewerker van de gemeente beoordeelt uw stelling. Wordt hij goedgekeurd, dan legt de gemeente hem aan het panel voor."
            )
        }
    }

    private func show(token: String, form: FormData, error: PanelError?) async throws -> Response {
        let questionnaire: ConsultationQuestionnaire
        do {
            questionnaire = try await service.consultationQuestionnaire(token: token)
        } catch let error as PanelError {
            return site.linkRefused(error, closedTitle: "Deze raadpleging is gesloten")
        }
        let questions = questionnaire.questions.map { question in
            let given = Set(form.values(question.id))
            let options: [(String, String)] =
                switch question.kind {
                case .scale: SatisfactionSurvey.scale.enumerated().map { ("\($0.offset + 1)", $0.element) }
                case .singleChoice, .multipleChoice: question.options.map { ($0, $0) }
                case .statement: ConsultationQuestion.stances.map { ($0.0.rawValue, $0.1) }
                case .openText: []
                }
            return Model.Question(
                id: question.id,
                text: question.text,
                fieldName: question.kind == .multipleChoice ? "\(question.id)[]" : question.id,
                inputType: question.kind == .multipleChoice ? "checkbox" : "radio",
                isOpen: question.kind == .openText,
                hint: question.kind == .multipleChoice
                    ? "U kunt meer dan één antwoord kiezen."
                    : question.kind == .openText
                        ? "Ten hoogste \(ConsultationQuestion.openTextLimit) tekens. Noem geen namen: de gemeente publiceert open antwoorden na controle."
                        : nil,
                options: options.enumerated().map { index, option in
                    Model.Option(optionID: "\(question.id)-\(index + 1)", value: option.0, label: option.1, checked: given.contains(option.0))
                },
                value: question.kind == .openText ? form[question.id] ?? "" : "",
                error: error == .answerInvalid(question.text) ? error?.message : nil
            )
        }
        let model = Model(
            introduction: questionnaire.introduction,
            level: questionnaire.level.dutchName,
            promise: questionnaire.level.promise,
            closesOn: questionnaire.closesOn.dutchFormatted,
            action: "/raadpleging/\(token)",
            questions: questions,
            error: error?.message
        )
        var page = Page(template: "consultation", title: questionnaire.title, model: model)
        if error != nil { page.status = .unprocessableContent }
        return site.render(page)
    }

    private func propose(token: String, text: String, error: PanelError?) -> Response {
        var page = Page(
            template: "propose",
            title: "Een stelling voorstellen",
            model: ProposeModel(action: "/voorstellen/\(token)", text: text, error: error?.message)
        )
        if error != nil { page.status = error == .tooManyProposals ? .conflict : .unprocessableContent }
        return site.render(page)
    }
}
