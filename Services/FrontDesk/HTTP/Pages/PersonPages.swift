import Contracts
import Foundation
import ServiceHTTP
import StaffPages

/// Persoon zoeken, registreren en bekijken. Every person shown is written to the access log by
/// the use cases, with the reason the staff member gave.
struct PersonPages: Sendable {
    let service: FrontDeskService

    // MARK: Search

    /// `GET /personen`: the search form.
    func searchForm(_ call: DeskCall) async throws -> PageResult {
        .page(Self.searchPage(form: DeskForm(prefix: "search-"), results: nil))
    }

    /// `POST /personen`: a search (POST, so a BSN never ends up in a URL, a log or the history).
    func search(_ call: DeskCall) async throws -> PageResult {
        let input = PersonSearch(
            bsn: call.form.nonBlank("bsn"),
            name: call.form.nonBlank("name"),
            birthDate: call.form.nonBlank("birthDate"),
            postcode: call.form.nonBlank("postcode"),
            reason: call.form.nonBlank("reason").flatMap(AccessLog.Reason.init(rawValue:)),
            reasonText: call.form.nonBlank("reasonText")
        )
        do {
            let found = try await service.searchPersons(input, by: call.staff)
            return .page(Self.searchPage(form: DeskForm(prefix: "search-", submitted: call.form), results: found))
        } catch let error as FrontDeskError where error.httpStatus == 422 {
            let form = DeskForm(prefix: "search-", submitted: call.form, errors: [error]) { error in
                error.code == "search-criteria-missing" ? "bsn" : error.field
            }
            var page = Self.searchPage(form: form, results: nil)
            page.status = .init(code: 422)
            return .page(page)
        }
    }

    static func searchPage(form: DeskForm, results: [Person]?) -> Page {
        let model = PersonSearchPage(
            bsn: form.input("bsn", label: "BSN", hint: "9 cijfers, van het identiteitsbewijs.", autocomplete: "off", maxLength: 12, width: "medium"),
            name: form.input("name", label: "Achternaam", maxLength: 100),
            birthDate: form.input("birthDate", label: "Geboortedatum", hint: "Bijvoorbeeld 31-03-1950.", maxLength: 10, width: "medium"),
            postcode: form.input("postcode", label: "Postcode", hint: "Bijvoorbeeld 6811 AB.", autocomplete: "off", maxLength: 7, width: "narrow"),
            reason: form.select(
                "reason",
                label: "Reden van het opzoeken",
                options: AccessLog.Reason.allCases.filter { $0 != .system }.map { ($0.rawValue, $0.dutchName) },
                selected: AccessLog.Reason.intake.rawValue,
                hint: "Komt in het toegangslogboek."
            ),
            reasonText: form.input(
                "reasonText",
                label: "Toelichting (optioneel)",
                hint: "Bijvoorbeeld ‘balie’ of ‘telefoon’; geen namen of BSN.",
                maxLength: 200
            ),
            searched: results != nil,
            results: (results ?? []).map {
                PersonRow($0, reason: form.submitted?.nonBlank("reason").flatMap(AccessLog.Reason.init(rawValue:)))
            },
            hasResults: !(results ?? []).isEmpty
        )
        return Page(
            template: "person-search",
            title: "Persoon zoeken",
            status: .ok,
            model: model.with(formProblem: form.unplaced()),
            section: NavSection.persons.href,
            problems: form.summary()
        )
    }

    // MARK: Register

    /// `GET /personen/nieuw`.
    func newForm(_ call: DeskCall) async throws -> PageResult {
        .page(Self.newPage(DeskForm(prefix: "person-")))
    }

    /// `POST /personen/nieuw`: registers the person (tell once) and opens the record.
    func register(_ call: DeskCall) async throws -> PageResult {
        let form = call.form
        var problems: [FrontDeskError] = []
        var houseNumber: Int?
        if let text = form.nonBlank("houseNumber") {
            houseNumber = Int(text.trimmingCharacters(in: .whitespaces))
            if houseNumber == nil { problems.append(.invalidHouseNumber) }
        }
        let input = PersonInput(
            bsn: form["bsn"] ?? "",
            givenNames: form["givenNames"] ?? "",
            familyNamePrefix: form.nonBlank("familyNamePrefix"),
            familyName: form["familyName"] ?? "",
            birthDate: form["birthDate"] ?? "",
            street: form.nonBlank("street"),
            houseNumber: houseNumber,
            houseNumberAddition: form.nonBlank("houseNumberAddition"),
            postcode: form.nonBlank("postcode"),
            city: form.nonBlank("city"),
            district: form.nonBlank("district"),
            core: form.nonBlank("core"),
            phone: form.nonBlank("phone"),
            email: form.nonBlank("email"),
            preferredChannel: form.nonBlank("preferredChannel").flatMap(ContactChannel.init(rawValue:)),
            language: form.nonBlank("language"),
            needsInterpreter: form.isChecked("needsInterpreter"),
            representativeName: form.nonBlank("representativeName"),
            representativeContact: form.nonBlank("representativeContact"),
            representativeRole: form.nonBlank("representativeRole")
        )
        do {
            try InputProblems.check(problems)
            let person = try await service.registerPerson(input, by: call.staff)
            return .redirect(
                to: "/personen/\(person.id.uuidString.lowercased())",
                flash: "\(person.displayName) is geregistreerd. Neem nu de hulpvraag aan."
            )
        } catch let error as InputProblems {
            return .page(Self.newPage(DeskForm(prefix: "person-", submitted: form, errors: error.problems), status: 422))
        } catch let error as FrontDeskError where error.field != nil {
            return .page(Self.newPage(DeskForm(prefix: "person-", submitted: form, errors: [error]), status: 422))
        }
    }

    static func newPage(_ form: DeskForm, status: Int = 200) -> Page {
        let channels = ContactChannel.allCases.map { (value: $0.rawValue, label: $0.dutchName) }
        let model = PersonNewPage(
            bsn: form.input(
                "bsn",
                label: "BSN (verplicht)",
                hint: "9 cijfers, van het identiteitsbewijs.",
                autocomplete: "off",
                maxLength: 12,
                required: true,
                width: "medium"
            ),
            givenNames: form.input("givenNames", label: "Voornamen", autocomplete: "off", maxLength: 100),
            familyNamePrefix: form.input("familyNamePrefix", label: "Tussenvoegsel", autocomplete: "off", maxLength: 100, width: "narrow"),
            familyName: form.input("familyName", label: "Achternaam (verplicht)", autocomplete: "off", maxLength: 100, required: true),
            birthDate: form.input(
                "birthDate",
                label: "Geboortedatum (verplicht)",
                hint: "Bijvoorbeeld 31-03-1950.",
                autocomplete: "off",
                maxLength: 10,
                required: true,
                width: "medium"
            ),
            street: form.input("street", label: "Straat", autocomplete: "off", maxLength: 200),
            houseNumber: form.input("houseNumber", label: "Huisnummer", autocomplete: "off", maxLength: 5, width: "narrow"),
            houseNumberAddition: form.input("houseNumberAddition", label: "Toevoeging", autocomplete: "off", maxLength: 10, width: "narrow"),
            postcode: form.input("postcode", label: "Postcode", hint: "Bijvoorbeeld 6811 AB.", autocomplete: "off", maxLength: 7, width: "narrow"),
            city: form.input("city", label: "Woonplaats", autocomplete: "off", maxLength: 100),
            district: form.input(
                "district",
                label: "Wijk",
                hint: "Bepaalt welke partners in de buurt worden voorgesteld.",
                autocomplete: "off",
                maxLength: 100
            ),
            core: form.input("core", label: "Kern", autocomplete: "off", maxLength: 100),
            phone: form.input("phone", label: "Telefoonnummer", type: "tel", autocomplete: "off", maxLength: 30, width: "medium"),
            email: form.input("email", label: "E-mailadres", type: "email", autocomplete: "off", maxLength: 254),
            preferredChannel: form.select(
                "preferredChannel",
                label: "Contactvoorkeur",
                options: channels,
                hint: "Zonder keuze: brief als er een adres is, anders telefoon.",
                blank: "Geen voorkeur opgegeven"
            ),
            language: form.input(
                "language",
                label: "Voorkeurstaal",
                hint: "Leeg laten voor Nederlands.",
                autocomplete: "off",
                maxLength: 100,
                width: "medium"
            ),
            needsInterpreter: form.choices(
                "needsInterpreter",
                legend: "Tolk",
                options: [(value: "ja", label: "Bij gesprekken is een tolk nodig", hint: nil)]
            ),
            representativeName: form.input("representativeName", label: "Naam vertegenwoordiger", autocomplete: "off", maxLength: 100),
            representativeContact: form.input(
                "representativeContact",
                label: "Bereikbaar via (telefoon of e-mail)",
                autocomplete: "off",
                maxLength: 254
            ),
            representativeRole: form.input(
                "representativeRole",
                label: "Soort vertegenwoordiging",
                hint: "Bijvoorbeeld curator, mentor of gemachtigde.",
                autocomplete: "off",
                maxLength: 100
            )
        )
        return Page(
            template: "person-new",
            title: "Persoon registreren",
            status: .init(code: status),
            model: model.with(formProblem: form.unplaced()),
            section: NavSection.newPerson.href,
            problems: form.summary()
        )
    }

    // MARK: Record

    /// `GET /personen/{id}`: the record with the person's requests (logged as a view).
    func detail(_ call: DeskCall) async throws -> PageResult {
        .page(try await detailPage(call, deathForm: DeskForm(prefix: "death-")))
    }

    /// `POST /personen/:id/overlijden`: the death the population register reported; the desk
    /// tells the referral index, which removes the person's signals.
    func recordDeath(_ call: DeskCall) async throws -> PageResult {
        let id = try call.id()
        do {
            _ = try await service.recordDeath(id, dateOfDeath: call.form["dateOfDeath"] ?? "", by: call.staff)
            return .redirect(
                to: "/personen/\(id.uuidString.lowercased())",
                flash: "Het overlijden is vastgelegd. De verwijsindex verwijdert meldingen over deze persoon."
            )
        } catch let error as FrontDeskError where error.httpStatus != 404 {
            var page = try await detailPage(call, deathForm: DeskForm(prefix: "death-", submitted: call.form, errors: [error]))
            page.status = .init(code: error.httpStatus)
            return .page(page)
        }
    }

    private func detailPage(_ call: DeskCall, deathForm: DeskForm) async throws -> Page {
        let reason = call.query.nonBlank("reden").flatMap(AccessLog.Reason.init(rawValue:)) ?? .casework
        let record = try await service.person(try call.id(), context: "dossier bekijken", reason: reason, by: call.staff)
        let person = record.person
        let id = person.id.uuidString.lowercased()
        let model = PersonDetailPage(
            person: PersonRow(person),
            newRequestHref: "/personen/\(id)/hulpvragen/nieuw",
            householdHref: "/personen/\(id)/huishouden",
            facts: PersonDetailPage.facts(of: person),
            requests: record.requests.map { request in
                .init(
                    href: "/hulpvragen/\(request.id.uuidString.lowercased())",
                    label: "\(request.kind.dutchName) \(DutchFormat.shortID(request.id))",
                    received: DutchFormat.dateTime(request.receivedAt),
                    status: request.status.dutchName,
                    domains: DutchFormat.domains(request.categories),
                    urgency: DutchFormat.urgency(request.urgency)
                )
            },
            hasRequests: !record.requests.isEmpty,
            deathAction: "/personen/\(id)/overlijden",
            deathDate: deathForm.input(
                "dateOfDeath",
                label: "Datum van overlijden",
                hint: "Zoals de basisregistratie personen het meldt, bijvoorbeeld 2-1-2026.",
                maxLength: 10,
                width: "medium"
            ),
            deathProblem: deathForm.unplaced()
        )
        return Page(
            template: "person-detail",
            title: person.displayName,
            model: model,
            section: NavSection.persons.href,
            problems: deathForm.summary()
        )
    }
}

/// A person on a list: name, birth date and address, linking to the record. The BSN is not
/// shown on lists.
struct PersonRow: Sendable {
    var href: String
    var name: String
    var birthDate: String
    var address: String

    /// - Parameter reason: why the record is opened (the search's reason from the fixed list,
    ///   never free text: the link is a URL), carried to the access log.
    init(_ person: Person, reason: AccessLog.Reason? = nil) {
        href = "/personen/\(person.id.uuidString.lowercased())" + (reason.map { "?reden=\($0.rawValue)" } ?? "")
        name = person.displayName
        birthDate = person.birthDate.dutchFormatted
        address = person.address.map { "\($0.streetLine), \($0.cityLine)" } ?? "Geen vast adres"
    }
}

/// The data of `person-search.mustache`.
struct PersonSearchPage: Sendable, FormPage {
    var formProblem: String? = nil
    var bsn, name, birthDate, postcode, reason, reasonText: FieldView
    var searched: Bool
    var results: [PersonRow]
    var hasResults: Bool
}

/// The data of `person-new.mustache`.
struct PersonNewPage: Sendable, FormPage {
    var formProblem: String? = nil
    var bsn, givenNames, familyNamePrefix, familyName, birthDate: FieldView
    var street, houseNumber, houseNumberAddition, postcode, city, district, core: FieldView
    var phone, email, preferredChannel, language: FieldView
    var needsInterpreter: ChoiceGroupView
    var representativeName, representativeContact, representativeRole: FieldView
}

/// The data of `person-detail.mustache`.
struct PersonDetailPage: Sendable {
    var person: PersonRow
    var newRequestHref: String
    var householdHref: String
    var facts: [Fact]
    var requests: [RequestRow]
    var hasRequests: Bool
    /// The form to record the person's death.
    var deathAction: String
    var deathDate: FieldView
    var deathProblem: String?

    /// One line of the record (`<dt>`/`<dd>`).
    struct Fact: Sendable {
        var term: String
        var detail: String
    }

    /// One request on the record.
    struct RequestRow: Sendable {
        var href, label, received, status, domains, urgency: String
    }

    /// The record's lines, in the order staff read them out.
    static func facts(of person: Person) -> [Fact] {
        var facts = [
            Fact(term: "BSN", detail: person.bsn.rawValue),
            Fact(term: "Geboortedatum", detail: person.birthDate.dutchFormatted),
            Fact(term: "Adres", detail: person.address.map { "\($0.streetLine), \($0.cityLine)" } ?? "Geen vast adres"),
            Fact(term: "Wijk en kern", detail: [person.district, person.core].compactMap { $0 }.joined(separator: ", ")),
            Fact(term: "Telefoon", detail: person.phone ?? "–"),
            Fact(term: "E-mail", detail: person.email ?? "–"),
            Fact(term: "Contactvoorkeur", detail: person.preferredChannel.dutchName),
            Fact(
                term: "Taal",
                detail: (person.language ?? "Nederlands") + (person.needsInterpreter ? " (tolk nodig)" : "")
            ),
        ]
        if let representative = person.representative {
            facts.append(
                Fact(
                    term: "Vertegenwoordiger",
                    detail: [representative.name, representative.role, representative.contact].compactMap { $0 }
                        .filter { !$0.isEmpty }.joined(separator: ", ")
                )
            )
        }
        return facts
    }
}
