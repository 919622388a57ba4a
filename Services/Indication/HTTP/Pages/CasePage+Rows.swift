import Contracts
import Foundation
import StaffPages
import WorkingDays

/// The rows and facts of the case page, each from one stored record.
extension CasePage {
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
