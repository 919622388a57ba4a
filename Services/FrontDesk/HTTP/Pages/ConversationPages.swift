import Contracts
import Foundation
import ServiceHTTP
import StaffPages
import WorkingDays

/// Gesprek vastleggen (keukentafelgesprek): who took part, the clarified question, what the
/// citizen and their network do themselves, what is needed and the intended result.
struct ConversationPages: Sendable {
    let service: FrontDeskService

    /// Participant rows on the form; empty rows are ignored, so no script is needed to add one.
    static let rows = 4

    /// `GET /hulpvragen/{id}/gesprek`.
    func form(_ call: DeskCall) async throws -> PageResult {
        let details = try await service.requestDetails(try call.id(), by: call.staff)
        return .page(page(details, staff: call.staff, form: DeskForm(prefix: "conversation-")))
    }

    /// `POST /hulpvragen/{id}/gesprek`.
    func record(_ call: DeskCall) async throws -> PageResult {
        let id = try call.id()
        let form = call.form
        var problems: [FrontDeskError] = []
        var heldAt: Date?
        if let text = form.nonBlank("heldOn") {
            do throws(FrontDeskError) {
                let day = try LocalDate.parse(text, field: "heldOn", label: "Datum van het gesprek")
                // Today means now; an earlier day is recorded at noon, so the day is right in any zone.
                if day != DutchFormat.day(of: Date()) { heldAt = DutchFormat.startOfDay(day).addingTimeInterval(12 * 3600) }
            } catch { problems.append(error) }
        }
        let place = ConversationPlace(rawValue: form["place"] ?? "") ?? .desk
        let participants: [Conversation.Participant] = (1...Self.rows).compactMap { row in
            guard let name = form.nonBlank("participantName\(row)"),
                let role = ParticipantRole(rawValue: form["participantRole\(row)"] ?? "")
            else { return nil }
            return Conversation.Participant(role: role, name: name)
        }
        let categories = form.values("categories").compactMap(LifeDomain.init(rawValue:))
        let input = ConversationInput(
            heldAt: heldAt,
            place: place,
            participants: participants,
            clarifiedQuestion: form.nonBlank("clarifiedQuestion"),
            ownStrength: form.nonBlank("ownStrength"),
            needed: form.nonBlank("needed"),
            intendedResult: form.nonBlank("intendedResult"),
            // No box ticked keeps the request's life domains rather than clearing them.
            categories: categories.isEmpty ? nil : categories
        )
        do {
            try InputProblems.check(problems)
            _ = try await service.recordConversation(id, input, by: call.staff)
            return .redirect(to: "/hulpvragen/\(id.uuidString.lowercased())", flash: "Het gesprek is vastgelegd.")
        } catch let error as InputProblems {
            return try await failed(call, id: id, errors: error.problems)
        } catch let error as FrontDeskError where ![404, 403].contains(error.httpStatus) {
            return try await failed(call, id: id, errors: [error])
        }
    }

    private func failed(_ call: DeskCall, id: UUID, errors: [FrontDeskError]) async throws -> PageResult {
        let details = try await service.requestDetails(id, by: call.staff)
        var page = page(details, staff: call.staff, form: DeskForm(prefix: "conversation-", submitted: call.form, errors: errors))
        page.status = .init(code: 422)
        return .page(page)
    }

    private func page(_ details: RequestDetails, staff: StaffMember, form: DeskForm) -> Page {
        let request = details.request
        let id = request.id.uuidString.lowercased()
        let roles = ParticipantRole.allCases.map { (value: $0.rawValue, label: DutchFormat.participant($0)) }
        let defaults: [(ParticipantRole, String)] = [(.consultant, staff.displayName), (.citizen, details.personName ?? "")]
        let group = form.fieldset("participants", hint: "Vul per deelnemer de rol en de naam in; lege regels tellen niet mee.")
        let rows = (1...Self.rows).map { row in
            let preset = row <= defaults.count ? defaults[row - 1] : nil
            return ConversationPage.ParticipantRow(
                rowNumber: row,
                role: form.select(
                    "participantRole\(row)",
                    label: "Rol deelnemer \(row)",
                    options: roles,
                    selected: (preset?.0 ?? .informalCarer).rawValue
                ),
                name: form.input(
                    "participantName\(row)",
                    label: "Naam deelnemer \(row)",
                    value: preset?.1,
                    autocomplete: "off",
                    maxLength: 100
                )
            )
        }
        let model = ConversationPage(
            requestHref: "/hulpvragen/\(id)",
            requestLabel: "\(request.kind.dutchName) \(DutchFormat.shortID(request.id))",
            action: "/hulpvragen/\(id)/gesprek",
            heldOn: form.input(
                "heldOn",
                label: "Datum van het gesprek",
                value: DutchFormat.day(of: Date()).dutchFormatted,
                hint: "Bijvoorbeeld 31-03-2026.",
                maxLength: 10,
                width: "medium"
            ),
            place: form.select(
                "place",
                label: "Plaats",
                options: ConversationPlace.allCases.map { ($0.rawValue, DutchFormat.place($0)) },
                selected: ConversationPlace.home.rawValue
            ),
            participantsID: group.id,
            participantsError: group.error,
            participantsDescribedBy: group.describedBy,
            participants: rows,
            clarifiedQuestion: form.textarea(
                "clarifiedQuestion",
                label: "Verhelderde vraag",
                value: request.clarifiedQuestion,
                hint: "Wordt de vraag van de hulpvraag; zonder naam of BSN.",
                rows: 3
            ),
            ownStrength: form.textarea("ownStrength", label: "Wat doen de burger en het netwerk zelf", rows: 3),
            needed: form.textarea("needed", label: "Wat is nodig", rows: 3),
            intendedResult: form.textarea("intendedResult", label: "Beoogd resultaat", rows: 3),
            categories: RequestPages.domainChoices(form, checked: request.categories)
        )
        return Page(
            template: "conversation",
            title: "Gesprek vastleggen",
            status: .ok,
            model: model.with(formProblem: form.unplaced()),
            problems: form.summary()
        )
    }
}

/// The data of `conversation.mustache`.
struct ConversationPage: Sendable, FormPage {
    var formProblem: String? = nil
    var requestHref, requestLabel, action: String
    var heldOn, place: FieldView
    var participantsID: String
    var participantsError: String?
    var participantsDescribedBy: String?
    var participants: [ParticipantRow]
    var clarifiedQuestion, ownStrength, needed, intendedResult: FieldView
    var categories: ChoiceGroupView

    struct ParticipantRow: Sendable {
        var rowNumber: Int
        var role: FieldView
        var name: FieldView
    }
}
