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
}
