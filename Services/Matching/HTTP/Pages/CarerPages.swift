import Contracts
import Foundation
import StaffPages
import WorkingDays

/// `/mantelzorgers`: the informal carers under high burden (burden score at or above
/// `MATCHING_BURDEN_THRESHOLD`), heaviest first, for outreach: per carer the form to record a
/// new burden score after a conversation, and the form to ask respite care for them (which goes
/// before other requests). Every carer shown is an access to personal data and is logged.
struct CarerPages: Sendable {
    let service: MatchingService

    /// `GET /mantelzorgers`.
    func show(_ call: CoordinatorCall) async throws -> PageResult {
        .page(try await page(call, failed: nil))
    }

    /// `POST /mantelzorgers/:id/belasting`: `burden` (0-9), optional `hoursPerWeek`.
    func updateBurden(_ call: CoordinatorCall) async throws -> PageResult {
        let id = try call.id()
        let form = call.form
        do {
            guard let burden = Int(form["burden"] ?? "") else { throw MatchingError.invalidParameter("burden") }
            var hours: Int?
            if let typed = form.nonBlank("hoursPerWeek") {
                guard let value = Int(typed) else { throw MatchingError.invalidParameter("hoursPerWeek") }
                hours = value
            }
            let carer = try await service.updateBurden(of: id, BurdenInput(burden: burden, hoursPerWeek: hours), by: call.user)
            let done =
                carer.overburdened
                ? "De nieuwe belasting van \(carer.name) is vastgelegd."
                : "De nieuwe belasting van \(carer.name) is vastgelegd; de mantelzorger staat niet meer op deze lijst."
            return .redirect(to: "/mantelzorgers", flash: done)
        } catch let error as MatchingError where error.httpStatus != 404 {
            var page = try await page(call, failed: Failure(carer: id, form: "burden", error: error, submitted: form))
            page.status = .init(code: error.httpStatus)
            return .page(page)
        }
    }

    /// `POST /mantelzorgers/:id/respijtzorg`: `question`, optional `durationWeeks`.
    func requestRespite(_ call: CoordinatorCall) async throws -> PageResult {
        let id = try call.id()
        let form = call.form
        do {
            var weeks: Int?
            if let typed = form.nonBlank("durationWeeks") {
                guard let value = Int(typed) else { throw MatchingError.invalidParameter("durationWeeks") }
                weeks = value
            }
            let input = RespiteInput(task: nil, question: form["question"] ?? "", timeWindows: nil, durationWeeks: weeks, language: nil)
            let request = try await service.requestRespite(for: id, input, by: call.user)
            let asked =
                request.proposals.isEmpty
                ? "Er is nog geen passende vrijwilliger; het verzoek blijft open en wordt opnieuw gezocht."
                : "Een vrijwilliger is gevraagd."
            return .redirect(to: "/verzoeken#request-\(DutchFormat.shortID(request.id))", flash: "Respijtzorg is aangevraagd. " + asked)
        } catch let error as MatchingError where error.httpStatus != 404 {
            var page = try await page(call, failed: Failure(carer: id, form: "respite", error: error, submitted: form))
            page.status = .init(code: error.httpStatus)
            return .page(page)
        }
    }

    /// A form of one carer that came back refused.
    struct Failure {
        var carer: UUID
        var form: String
        var error: MatchingError
        var submitted: FormData
    }

    private func page(_ call: CoordinatorCall, failed: Failure?) async throws -> Page {
        let carers = try await service.overburdenedCarers(by: call.user)
        var problems: [SummaryItem] = []
        let rows = carers.map { carer in
            let short = DutchFormat.shortID(carer.id)
            let id = carer.id.uuidString.lowercased()
            func form(_ name: String) -> MatchingForm {
                guard let failed, failed.carer == carer.id, failed.form == name else { return MatchingForm(prefix: "\(name)-\(short)-") }
                return MatchingForm(prefix: "\(name)-\(short)-", submitted: failed.submitted, errors: [failed.error])
            }
            let burden = form("burden")
            let respite = form("respite")
            let burdenFields = [
                burden.input(
                    "burden",
                    label: "Nieuwe belastingscore (0 tot en met 9)",
                    value: "\(carer.burden)",
                    type: "number",
                    required: true,
                    width: "narrow"
                ),
                burden.input("hoursPerWeek", label: "Uren zorg per week", value: "\(carer.hoursPerWeek)", type: "number", width: "narrow"),
            ]
            let respiteQuestion = respite.textarea(
                "question",
                label: "Wat is er nodig?",
                hint: "Bijvoorbeeld: twee ochtenden per week iemand bij haar man, zodat zij kan sporten. Geen naam of BSN van de cliënt.",
                rows: 3,
                required: true
            )
            let respiteDuration = respite.input("durationWeeks", label: "Voor hoeveel weken (niet verplicht)", type: "number", width: "narrow")
            problems += burden.summary() + respite.summary()
            return CarersPage.Row(
                anchor: "carer-\(short)",
                name: carer.name,
                burden: carer.burden,
                hoursPerWeek: carer.hoursPerWeek,
                since: LocalDate(iso: carer.since)?.dutchFormatted ?? carer.since,
                district: carer.district,
                contact: [carer.phone, carer.email].compactMap { $0 }.joined(separator: ", "),
                caresForClient: carer.caredFor != nil,
                supportWanted: carer.supportWanted.map(Self.supportName).joined(separator: ", "),
                burdenAction: "/mantelzorgers/\(id)/belasting",
                burdenFields: burdenFields,
                burdenProblem: burden.unplaced(),
                burdenProblemID: burden.problemID,
                respiteAction: "/mantelzorgers/\(id)/respijtzorg",
                respiteQuestion: respiteQuestion,
                respiteDuration: respiteDuration,
                respiteProblem: respite.unplaced(),
                respiteProblemID: respite.problemID,
                respiteButtonID: "respite-\(short)"
            )
        }
        let model = CarersPage(rows: rows, isEmpty: rows.isEmpty)
        return Page(template: "carers", title: "Mantelzorgers onder druk", model: model, section: "/mantelzorgers", problems: problems)
    }

    static func supportName(_ support: String) -> String {
        switch InformalCarer.Support(rawValue: support) {
        case .information: "informatie en advies"
        case .respite: "respijtzorg"
        case .practicalHelp: "praktische hulp"
        case .peers: "lotgenotencontact"
        case nil: support
        }
    }
}

/// The data of `carers.mustache`.
struct CarersPage: Sendable {
    struct Row: Sendable {
        var anchor: String
        var name: String
        var burden: Int
        var hoursPerWeek: Int
        var since: String
        var district: String
        var contact: String
        var caresForClient: Bool
        var supportWanted: String
        var burdenAction: String
        var burdenFields: [FieldView]
        var burdenProblem: String?
        var burdenProblemID: String
        var respiteAction: String
        var respiteQuestion: FieldView
        var respiteDuration: FieldView
        var respiteProblem: String?
        var respiteProblemID: String
        var respiteButtonID: String
    }

    var rows: [Row]
    var isEmpty: Bool
}
