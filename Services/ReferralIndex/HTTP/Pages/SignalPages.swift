import Contracts
import Foundation
import StaffPages
import WorkingDays

/// `/meldingen`: a professional's own signals, newest first, each with a withdrawal form, and
/// the form to register a signal. A refusal shows the page again with the problem next to its
/// field (status 422), what was typed kept except the BSNs.
struct SignalPages: Sendable {
    let service: ReferralIndexService

    /// `GET /meldingen`.
    func show(_ call: ProfessionalCall) async throws -> PageResult {
        .page(try await page(call, failed: nil))
    }

    /// `POST /meldingen`.
    func register(_ call: ProfessionalCall) async throws -> PageResult {
        let form = call.form
        do {
            var birthDate = form["birthDate"] ?? ""
            if let typed = LocalDate(typed: birthDate) { birthDate = typed.description }
            let parents = ["parent1", "parent2"].compactMap { form.nonBlank($0) }
            let input = SignalInput(
                bsn: form["bsn"] ?? "",
                birthDate: birthDate,
                parentBsns: parents.isEmpty ? nil : parents,
                youngPersonInformed: form["youngPersonInformed"] == "ja",
                parentsInformed: form["parentsInformed"].flatMap { $0 == "ja" ? true : $0 == "nee" ? false : nil },
                notInformedReason: form.nonBlank("notInformedReason"),
                reference: form.nonBlank("reference")
            )
            let receipt = try await service.register(input, by: call.user)
            let matched = receipt.matches.isEmpty ? "" : " Er is een match: zie Matches voor de andere professionals."
            let done = receipt.outcome == "refreshed" ? "Uw melding is vernieuwd." : "De melding is geregistreerd."
            return .redirect(to: "/meldingen", flash: done + matched)
        } catch let error as ReferralIndexError where error.httpStatus != 404 {
            // The BSNs are not sent back to the browser.
            let submitted = form.removing(["bsn", "parent1", "parent2"])
            var page = try await page(call, failed: IndexForm(prefix: "signal-", submitted: submitted, errors: [error], fieldOf: Self.field))
            page.status = .init(code: error.httpStatus)
            return .page(page)
        }
    }

    /// `POST /meldingen/:id/intrekken`: `reason` (`unjustified`, `risk-gone`).
    func withdraw(_ call: ProfessionalCall) async throws -> PageResult {
        let id = try call.id()
        guard let reason = call.form["reason"].flatMap(SignalRemoval.init(rawValue:)), reason.isWithdrawal else {
            throw ReferralIndexError.invalidParameter("reason")
        }
        _ = try await service.withdraw(id, reason: reason, by: call.user)
        return .redirect(to: "/meldingen", flash: "De melding is ingetrokken; zij telt niet meer mee in matches.")
    }

    /// Where a refusal belongs on this form.
    static func field(_ error: ReferralIndexError) -> String? {
        switch error.field {
        case "parentBsns": "parent1"
        case let field? where field.hasPrefix("professional"): nil
        case let field: field
        }
    }

    private func page(_ call: ProfessionalCall, failed: IndexForm?) async throws -> Page {
        let signals = try await service.signals(of: call.user)
        let form = failed ?? IndexForm(prefix: "signal-", fieldOf: Self.field)
        let yesNo: [(value: String, label: String, hint: String?)] = [("ja", "Ja", nil), ("nee", "Nee", nil)]
        let model = SignalsPage(
            rows: signals.map { signal in
                SignalsPage.Row(
                    label: signal.reference.map { "\($0) (\(DutchFormat.shortID(signal.id)))" } ?? "Melding \(DutchFormat.shortID(signal.id))",
                    registered: DutchFormat.date(signal.registeredAt),
                    refreshed: DutchFormat.date(signal.refreshedAt),
                    removeOn: signal.removeOn.flatMap(LocalDate.init(iso:))?.dutchFormatted ?? "",
                    status: signal.removal.flatMap(SignalRemoval.init(rawValue:))?.dutchName ?? "Actief",
                    withdrawAction: signal.status == "active" ? "/meldingen/\(signal.id.uuidString.lowercased())/intrekken" : nil,
                    withdrawID: "withdraw-\(DutchFormat.shortID(signal.id))"
                )
            },
            isEmpty: signals.isEmpty,
            action: "/meldingen",
            fields: [
                form.input(
                    "bsn",
                    label: "BSN van de jongere",
                    hint: "Negen cijfers. Het BSN wordt niet bewaard, alleen een versleutelde sleutel.",
                    autocomplete: "off",
                    maxLength: 12,
                    required: true,
                    width: "medium"
                ),
                form.input(
                    "birthDate",
                    label: "Geboortedatum",
                    hint: "Dag-maand-jaar, bijvoorbeeld 1-5-2011. De jongere is jonger dan 23.",
                    autocomplete: "off",
                    maxLength: 10,
                    required: true,
                    width: "medium"
                ),
                form.input(
                    "parent1",
                    label: "BSN van een ouder (niet verplicht)",
                    hint: "Voor de gezinsmatch: broers en zussen met een gedeelde ouder.",
                    autocomplete: "off",
                    maxLength: 12,
                    width: "medium"
                ),
                form.input("parent2", label: "BSN van de andere ouder (niet verplicht)", autocomplete: "off", maxLength: 12, width: "medium"),
                form.input(
                    "reference",
                    label: "Uw eigen kenmerk (niet verplicht)",
                    hint: "Uw dossiernummer, zodat u de melding herkent. Geen naam en geen inhoud.",
                    maxLength: 64,
                    width: "medium"
                ),
            ],
            youngPersonInformed: form.choices(
                "youngPersonInformed",
                legend: "Is de jongere geïnformeerd over de melding?",
                type: "radio",
                options: yesNo
            ),
            parentsInformed: form.choices(
                "parentsInformed",
                legend: "Zijn de ouders geïnformeerd?",
                type: "radio",
                options: yesNo + [("nvt", "Niet nodig: de jongere is 16 of ouder", nil)]
            ),
            reason: form.select(
                "notInformedReason",
                label: "Waarom niet (als iemand niet is geïnformeerd)",
                options: NotInformedReason.allCases.map { ($0.rawValue, $0.dutchName) },
                blank: "Iedereen is geïnformeerd"
            ),
            formProblem: form.unplaced(),
            withdrawReasons: [
                .init(value: SignalRemoval.riskGone.rawValue, label: "Het risico is weggenomen"),
                .init(value: SignalRemoval.unjustified.rawValue, label: "De zorg bleek ongegrond"),
            ]
        )
        return Page(template: "signals", title: "Meldingen", model: model, section: "/meldingen", problems: form.summary())
    }
}

/// The data of `signals.mustache`.
struct SignalsPage: Sendable {
    struct Row: Sendable {
        var label: String
        var registered: String
        var refreshed: String
        var removeOn: String
        var status: String
        var withdrawAction: String?
        var withdrawID: String
    }
    struct Option: Sendable {
        var value: String
        var label: String
    }

    var rows: [Row]
    var isEmpty: Bool
    var action: String
    var fields: [FieldView]
    var youngPersonInformed: ChoiceGroupView
    var parentsInformed: ChoiceGroupView
    var reason: FieldView
    var formProblem: String?
    var withdrawReasons: [Option]
}
