import Contracts
import Foundation
import ServiceHTTP
import StaffPages

/// Hulpvraag aannemen en bekijken: the intake form for a person, and the request's page with
/// its deadlines, routes, referrals, consents, conversations and decisions.
struct RequestPages: Sendable {
    let service: FrontDeskService

    // MARK: Intake

    /// `GET /personen/{id}/hulpvragen/nieuw`.
    func newForm(_ call: DeskCall) async throws -> PageResult {
        let record = try await service.person(try call.id(), context: "hulpvraag aannemen", by: call.staff)
        return .page(Self.newPage(person: record.person, form: DeskForm(prefix: "request-")))
    }

    /// `POST /personen/{id}/hulpvragen/nieuw`: takes the request; the staff member handles it.
    func receive(_ call: DeskCall) async throws -> PageResult {
        let personID = try call.id()
        let form = call.form
        var problems: [FrontDeskError] = []
        let kind = RequestKind(rawValue: form["kind"] ?? "")
        if kind == nil { problems.append(.missingField(field: "kind", label: "Soort hulpvraag")) }
        let channel = IntakeChannel(rawValue: form["channel"] ?? "")
        if channel == nil { problems.append(.missingField(field: "channel", label: "Kanaal")) }
        let source = RequestSource(rawValue: form["source"] ?? "")
        if source == nil { problems.append(.missingField(field: "source", label: "Wie meldt")) }
        let urgency = form.nonBlank("urgency").flatMap(Urgency.init(rawValue:))
        problems += FieldRules.text(
            form["text"],
            field: "text",
            label: "De hulpvraag",
            max: FieldRules.maxRequestTextLength
        )
        do {
            try InputProblems.check(problems)
            guard let kind, let channel, let source else { throw PageError.notFound }
            let request = try await service.receiveRequest(
                RequestInput(
                    personId: personID,
                    kind: kind,
                    channel: channel,
                    source: source,
                    categories: form.values("categories").compactMap(LifeDomain.init(rawValue:)),
                    text: form["text"] ?? "",
                    urgency: urgency
                ),
                by: call.staff
            )
            return .redirect(
                to: "/hulpvragen/\(request.id.uuidString.lowercased())",
                flash: "De hulpvraag is aangenomen. Verhelder de vraag of leg het gesprek vast."
            )
        } catch let error as InputProblems {
            return try await failedIntake(call, personID: personID, errors: error.problems)
        } catch let error as FrontDeskError where error.field != nil {
            return try await failedIntake(call, personID: personID, errors: [error])
        }
    }

    private func failedIntake(_ call: DeskCall, personID: UUID, errors: [FrontDeskError]) async throws -> PageResult {
        let record = try await service.person(personID, context: "hulpvraag aannemen", by: call.staff)
        var page = Self.newPage(person: record.person, form: DeskForm(prefix: "request-", submitted: call.form, errors: errors))
        page.status = .init(code: 422)
        return .page(page)
    }

    static func newPage(person: Person, form: DeskForm) -> Page {
        let model = RequestNewPage(
            person: PersonRow(person),
            kind: form.choices(
                "kind",
                legend: "Soort hulpvraag",
                type: "radio",
                options: RequestKind.allCases.map { (value: $0.rawValue, label: $0.dutchName, hint: RequestPages.kindHint($0)) },
                checked: [RequestKind.notification.rawValue]
            ),
            channel: form.select(
                "channel",
                label: "Kanaal",
                options: IntakeChannel.allCases.map { ($0.rawValue, $0.dutchName) },
                selected: IntakeChannel.counter.rawValue
            ),
            source: form.select(
                "source",
                label: "Wie meldt",
                options: RequestSource.allCases.map { ($0.rawValue, $0.dutchName) },
                selected: RequestSource.citizen.rawValue
            ),
            text: form.textarea(
                "text",
                label: "De hulpvraag in de woorden van de burger (verplicht)",
                hint: "Maximaal \(FieldRules.maxRequestTextLength) tekens.",
                rows: 6,
                required: true
            ),
            categories: RequestPages.domainChoices(form, checked: []),
            urgency: RequestPages.urgencyChoices(form, checked: .normal)
        )
        return Page(
            template: "request-new",
            title: "Hulpvraag aannemen voor \(person.displayName)",
            status: .ok,
            model: model.with(formProblem: form.unplaced()),
            section: NavSection.persons.href,
            problems: form.summary()
        )
    }

    // MARK: Request page

    /// `GET /hulpvragen/{id}`.
    func detail(_ call: DeskCall) async throws -> PageResult {
        let details = try await service.requestDetails(try call.id(), by: call.staff)
        return .page(RequestDetailPage.page(details, staff: call.staff, failed: nil))
    }

    // MARK: Shared controls

    /// The thirteen life domains as checkboxes.
    static func domainChoices(_ form: DeskForm, checked: [LifeDomain], name: String = "categories") -> ChoiceGroupView {
        form.choices(
            name,
            legend: "Leefgebieden",
            options: LifeDomain.allCases.map { (value: $0.rawValue, label: $0.dutchName, hint: nil) },
            checked: Set(checked.map(\.rawValue)),
            hint: "Kies de leefgebieden van de zelfredzaamheidsmatrix waar de vraag over gaat."
        )
    }

    /// Crisis, high or normal, as radio buttons.
    static func urgencyChoices(_ form: DeskForm, checked: Urgency) -> ChoiceGroupView {
        form.choices(
            "urgency",
            legend: "Urgentie",
            type: "radio",
            options: Urgency.allCases.map { urgency in
                (
                    value: urgency.rawValue, label: DutchFormat.urgency(urgency),
                    hint: urgency == .crisis ? "Tijdelijke voorziening nog dezelfde dag." : nil
                )
            },
            checked: [checked.rawValue]
        )
    }

    static func kindHint(_ kind: RequestKind) -> String {
        switch kind {
        case .question: "Een eenvoudige vraag: informatie of advies."
        case .notification: "Een melding: onderzoek binnen 6 weken."
        case .application: "Een aanvraag: beschikking binnen 2 weken."
        case .complaint: "Een klacht: afhandeling binnen 6 weken."
        }
    }
}

/// The data of `request-new.mustache`.
struct RequestNewPage: Sendable, FormPage {
    var formProblem: String? = nil
    var person: PersonRow
    var kind: ChoiceGroupView
    var channel, source, text: FieldView
    var categories, urgency: ChoiceGroupView
}
