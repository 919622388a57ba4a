import Contracts
import Foundation
import ServiceHTTP
import StaffPages

/// Huishouden: one household, one plan, one coordinator (SPEC P3). Opened from a member's
/// record (`/personen/{id}/huishouden`), because a household is found through its people; the
/// changes go through the use case, which checks the coordination role where it is needed.
struct HouseholdPages: Sendable {
    let service: FrontDeskService

    /// The forms of the household page.
    enum Form: String, Sendable, CaseIterable {
        case member, carer, coordinator, plan
    }

    /// `GET /personen/{id}/huishouden`.
    func show(_ call: DeskCall) async throws -> PageResult {
        .page(try await page(call, personID: try call.id(), failed: nil))
    }

    /// `POST /personen/{id}/huishouden`: a new household around the person.
    func create(_ call: DeskCall) async throws -> PageResult {
        let personID = try call.id()
        _ = try await service.createHousehold(principal: personID, by: call.staff)
        return .redirect(to: Self.path(personID), flash: "Het huishouden is aangemaakt, met deze persoon als hoofdpersoon.")
    }

    /// `POST /personen/{id}/huishouden/{wijziging}`: one change (member, carer, coordinator,
    /// hand-over, plan).
    func change(_ call: DeskCall) async throws -> PageResult {
        let personID = try call.id()
        guard let householdID = call.form.nonBlank("household").flatMap(UUID.init(uuidString:)) else {
            throw FrontDeskError.householdNotFound
        }
        let form = call.form
        let which: Form
        let done: String
        var change: HouseholdChange?
        var problems: [FrontDeskError] = []
        switch call.parameters.get("wijziging") ?? "" {
        case "gezinslid":
            which = .member
            done = "Het gezinslid is toegevoegd."
            let relation = HouseholdRelation(rawValue: form["relation"] ?? "")
            do {
                let bsn = try BSN(checking: form["bsn"] ?? "")
                let found = try await service.searchPersons(
                    PersonSearch(bsn: bsn.rawValue, reason: .casework, reasonText: "gezinslid toevoegen"),
                    by: call.staff
                )
                guard let person = found.first else { throw FrontDeskError.personNotFound }
                if let relation { change = .addMember(personId: person.id, relation: relation) }
            } catch let error as FrontDeskError {
                problems.append(error)
            }
            if relation == nil { problems.append(.missingField(field: "relation", label: "Relatie")) }
        case "mantelzorger":
            which = .carer
            done = "De mantelzorger is toegevoegd."
            change = .addInformalCarer(
                name: form["carerName"] ?? "",
                relation: form["carerRelation"] ?? "",
                contact: form["carerContact"] ?? ""
            )
        case "regisseur":
            which = .coordinator
            done = "De regisseur is toegewezen."
            change = .assignCoordinator(staffId: (form["coordinator"] ?? "").trimmingCharacters(in: .whitespaces))
        case "overdracht":
            which = .coordinator
            done = "Het huishouden is overgedragen aan de nieuwe regisseur."
            change = .handOver(
                staffId: (form["coordinator"] ?? "").trimmingCharacters(in: .whitespaces),
                reason: form["handOverReason"] ?? ""
            )
        case "plan-starten":
            which = .plan
            done = "Het plan is gestart."
            change = .startPlan
        case "plan-beeindigen":
            which = .plan
            done = "Het plan is beëindigd; de toegang van collega's tot het plan is vervallen."
            change = .endPlan
        default:
            throw PageError.notFound
        }
        do {
            try InputProblems.check(problems)
            guard let change else { throw PageError.notFound }
            _ = try await service.changeHousehold(householdID, change, by: call.staff)
            return .redirect(to: Self.path(personID), flash: done)
        } catch let error as InputProblems {
            return .page(try await page(call, personID: personID, failed: (which, error.problems)))
        } catch let error as FrontDeskError where error.httpStatus != 404 || error == .personNotFound {
            return .page(try await page(call, personID: personID, failed: (which, [error])))
        }
    }

    static func path(_ personID: UUID) -> String { "/personen/\(personID.uuidString.lowercased())/huishouden" }

    private func page(_ call: DeskCall, personID: UUID, failed: (form: Form, errors: [FrontDeskError])?) async throws -> Page {
        let record = try await service.person(personID, context: "huishouden bekijken", by: call.staff)
        let view = try await service.household(ofPerson: personID, by: call.staff)
        func state(_ form: Form) -> DeskForm {
            guard let failed, failed.form == form else { return DeskForm(prefix: "\(form.rawValue)-") }
            return DeskForm(prefix: "\(form.rawValue)-", submitted: call.form, errors: failed.errors) { error in
                switch error {
                case .notACoordinator, .noCoordinator, .coordinatorAlreadyAssigned, .handOverToSameCoordinator: "coordinator"
                default: error.field
                }
            }
        }
        let forms = Dictionary(uniqueKeysWithValues: Form.allCases.map { ($0, state($0)) })
        var model = HouseholdPage(record: record, view: view, staff: call.staff, forms: forms)
        model.memberProblem = forms[.member]?.unplaced()
        model.carerProblem = forms[.carer]?.unplaced()
        model.coordinatorProblem = forms[.coordinator]?.unplaced()
        model.planProblem = forms[.plan]?.unplaced()
        let problems = failed.flatMap { forms[$0.form]?.summary() } ?? []
        return Page(
            template: "household",
            title: "Huishouden van \(record.person.displayName)",
            status: .init(code: failed == nil ? 200 : 422),
            model: model,
            section: NavSection.persons.href,
            problems: problems
        )
    }
}

/// The data of `household.mustache`.
struct HouseholdPage: Sendable {
    var person: PersonRow
    var hasHousehold: Bool
    var canCoordinate: Bool
    var createAction: String
    var householdID: String
    var actionBase: String
    var members: [Member]
    var carers: [Carer]
    var hasCarers: Bool
    var coordinator: String?
    var handOvers: [HandOver]
    var hasHandOvers: Bool
    var activePlan: Plan?
    var endedPlans: [Plan]
    var hasEndedPlans: Bool
    var memberBSN, memberRelation: FieldView
    var carerName, carerRelation, carerContact: FieldView
    var coordinatorField, handOverReason: FieldView
    var memberProblem, carerProblem, coordinatorProblem, planProblem: String?

    struct Member: Sendable {
        var memberName, memberHref, relation: String
    }

    struct Carer: Sendable {
        var carerName, carerRelation, carerContact: String
    }

    struct HandOver: Sendable {
        var handOverFrom, handOverTo, handOverAt, handOverReason: String
    }

    struct Plan: Sendable {
        var planStarted, planStartedBy: String
        var planEnded: String?
    }

    init(record: PersonRecord, view: HouseholdView?, staff: StaffMember, forms: [HouseholdPages.Form: DeskForm]) {
        let household = view?.household
        let personID = record.person.id
        person = PersonRow(record.person)
        hasHousehold = household != nil
        canCoordinate = staff.role.permissions.contains(.coordination)
        createAction = HouseholdPages.path(personID)
        householdID = household?.id.uuidString.lowercased() ?? ""
        actionBase = HouseholdPages.path(personID)
        members = (household?.members ?? []).map { member in
            let key = member.personID.uuidString.lowercased()
            return Member(
                memberName: view?.memberNames[key] ?? "Onbekend",
                memberHref: "/personen/\(key)",
                relation: member.relation.dutchName
            )
        }
        carers = (household?.informalCarers ?? []).map {
            Carer(carerName: $0.name, carerRelation: $0.relation, carerContact: $0.contact)
        }
        hasCarers = !carers.isEmpty
        coordinator = household?.coordinator?.rawValue
        handOvers = (household?.handOvers ?? []).map {
            HandOver(
                handOverFrom: $0.from.rawValue,
                handOverTo: $0.to.rawValue,
                handOverAt: DutchFormat.dateTime($0.at),
                handOverReason: $0.reason
            )
        }
        hasHandOvers = !handOvers.isEmpty
        let plan = { (plan: HouseholdPlan) in
            Plan(
                planStarted: DutchFormat.date(plan.startedAt),
                planStartedBy: plan.startedBy.rawValue,
                planEnded: plan.endedAt.map(DutchFormat.date)
            )
        }
        activePlan = household?.activePlan.map(plan)
        endedPlans = (household?.endedPlans ?? []).map(plan)
        hasEndedPlans = !endedPlans.isEmpty
        let member = forms[.member]!
        let carer = forms[.carer]!
        let coordination = forms[.coordinator]!
        memberBSN = member.input(
            "bsn",
            label: "BSN van het gezinslid",
            hint: "De persoon moet al geregistreerd zijn.",
            autocomplete: "off",
            maxLength: 12,
            width: "medium"
        )
        memberRelation = member.select(
            "relation",
            label: "Relatie tot de hoofdpersoon",
            options: HouseholdRelation.allCases.filter { $0 != .principal }.map { ($0.rawValue, $0.dutchName) },
            selected: HouseholdRelation.partner.rawValue
        )
        carerName = carer.input("carerName", label: "Naam mantelzorger", autocomplete: "off", maxLength: 100)
        carerRelation = carer.input(
            "carerRelation",
            label: "Relatie",
            hint: "Bijvoorbeeld dochter, buurman of vriendin.",
            autocomplete: "off",
            maxLength: 100
        )
        carerContact = carer.input(
            "carerContact",
            label: "Bereikbaar via",
            hint: "Telefoonnummer of e-mailadres.",
            autocomplete: "off",
            maxLength: 254
        )
        coordinatorField = coordination.input(
            "coordinator",
            label: household?.coordinator == nil ? "Regisseur (inlognaam)" : "Nieuwe regisseur (inlognaam)",
            hint: "Een medewerker van uw gemeente met de rol regisseur.",
            autocomplete: "off",
            maxLength: 100,
            width: "medium"
        )
        handOverReason = coordination.textarea("handOverReason", label: "Reden van de overdracht", rows: 2)
    }
}
