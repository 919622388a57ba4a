import Contracts
import StaffPages

/// How indication's pages write its codes in Dutch.
extension DutchFormat {
    /// Why a case is on the work list.
    static func reason(_ reason: WorkListItem.Reason) -> String {
        switch reason {
        case .new: "Nieuw"
        case .awaitingAdvice: "Wacht op advies"
        case .adviceOverdue: "Advies te laat"
        case .decisionOverdue: "Beslistermijn verstreken"
        case .informalSupportFailed: "Geen vrijwilliger gevonden"
        case .reviewDue: "Herbeoordeling nadert"
        case .receiptMissing: "Ontvangstbericht aanbieder ontbreekt"
        case .allocationRejected: "Toewijzing geweigerd door aanbieder"
        case .providerRequest: "Verzoek van aanbieder"
        case .providerRequestOverdue: "Verzoek van aanbieder: termijn verstreken"
        case .arrangementInsufficient: "Arrangement schiet tekort (melding wijkteam)"
        case .expertiseTeam: "Expertiseteam"
        }
    }

    /// Where a case stands.
    static func status(_ status: IndicationCase.Status) -> String {
        switch status {
        case .received: "Ontvangen"
        case .awaitingAdvice: "Wacht op advies"
        case .assessing: "In onderzoek"
        case .decided: "Besloten"
        }
    }

    /// Who assesses the case.
    static func route(_ route: AssessmentRoute) -> String {
        switch route {
        case .municipality: "Gemeente"
        case .independentAssessor: "Onafhankelijke indicatiesteller (advies)"
        case .expertiseTeam: "Expertiseteam"
        }
    }

    /// Where a line of the arrangement stands.
    static func lineStatus(_ status: ArrangementLine.Status) -> String {
        switch status {
        case .open: "Open"
        case .decided: "Besloten"
        case .requested: "Gevraagd aan matching"
        case .matched: "Vrijwilliger gevonden"
        case .failed: "Geen vrijwilliger: zoek een alternatief"
        }
    }

    /// The unit of a volume.
    static func unit(_ unit: ArrangementLine.Unit) -> String {
        switch unit {
        case .hoursPerWeek: "uur per week"
        case .dayPartsPerWeek: "dagdelen per week"
        case .daysPerYear: "dagen per jaar"
        case .tripsPerYear: "ritten per jaar"
        case .unit: "stuks"
        }
    }

    /// In kind or personal budget.
    static func form(_ form: DecisionLine.Form) -> String {
        switch form {
        case .inKind: "Zorg in natura"
        case .personalBudget: "Persoonsgebonden budget (pgb)"
        }
    }
}
