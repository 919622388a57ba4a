import Contracts
import Foundation
import ServiceHTTP
import StaffPages

/// Doorverwijzen: pass the request (not the person) to a partner, suggested from the social map
/// by the request's life domains and the person's district, with the citizen's consent for each
/// contact data item. Only the ticked items travel; the BSN and the history never do.
struct PassOnPages: Sendable {
    let service: FrontDeskService

    /// `GET /hulpvragen/{id}/doorverwijzen`.
    func form(_ call: DeskCall) async throws -> PageResult {
        .page(try await page(call, id: try call.id(), form: DeskForm(prefix: "passon-", fieldOf: Self.fieldOf)))
    }

    /// `POST /hulpvragen/{id}/doorverwijzen`.
    func passOn(_ call: DeskCall) async throws -> PageResult {
        let id = try call.id()
        let partner = call.form.nonBlank("partner") ?? ""
        let items = call.form.values("consentItems").compactMap(ContactDataItem.init(rawValue:))
        do {
            guard !partner.isEmpty else { throw FrontDeskError.missingField(field: "partner", label: "Partner") }
            let result = try await service.passOn(id, PassOnInput(partnerId: partner, consentItems: items), by: call.staff)
            let shared = result.consent.items.sorted().map { $0.dutchName.lowercased() }.joined(separator: ", ")
            return .redirect(
                to: "/hulpvragen/\(id.uuidString.lowercased())",
                flash: "De hulpvraag is doorgezet naar \(result.referral.partnerID). Gedeeld met toestemming: \(shared). "
                    + "De partner accepteert uiterlijk \(result.acceptDue.dutchFormatted) en neemt uiterlijk "
                    + "\(result.contactDue.dutchFormatted) contact op met de burger."
            )
        } catch let error as FrontDeskError where error.httpStatus != 403 && error != .requestNotFound {
            let form = DeskForm(prefix: "passon-", submitted: call.form, errors: [error], fieldOf: Self.fieldOf)
            var page = try await page(call, id: id, form: form)
            page.status = .init(code: error.field != nil || error.httpStatus == 422 ? 422 : error.httpStatus)
            return .page(page)
        }
    }

    /// Consent problems belong next to the consent boxes, partner problems next to the partners.
    static func fieldOf(_ error: FrontDeskError) -> String? {
        switch error {
        case .consentMissing, .consentWithoutReachableItem, .consentItemWithoutValue, .consentWithdrawn, .consentNotForPartner:
            "consentItems"
        default: error.field
        }
    }

    private func page(_ call: DeskCall, id: UUID, form: DeskForm) async throws -> Page {
        let details = try await service.requestDetails(id, by: call.staff)
        guard let personID = details.request.personID else { throw FrontDeskError.requestWithoutPerson }
        let record = try await service.person(personID, context: "doorverwijzen: toestemming vastleggen", by: call.staff)
        let suggestions = try await service.suggestions(for: id, by: call.staff)
        let map = try await service.socialMap(by: call.staff)
        let person = record.person

        let suggested = suggestions.filter { $0.partner.canReceiveReferrals }
        let suggestedIDs = Set(suggested.map(\.partner.id))
        let others = map.partners
            .filter { $0.canReceiveReferrals && !suggestedIDs.contains($0.id) }
            .sorted { $0.name < $1.name }
        let partnerOptions =
            suggested.map { suggestion in
                (
                    value: suggestion.partner.id.rawValue, label: suggestion.partner.name,
                    hint: Self.hint(for: suggestion) as String?
                )
            }
            + others.map { partner in
                (
                    value: partner.id.rawValue, label: partner.name,
                    hint: "Niet voorgesteld: past niet bij de leefgebieden of de wijk. \(partner.offer)" as String?
                )
            }
        let provisions = suggestions.filter { $0.partner.kind == .generalProvision }.map { suggestion in
            PassOnPage.Provision(provisionName: suggestion.partner.name, provisionOffer: suggestion.partner.offer)
        }
        let request = details.request
        let model = PassOnPage(
            requestHref: "/hulpvragen/\(id.uuidString.lowercased())",
            requestLabel: "\(request.kind.dutchName) \(DutchFormat.shortID(request.id))",
            action: "/hulpvragen/\(id.uuidString.lowercased())/doorverwijzen",
            question: request.clarifiedQuestion ?? "(nog niet verhelderd)",
            domains: DutchFormat.domains(request.categories),
            urgency: DutchFormat.urgency(request.urgency),
            district: person.district ?? "Onbekend",
            needsClarifying: request.status == .received,
            hasPartners: !partnerOptions.isEmpty,
            partner: form.choices(
                "partner",
                legend: "Partner",
                type: "radio",
                options: partnerOptions,
                checked: suggested.first.map { [$0.partner.id.rawValue] } ?? [],
                hint: "Voorgesteld uit de sociale kaart op leefgebied en wijk; de beste keuze staat bovenaan."
            ),
            provisions: provisions,
            hasProvisions: !provisions.isEmpty,
            consent: form.choices(
                "consentItems",
                legend: "Toestemming van de burger: welke gegevens mag de partner krijgen?",
                options: ContactDataItem.allCases.map { item in
                    (value: item.rawValue, label: item.dutchName, hint: Self.value(of: item, for: person))
                },
                hint: "Vraag het de burger per gegeven en vink alleen aan waar de burger ja op zegt. "
                    + "De partner moet de burger kunnen bereiken: kies telefoon, e-mail of adres. "
                    + "Het BSN, andere hulpvragen en de voorgeschiedenis gaan nooit mee."
            )
        )
        return Page(
            template: "pass-on",
            title: "Hulpvraag doorzetten naar een partner",
            status: .ok,
            model: model.with(formProblem: form.unplaced()),
            problems: form.summary()
        )
    }

    private static func hint(for suggestion: Suggestion) -> String {
        let scope = suggestion.scope == .district ? "Werkt in de wijk van de burger." : "Werkt in de hele gemeente."
        let domains = DutchFormat.domains(suggestion.matchedCategories.sorted { $0.dutchName < $1.dutchName })
        return "Aanbevolen. \(scope) Past bij: \(domains). \(suggestion.partner.offer)"
    }

    /// What would be shared for `item`, so the staff member can read it out to the citizen.
    private static func value(of item: ContactDataItem, for person: Person) -> String {
        let unknown = "Niet vastgelegd"
        switch item {
        case .name: return person.displayName
        case .phone: return person.phone ?? unknown
        case .email: return person.email ?? unknown
        case .address: return person.address.map { "\($0.streetLine), \($0.cityLine)" } ?? unknown
        case .preferredChannel: return person.preferredChannel.dutchName
        case .language: return (person.language ?? "Nederlands") + (person.needsInterpreter ? ", tolk nodig" : "")
        }
    }
}

/// The data of `pass-on.mustache`.
struct PassOnPage: Sendable, FormPage {
    var formProblem: String? = nil
    var requestHref, requestLabel, action: String
    var question, domains, urgency, district: String
    var needsClarifying: Bool
    var hasPartners: Bool
    var partner: ChoiceGroupView
    var provisions: [Provision]
    var hasProvisions: Bool
    var consent: ChoiceGroupView

    struct Provision: Sendable {
        var provisionName: String
        var provisionOffer: String
    }
}
