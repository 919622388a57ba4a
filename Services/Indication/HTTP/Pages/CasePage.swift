import Contracts
import Foundation
import StaffPages
import WorkingDays

/// The data of `case.mustache`: one case with its scores over time, the profile, the
/// arrangement in layers, the forms, the decisions and the allocations.
struct CasePage: Sendable {
    /// The forms of the page.
    enum Form: String, Sendable {
        case scores, profile, line, decision, providerRequest

        /// The section a form returns to after a POST.
        var anchor: String {
            switch self {
            case .scores: "scores"
            case .profile: "profiel"
            case .line: "arrangement"
            case .decision: "besluit"
            case .providerRequest: "verzoeken"
            }
        }
    }

    /// A form that came back with errors.
    struct Failed {
        var form: Form
        var submitted: FormData
        var errors: [IndicationError]
    }

    struct Fact: Sendable {
        var term: String
        var value: String
    }

    struct ScoreRow: Sendable {
        var domain: String
        var cells: [String]
    }

    struct LineRow: Sendable {
        var layer: String
        var deliveredBy: String
        var activity: String
        var what: String
        var volume: String
        var intendedResult: String
        var reason: String
        var lineState: String
    }

    /// A control of the add-line form: a select or a text input.
    struct LineControl: Sendable {
        var select: FieldView?
        var input: FieldView?
    }

    /// The fields of the decision on one open line.
    struct LineDecisionForm: Sendable {
        var legend: String
        var idName: String
        var idValue: String
        var granted: ChoiceGroupView
        var grounds: FieldView
        var form: FieldView
        var validFrom: FieldView
        var validUntil: FieldView
        var provider: FieldView
    }

    struct DecisionRow: Sendable {
        var decidedAt: String
        var decidedBy: String
        var outcomes: [String]
        var review: String
    }

    /// A provider's request, with the answer form while it is open.
    struct ProviderRequestRow: Sendable {
        var requestID: String
        var kindName: String
        var provider: String
        var what: String
        var reason: String
        var receivedAt: String
        var requestState: String
        var answerAction: String?
        var answerChoices: ChoiceGroupView?
        var answerExplanation: FieldView?
        var answerProblem: String?
        var answerProblemID: String
    }

    struct AllocationRow: Sendable {
        var provider: String
        var category: String
        var period: String
        var allocationState: String
    }

    var heading: String
    var facts: [Fact]
    var question: String
    var findings: String
    var takeAction: String?
    var isOpen: Bool
    var closedNote: String?
    // Scores
    var scoreHeaders: [String]
    var scoreRows: [ScoreRow]
    var hasAssessments: Bool
    var scoresAction: String
    var scoreFields: [FieldView]
    var scoreNotes: FieldView
    var scoresProblem: String?
    // Profile
    var suggestion: String?
    var currentProfile: String?
    var profileAction: String
    var profileSelect: FieldView
    var profileReason: FieldView
    var profileProblem: String?
    // Arrangement
    var lines: [LineRow]
    var hasLines: Bool
    var lineAction: String
    var lineFields: [LineControl]
    var lineTextareas: [FieldView]
    var lineReason: FieldView
    var lineProblem: String?
    // Decision
    var decisionAction: String
    var decisionLines: [LineDecisionForm]
    var hasOpenLines: Bool
    var reviewDate: FieldView
    var ownContribution: ChoiceGroupView
    var incomeTested: ChoiceGroupView
    var decisionProblem: String?
    var decisions: [DecisionRow]
    var hasDecisions: Bool
    var allocations: [AllocationRow]
    var hasAllocations: Bool
    var providerRequests: [ProviderRequestRow]
    var hasProviderRequests: Bool

    /// The page for `details`; `failed` shows one form again with its errors.
    static func page(_ details: CaseDetails, assessor: Assessor, settings: IndicationSettings, failed: Failed?) -> Page {
        let item = details.indicationCase
        let base = CasePages.path(item.id)
        func form(_ which: Form, fieldOf: @escaping (IndicationError) -> String? = { $0.field }) -> AssessorForm {
            guard let failed, failed.form == which else { return AssessorForm(prefix: "\(which.rawValue)-") }
            return AssessorForm(prefix: "\(which.rawValue)-", submitted: failed.submitted, errors: failed.errors, fieldOf: fieldOf)
        }
        let open = details.arrangement.filter(\.awaitsDecision)
        let scores = form(.scores) { error in
            if case .scoreOutOfRange(let domain, _) = error { return "score-\(domain.rawValue)" }
            return error.field
        }
        let profile = form(.profile)
        let line = form(.line)
        let decision = form(.decision) { error in lineField(error, open: open) ?? error.field }

        let latest = details.assessments.last?.assessment.scores
        let scoreFields = LifeDomain.allCases.map { domain in
            scores.select(
                "score-\(domain.rawValue)",
                label: domain.dutchName,
                options: MatrixScores.range.map { ("\($0)", scoreLabel($0)) },
                selected: latest?[domain].map(String.init),
                blank: "Niet gescoord"
            )
        }
        let scoreNotes = scores.textarea(
            "notes",
            label: "Toelichting (optioneel)",
            hint: "Geen namen: de aanvraag kent de persoon alleen als pseudoniem.",
            rows: 3
        )

        let catalogue = settings.catalogue
        let profileSelect = profile.select(
            "profileId",
            label: "Cliëntprofiel",
            options: catalogue.profiles.map { ("\($0.id)", "\($0.id). \($0.name)") },
            selected: (item.profile?.profileID ?? details.suggestion?.profileID).map(String.init),
            blank: "Kies een profiel"
        )
        let profileReason = profile.textarea(
            "reason",
            label: "Reden (verplicht als u afwijkt van de suggestie)",
            rows: 2
        )

        let lineFields: [LineControl] = [
            .init(
                select: line.select("layer", label: "Laag", options: SupportLayer.allCases.map { ($0.rawValue, $0.dutchName) }, blank: "Kies de laag")
            ),
            .init(
                input: line.input(
                    "deliveredBy",
                    label: "Wie levert het",
                    hint: "Bijvoorbeeld: de dochter, het buurthuis, een aanbieder.",
                    maxLength: 200
                )
            ),
            .init(input: line.input("activity", label: "Wat", maxLength: 1000)),
            .init(
                select: line.select(
                    "category",
                    label: "Productcategorie (voor een maatwerkvoorziening)",
                    options: ProductCategory.allCases.map { ($0.rawValue, $0.dutchName) },
                    blank: "Geen"
                )
            ),
            .init(
                select: line.select(
                    "task",
                    label: "Taak (voor informele ondersteuning)",
                    options: VolunteerTask.allCases.map { ($0.rawValue, $0.dutchName) },
                    blank: "Geen"
                )
            ),
            .init(input: line.input("volume", label: "Omvang (optioneel)", hint: "Een getal, bijvoorbeeld 3 of 1,5.", width: "narrow")),
            .init(
                select: line.select(
                    "unit",
                    label: "Eenheid",
                    options: ArrangementLine.Unit.allCases.map { ($0.rawValue, DutchFormat.unit($0)) },
                    blank: "Geen"
                )
            ),
        ]
        let lineTextareas = [
            line.textarea("intendedResult", label: "Beoogd resultaat", rows: 2),
            line.textarea("reciprocalContribution", label: "Tegenprestatie (optioneel)", rows: 2),
        ]
        let lineReason = line.textarea(
            "whyEarlierLayersDoNotSuffice",
            label: "Waarom eigen kracht, netwerk, informele ondersteuning en algemene voorzieningen niet volstaan",
            hint: "Verplicht voor een maatwerkvoorziening.",
            rows: 3
        )

        let decisionLines = open.enumerated().map { index, openLine in
            let prefix = "l\(index)"
            let category = openLine.category
            // A line from a provider's request starts filled in as the provider asked.
            let asked = details.providerRequests.first { $0.lineID == openLine.id }
            let providers = settings.contracts.tariffs
                .filter { $0.key.municipality == item.municipality && category.map($0.value.keys.contains) == true }
                .map(\.key).sorted()
            return LineDecisionForm(
                legend: "\(category?.dutchName ?? "Maatwerkvoorziening"): \(openLine.activity)",
                idName: "\(prefix)-id",
                idValue: openLine.id.uuidString.lowercased(),
                granted: decision.choices(
                    "\(prefix)-granted",
                    legend: "Besluit",
                    type: "radio",
                    options: [("ja", "Toekennen", nil), ("nee", "Afwijzen", nil)]
                ),
                grounds: decision.textarea("\(prefix)-grounds", label: "Motivering", rows: 3),
                form: decision.select(
                    "\(prefix)-form",
                    label: "Vorm (bij toekennen)",
                    options: [DecisionLine.Form.inKind, .personalBudget].map { ($0.rawValue, DutchFormat.form($0)) },
                    selected: asked == nil ? nil : DecisionLine.Form.inKind.rawValue,
                    blank: "Kies de vorm"
                ),
                validFrom: decision.input(
                    "\(prefix)-validFrom",
                    label: "Geldig vanaf (bij toekennen)",
                    value: asked?.validFrom?.dutchFormatted,
                    hint: "Bijvoorbeeld 7-12-2026.",
                    width: "medium"
                ),
                validUntil: decision.input(
                    "\(prefix)-validUntil",
                    label: "Geldig tot en met (optioneel)",
                    value: asked?.validUntil?.dutchFormatted,
                    hint: "Bijvoorbeeld 6-12-2027.",
                    width: "medium"
                ),
                provider: decision.select(
                    "\(prefix)-provider",
                    label: "Gecontracteerde aanbieder (bij zorg in natura)",
                    options: providers.map { ($0.description, $0.description) },
                    selected: asked?.provider.description,
                    blank: providers.isEmpty ? "Geen aanbieder gecontracteerd" : "Kies de aanbieder"
                )
            )
        }
        let reviewDate = decision.input("reviewDate", label: "Herbeoordeling op (optioneel)", hint: "Bijvoorbeeld 1-6-2027.", width: "medium")
        let ownContribution = decision.choices(
            "ownContribution",
            legend: "Eigen bijdrage",
            options: [("ja", "De cliënt betaalt een eigen bijdrage (via het CAK)", nil)]
        )
        let incomeTested = decision.choices("incomeTested", legend: "Inkomenstoets", options: [("ja", "De inkomenstoets is gedaan", nil)])

        var requestForms: [AssessorForm] = []
        let requestRows = details.providerRequests.enumerated().map { index, request in
            let form =
                failed?.form == .providerRequest && failed?.submitted["verzoek"] == request.id.uuidString.lowercased()
                ? AssessorForm(prefix: "request\(index)-", submitted: failed?.submitted, errors: failed?.errors ?? [])
                : AssessorForm(prefix: "request\(index)-")
            requestForms.append(form)
            return providerRequestRow(request, index: index, form: form, base: base)
        }
        let isOpen = item.status == .received || item.status == .assessing
        let model = CasePage(
            heading: "Aanvraag \(DutchFormat.shortID(item.id))",
            facts: facts(details),
            question: item.question,
            findings: item.findings,
            takeAction: isOpen && item.assignee != assessor.id ? base + "/oppakken" : nil,
            isOpen: isOpen,
            closedNote: closedNote(item),
            scoreHeaders: details.assessments.map { DutchFormat.dateTime($0.assessment.assessedAt) },
            scoreRows: scoreRows(details),
            hasAssessments: !details.assessments.isEmpty,
            scoresAction: base + "/scores",
            scoreFields: scoreFields,
            scoreNotes: scoreNotes,
            scoresProblem: scores.unplaced(),
            suggestion: details.suggestion?.reason,
            currentProfile: details.profile.map { "\($0.id). \($0.name): \($0.typicalPattern)" },
            profileAction: base + "/profiel",
            profileSelect: profileSelect,
            profileReason: profileReason,
            profileProblem: profile.unplaced(),
            lines: details.arrangement.map(lineRow),
            hasLines: !details.arrangement.isEmpty,
            lineAction: base + "/onderdelen",
            lineFields: lineFields,
            lineTextareas: lineTextareas,
            lineReason: lineReason,
            lineProblem: line.unplaced(),
            decisionAction: base + "/besluit",
            decisionLines: decisionLines,
            hasOpenLines: !open.isEmpty,
            reviewDate: reviewDate,
            ownContribution: ownContribution,
            incomeTested: incomeTested,
            decisionProblem: decision.unplaced(),
            decisions: details.decisions.map { decisionRow($0, arrangement: details.arrangement) },
            hasDecisions: !details.decisions.isEmpty,
            allocations: details.allocations.map(allocationRow),
            hasAllocations: !details.allocations.isEmpty,
            providerRequests: requestRows,
            hasProviderRequests: !requestRows.isEmpty
        )
        let problems = ([scores, profile, line, decision] + requestForms).flatMap { $0.summary() }
        return Page(
            template: "case",
            title: model.heading,
            status: problems.isEmpty ? .ok : .init(code: 422),
            model: model,
            section: "/werklijst",
            problems: problems
        )
    }

    /// The decision form's field for a problem with one of the open lines.
    static func lineField(_ error: IndicationError, open: [ArrangementLine]) -> String? {
        func field(_ id: UUID, _ name: String) -> String? {
            open.firstIndex { $0.id == id }.map { "l\($0)-\(name)" }
        }
        switch error {
        case .decisionWithoutGrounds(let id): return field(id, "grounds")
        case .grantedLineIncomplete(let id): return field(id, "validFrom")
        case .providerMissing(let id): return field(id, "provider")
        case .validityEndsBeforeStart(let id): return field(id, "validUntil")
        case .lineNotDecided(let id): return field(id, "granted")
        default: return nil
        }
    }

    static func scoreLabel(_ score: Int) -> String {
        switch score {
        case 1: "1 – acute problematiek"
        case 2: "2 – niet zelfredzaam"
        case 3: "3 – beperkt zelfredzaam"
        case 4: "4 – voldoende zelfredzaam"
        default: "5 – volledig zelfredzaam"
        }
    }

    static func facts(_ details: CaseDetails) -> [Fact] {
        let item = details.indicationCase
        var facts = [
            Fact(term: "Stand", value: DutchFormat.status(item.status)),
            Fact(term: "Urgentie", value: item.urgency.dutchName),
            Fact(term: "Ontvangen", value: DutchFormat.dateTime(item.receivedAt)),
            Fact(
                term: "Beslissen uiterlijk",
                value: item.decisionDue.dutchFormatted + (details.overdue ? " (verstreken)" : "")
            ),
            Fact(term: "Indicatiesteller", value: item.assignee?.rawValue ?? "Nog niemand"),
            Fact(term: "Route", value: DutchFormat.route(item.route)),
            Fact(term: "Leefgebieden volgens het loket", value: item.domains.map(\.dutchName).joined(separator: ", ")),
            Fact(
                term: "Huishouden",
                value: "\(item.household.adults) volwassen(en), \(item.household.children) kind(eren), "
                    + "\(item.household.informalCarers) mantelzorger(s)"
            ),
        ]
        if item.reindications > 0 { facts.append(Fact(term: "Herindicaties", value: "\(item.reindications)")) }
        for report in details.arrangementReports {
            facts.append(
                Fact(
                    term: "Arrangement schiet tekort (\(DutchFormat.dateTime(report.receivedAt)))",
                    value: "\(report.reportedBy): \(report.reason)"
                )
            )
        }
        if let advice = item.advice {
            let state = advice.givenAt.map { "gegeven op \(DutchFormat.dateTime($0))" } ?? "gevraagd, nog niet ontvangen"
            facts.append(Fact(term: "Advies van \(advice.organisation)", value: "\(state)\(advice.text.map { ": \($0)" } ?? "")"))
        }
        return facts
    }

    static func closedNote(_ item: IndicationCase) -> String? {
        switch item.status {
        case .awaitingAdvice: "Deze aanvraag wacht op het advies van de onafhankelijke indicatiesteller."
        case .decided: "Over deze aanvraag is besloten. Een wijziging vraagt een herindicatie via het loket."
        default: nil
        }
    }

    /// One row per life domain, a cell per assessment: the score and the change since the one
    /// before (`3 (+1)`).
    static func scoreRows(_ details: CaseDetails) -> [ScoreRow] {
        LifeDomain.allCases.map { domain in
            ScoreRow(
                domain: domain.dutchName,
                cells: details.assessments.map { view in
                    guard let score = view.assessment.scores[domain] else { return "–" }
                    guard let change = view.changeSincePrevious[domain], change != 0 else { return "\(score)" }
                    return "\(score) (\(change > 0 ? "+" : "−")\(abs(change)))"
                }
            )
        }
    }

    static func lineRow(_ line: ArrangementLine) -> LineRow {
        LineRow(
            layer: line.layer.dutchName,
            deliveredBy: line.deliveredBy,
            activity: line.activity,
            what: line.category?.dutchName ?? line.task?.dutchName ?? "–",
            volume: line.volume.map { volume in
                let number = volume.rounded() == volume ? String(Int(volume)) : String(volume).replacingOccurrences(of: ".", with: ",")
                return "\(number) \(line.unit.map(DutchFormat.unit) ?? "")"
            } ?? "–",
            intendedResult: line.intendedResult,
            reason: line.whyEarlierLayersDoNotSuffice ?? "–",
            lineState: DutchFormat.lineStatus(line.status) + (line.statusReason.map { ": \($0)" } ?? "")
        )
    }

    static func decisionRow(_ decision: StoredDecision, arrangement: [ArrangementLine]) -> DecisionRow {
        DecisionRow(
            decidedAt: DutchFormat.dateTime(decision.decidedAt),
            decidedBy: decision.decidedBy.rawValue,
            outcomes: decision.lines.map { outcome in
                let line = arrangement.first { $0.id == outcome.lineID }
                let what = line?.category?.dutchName ?? "Onderdeel"
                guard outcome.granted else { return "\(what): afgewezen. \(outcome.grounds)" }
                let form = outcome.form.map(DutchFormat.form) ?? ""
                let from = outcome.validFrom?.dutchFormatted ?? ""
                let until = outcome.validUntil.map { " tot en met \($0.dutchFormatted)" } ?? ""
                return "\(what): toegekend (\(form), vanaf \(from)\(until)). \(outcome.grounds)"
            },
            review: decision.reviewDay?.dutchFormatted ?? "–"
        )
    }

    static func providerRequestRow(_ request: ProviderRequest, index: Int, form: AssessorForm, base: String) -> ProviderRequestRow {
        let state: String
        switch request.status {
        case .received: state = "Ontvangen; antwoord uiterlijk \(request.answerDue.dutchFormatted)"
        case .underInvestigation:
            state = "In onderzoek tot uiterlijk \(request.investigationDue?.dutchFormatted ?? "–")"
        case .accepted: state = "Akkoord; het besluit over het nieuwe onderdeel is het antwoord"
        case .granted: state = "Toegekend"
        case .refused: state = "Afgewezen: \(request.explanation ?? "")"
        }
        let volume =
            request.volume.map { " (\($0.formatted()) \(request.unit.flatMap(ArrangementLine.Unit.init(rawValue:)).map(DutchFormat.unit) ?? ""))" }
            ?? ""
        var row = ProviderRequestRow(
            requestID: request.id.uuidString.lowercased(),
            kindName: request.kind == .change ? "Wijziging (WMO317)" : "Nieuwe toewijzing (WMO315)",
            provider: request.provider.description,
            what: request.category.dutchName + volume,
            reason: request.reason,
            receivedAt: DutchFormat.dateTime(request.receivedAt),
            requestState: state,
            answerProblemID: form.problemID
        )
        guard request.status == .received || request.status == .underInvestigation else { return row }
        var options: [(value: String, label: String, hint: String?)] = [
            ("accept", "Akkoord: neem het op in het arrangement en beslis erover", nil),
            ("refuse", "Afwijzen", "Geef de toelichting die de aanbieder krijgt."),
        ]
        if request.status == .received {
            options.append(("investigate", "In onderzoek (uiterlijk 8 weken na ontvangst)", nil))
        }
        row.answerAction = "\(base)/verzoeken/\(request.id.uuidString.lowercased())"
        row.answerChoices = form.choices("answer", legend: "Antwoord aan de aanbieder", type: "radio", options: options)
        row.answerExplanation = form.textarea("explanation", label: "Toelichting", rows: 2)
        row.answerProblem = form.unplaced()
        return row
    }

    static func allocationRow(_ allocation: Allocation) -> AllocationRow {
        let state: String
        switch allocation.status {
        case .issued:
            state = allocation.escalatedAt == nil ? "Verstuurd, wacht op ontvangst" : "Ontvangstbericht ontbreekt (geëscaleerd)"
        case .acknowledged:
            state = allocation.startDate.map { "Zorg gestart op \($0.dutchFormatted)" } ?? "Ontvangen door de aanbieder"
        case .rejected: state = "Geweigerd: \(allocation.retourCodes.joined(separator: ", "))"
        case .withdrawn: state = "Ingetrokken (gecorrigeerd)"
        }
        return AllocationRow(
            provider: allocation.provider.description,
            category: allocation.category.dutchName,
            period: allocation.validFrom.dutchFormatted + (allocation.validUntil.map { " – \($0.dutchFormatted)" } ?? ""),
            allocationState: state
        )
    }
}
