import Contracts
import Foundation
import ServiceHTTP
import StaffPages

/// The data of `request-detail.mustache`, and how it is built from `RequestDetails`. The forms
/// on the page (clarify, answer, indication, matching, close) each have their own id prefix, so
/// a form that comes back shows its errors next to its own fields.
struct RequestDetailPage: Sendable {
    var heading: String
    var facts: [PersonDetailPage.Fact]
    var personHref: String?
    var requestText: String
    var clarifiedQuestion: String?
    var deadlines: [DeadlineRow]
    var hasDeadlines: Bool
    var routes: [RouteRow]
    var hasRoutes: Bool
    var referrals: [ReferralRow]
    var hasReferrals: Bool
    var consents: [ConsentRow]
    var hasConsents: Bool
    var conversations: [ConversationRow]
    var hasConversations: Bool
    var decisions: [DecisionRow]
    var hasDecisions: Bool
    var isOpen: Bool
    var canPassOn: Bool
    var passOnHref: String
    var conversationHref: String
    var clarifyAction, answerAction, indicationAction, matchingAction, closeAction: String
    var clarifyQuestion: FieldView
    var clarifyCategories: ChoiceGroupView
    var clarifyUrgency: ChoiceGroupView
    var clarifyCommittee: ChoiceGroupView?
    var answerText: FieldView
    var indicationFindings: FieldView
    var matchingTask: FieldView
    var matchingCertificate: ChoiceGroupView
    /// When the help is wanted: the days and the parts of the day (every day × every part ticked).
    var matchingDays, matchingParts: ChoiceGroupView
    var matchingDuration: FieldView
    var closeOutcome: FieldView
    var closeReason: FieldView
    /// A refusal of the sent form that belongs to none of its fields (e.g. the request's state).
    var clarifyProblem, answerProblem, indicationProblem, matchingProblem, closeProblem, insufficientProblem: String?
    /// The form to report that the decided arrangement no longer suffices (after a decision).
    var insufficientAction: String?
    var insufficientReportedBy: FieldView?
    var insufficientReason: FieldView?

    struct DeadlineRow: Sendable {
        var deadlineKind, dueDay, deadlineStatus, tone: String
    }

    struct RouteRow: Sendable {
        var routeKind, routeState, openedAt: String
        var routePartner: String?
        var routeNote: String?
    }

    struct ReferralRow: Sendable {
        var referralPartner, referralStatus, passedOnAt, acceptDue, contactDue: String
        var escalationText: String?
        var completionText: String?
    }

    struct ConsentRow: Sendable {
        var consentPartner, consentItems, givenAt: String
        var withdrawnAt: String?
        var withdrawAction: String?
    }

    struct ConversationRow: Sendable {
        var heldAt, conversationPlace, participants: String
        var conversationQuestion, ownStrength, needed, intendedResult: String?
    }

    struct DecisionRow: Sendable {
        var decidedAt, decisionSummary, letterHref: String
    }

    /// Which form on the page was sent.
    enum Form: String, Sendable {
        case clarify, answer, indication, matching, close, insufficient
    }

    /// A form of the page that came back with errors.
    struct Failed {
        var form: Form
        var submitted: FormData
        var errors: [FrontDeskError]
    }

    /// The page for `details`; `failed` re-renders one form with its errors (status 422, or the
    /// conflict's status when the problem is the request's state rather than a field).
    static func page(_ details: RequestDetails, staff: StaffMember, failed: Failed?) -> Page {
        let request = details.request
        let id = request.id.uuidString.lowercased()
        func form(_ which: Form, fieldOf: @escaping (FrontDeskError) -> String? = { $0.field }) -> DeskForm {
            guard let failed, failed.form == which else { return DeskForm(prefix: "\(which.rawValue)-") }
            return DeskForm(prefix: "\(which.rawValue)-", submitted: failed.submitted, errors: failed.errors, fieldOf: fieldOf)
        }
        let clarify = form(.clarify) { $0.field == "clarifiedQuestion" ? "question" : $0.field }
        let answer = form(.answer)
        let indication = form(.indication)
        let matching = form(.matching)
        let close = form(.close) { error in
            // Open routes are closed with a reason: the message belongs next to that field.
            if case .routesStillOpen = error { return "reason" }
            return error.field == "closeReason" ? "reason" : error.field
        }
        var model = RequestDetailPage(
            heading: "\(request.kind.dutchName) \(DutchFormat.shortID(request.id))",
            facts: facts(of: details),
            personHref: request.personID.map { "/personen/\($0.uuidString.lowercased())" },
            requestText: request.text,
            clarifiedQuestion: request.clarifiedQuestion,
            deadlines: details.deadlines.map { deadline in
                let status = deadline.status(on: DutchFormat.day(of: Date()))
                return DeadlineRow(
                    deadlineKind: deadline.kind.dutchName,
                    dueDay: deadline.dueDay.dutchFormatted,
                    deadlineStatus: status.dutchName,
                    tone: status.rawValue
                )
            },
            hasDeadlines: !details.deadlines.isEmpty,
            routes: request.routes.map { route in
                RouteRow(
                    routeKind: route.kind.dutchName,
                    routeState: route.state.dutchName,
                    openedAt: DutchFormat.dateTime(route.openedAt),
                    routePartner: route.partnerID?.rawValue,
                    routeNote: route.note
                )
            },
            hasRoutes: !request.routes.isEmpty,
            referrals: details.referrals.map { view in
                ReferralRow(
                    referralPartner: view.referral.partnerID.rawValue,
                    referralStatus: view.referral.status.dutchName,
                    passedOnAt: DutchFormat.dateTime(view.referral.passedOnAt),
                    acceptDue: view.acceptDue.dutchFormatted,
                    contactDue: view.contactDue.dutchFormatted,
                    escalationText: view.escalation?.message,
                    completionText: view.completionSummary
                )
            },
            hasReferrals: !details.referrals.isEmpty,
            consents: details.consents.map { consent in
                ConsentRow(
                    consentPartner: consent.partnerID.rawValue,
                    consentItems: consent.items.sorted().map(\.dutchName).joined(separator: ", "),
                    givenAt: DutchFormat.dateTime(consent.givenAt),
                    withdrawnAt: consent.withdrawnAt.map(DutchFormat.dateTime),
                    withdrawAction: consent.isInForce ? "/toestemmingen/\(consent.id.uuidString.lowercased())/intrekken" : nil
                )
            },
            hasConsents: !details.consents.isEmpty,
            conversations: details.conversations.map { conversation in
                ConversationRow(
                    heldAt: DutchFormat.dateTime(conversation.heldAt),
                    conversationPlace: DutchFormat.place(conversation.place),
                    participants: conversation.participants.map { "\($0.name) (\(DutchFormat.participant($0.role).lowercased()))" }
                        .joined(separator: ", "),
                    conversationQuestion: conversation.clarifiedQuestion,
                    ownStrength: conversation.ownStrength,
                    needed: conversation.needed,
                    intendedResult: conversation.intendedResult
                )
            },
            hasConversations: !details.conversations.isEmpty,
            decisions: details.decisions.map { decision in
                DecisionRow(
                    decidedAt: DutchFormat.date(decision.decidedAt),
                    decisionSummary: decision.lines.map { "\($0.category.dutchName): \($0.granted ? "toegekend" : "afgewezen")" }
                        .joined(separator: "; "),
                    letterHref: "/beschikkingen/\(decision.decisionId.uuidString.lowercased())/brief"
                )
            },
            hasDecisions: !details.decisions.isEmpty,
            isOpen: request.status != .closed,
            canPassOn: request.status != .closed && request.personID != nil,
            passOnHref: "/hulpvragen/\(id)/doorverwijzen",
            conversationHref: "/hulpvragen/\(id)/gesprek",
            clarifyAction: "/hulpvragen/\(id)/verheldering",
            answerAction: "/hulpvragen/\(id)/beantwoorden",
            indicationAction: "/hulpvragen/\(id)/indicatie",
            matchingAction: "/hulpvragen/\(id)/matching",
            closeAction: "/hulpvragen/\(id)/afsluiten",
            clarifyQuestion: clarify.textarea(
                "question",
                label: "Verhelderde vraag",
                value: request.clarifiedQuestion,
                hint: "Deze vraag gaat mee naar de partner of de indicatie; zonder naam of BSN.",
                rows: 4
            ),
            clarifyCategories: RequestPages.domainChoices(clarify, checked: request.categories),
            clarifyUrgency: RequestPages.urgencyChoices(clarify, checked: request.urgency),
            clarifyCommittee: request.kind == .complaint
                ? clarify.choices(
                    "complaintsCommittee",
                    legend: "Klachtencommissie",
                    options: [
                        (
                            value: "ja", label: "Een klachtencommissie adviseert",
                            hint: "De afhandeltermijn wordt dan 10 weken na ontvangst in plaats van 6."
                        )
                    ],
                    checked: request.complaintsCommittee ? ["ja"] : []
                ) : nil,
            answerText: answer.textarea(
                "answer",
                label: "Gegeven antwoord",
                hint: "Informatie, advies of een algemene voorziening.",
                rows: 3
            ),
            indicationFindings: indication.textarea(
                "findings",
                label: "Bevindingen (optioneel)",
                hint: "Leeg laten: de bevindingen uit het laatste gesprek gaan mee.",
                rows: 3
            ),
            matchingTask: matching.select(
                "task",
                label: "Soort hulp",
                options: VolunteerTask.allCases.map { ($0.rawValue, DutchFormat.task($0)) },
                blank: "Kies de soort hulp"
            ),
            matchingCertificate: matching.choices(
                "certificateRequired",
                legend: "Verklaring omtrent gedrag",
                options: [(value: "ja", label: "Een VOG is nodig", hint: "Altijd bij respijtzorg en maatjes voor jongeren.")]
            ),
            matchingDays: matching.choices(
                "days",
                legend: "Op welke dagen",
                options: zip(DaySlot.weekdays, ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]).map {
                    (value: $0, label: $1, hint: nil)
                },
                hint: "Niets aangevinkt: elke dag."
            ),
            matchingParts: matching.choices(
                "parts",
                legend: "Welke dagdelen",
                options: zip(DaySlot.parts, ["ochtend", "middag", "avond"]).map { (value: $0, label: $1, hint: nil) },
                hint: "Niets aangevinkt: elk dagdeel."
            ),
            matchingDuration: matching.input(
                "durationWeeks",
                label: "Hoeveel weken (optioneel)",
                hint: "1 tot 104 weken; leeg: geen vaste einddatum.",
                type: "number",
                width: "narrow"
            ),
            closeOutcome: close.select(
                "outcome",
                label: "Uitkomst",
                options: RequestOutcome.allCases.map { ($0.rawValue, $0.dutchName) },
                selected: RequestOutcome.resolved.rawValue
            ),
            closeReason: close.textarea(
                "reason",
                label: "Reden (nodig als er nog routes lopen of geen route is gekozen)",
                rows: 2
            ),
            clarifyProblem: nil,
            answerProblem: nil,
            indicationProblem: nil,
            matchingProblem: nil,
            closeProblem: nil
        )
        model.clarifyProblem = clarify.unplaced()
        model.answerProblem = answer.unplaced()
        model.indicationProblem = indication.unplaced()
        let insufficient = form(.insufficient)
        if !details.decisions.isEmpty {
            model.insufficientAction = "/hulpvragen/\(id)/arrangement-tekort"
            model.insufficientReportedBy = insufficient.input(
                "reportedBy",
                label: "Gemeld door",
                hint: "Het team of de organisatie, bijvoorbeeld Wijkteam Arnhem-Oost. Geen namen van personen.",
                maxLength: 200
            )
            model.insufficientReason = insufficient.textarea(
                "reason",
                label: "Wat schiet tekort",
                hint: "Zonder namen, adres of andere gegevens van de burger: die gaan niet mee naar de indicatiestelling.",
                rows: 3
            )
            model.insufficientProblem = insufficient.unplaced()
        }
        model.matchingProblem = matching.unplaced()
        model.closeProblem = close.unplaced()
        var problems: [SummaryItem] = []
        var status = 200
        if let failed {
            let state = [clarify, answer, indication, matching, close, insufficient].first { $0.prefix == "\(failed.form.rawValue)-" }
            problems = state?.summary() ?? []
            // Problems shown at a field are input to correct (422); one about the request's state
            // alone keeps its own status (409 conflict).
            let isInputProblem = state?.unplaced() == nil || failed.errors.contains { $0.httpStatus == 422 }
            status = isInputProblem ? 422 : (failed.errors.first?.httpStatus ?? 422)
        }
        return Page(
            template: "request-detail",
            title: model.heading,
            status: .init(code: status),
            model: model,
            problems: problems
        )
    }

    private static func facts(of details: RequestDetails) -> [PersonDetailPage.Fact] {
        let request = details.request
        return [
            .init(term: "Persoon", detail: details.personName ?? "Anoniem"),
            .init(term: "Status", detail: request.status.dutchName),
            .init(term: "Urgentie", detail: DutchFormat.urgency(request.urgency)),
            .init(term: "Leefgebieden", detail: DutchFormat.domains(request.categories)),
            .init(term: "Kanaal en melder", detail: "\(request.channel.dutchName), \(request.source.dutchName.lowercased())"),
            .init(term: "Ontvangen", detail: DutchFormat.dateTime(request.receivedAt)),
            .init(
                term: "Behandelaar",
                detail: [request.handler?.rawValue, request.team.map { "team \($0)" }].compactMap { $0 }.joined(separator: ", ")
            ),
        ] + (request.outcome.map { [.init(term: "Uitkomst", detail: $0.dutchName + (request.closeReason.map { ": \($0)" } ?? ""))] } ?? [])
    }
}
