import Contracts
import Foundation
import StaffPages
import WorkingDays

/// `/matches` and `/werklijst`: the matches with the other professionals' contact details (never
/// content), and per match the form to record the central contact (regievoerder) and that the
/// professionals coordinated.
struct MatchPages: Sendable {
    let service: ReferralIndexService

    /// `GET /matches`.
    func show(_ call: ProfessionalCall) async throws -> PageResult {
        let matches = try await service.matches(of: call.user)
        return .page(page(matches, title: "Matches", section: "/matches", user: call.user, failed: nil))
    }

    /// `GET /werklijst`: the coordinator's matches where something was not recorded in time.
    func workList(_ call: ProfessionalCall) async throws -> PageResult {
        let matches = try await service.workList(by: call.user)
        return .page(page(matches, title: "Werklijst regie", section: "/werklijst", user: call.user, failed: nil))
    }

    /// `POST /matches/:id/afstemming`: `centralContact` (a signal id on the match) and/or
    /// `coordinated` (`ja`).
    func recordCoordination(_ call: ProfessionalCall) async throws -> PageResult {
        let id = try call.id()
        let input = CoordinationInput(
            centralContactSignalId: call.form.nonBlank("centralContact").flatMap(UUID.init(uuidString:)),
            coordinated: call.form.isChecked("coordinated") ? true : nil
        )
        do {
            _ = try await service.recordCoordination(id, input, by: call.user)
            return .redirect(to: "/matches#match-\(DutchFormat.shortID(id))", flash: "De afstemming is vastgelegd.")
        } catch let error as ReferralIndexError where error.httpStatus != 404 {
            let matches = try await service.matches(of: call.user)
            var page = page(matches, title: "Matches", section: "/matches", user: call.user, failed: (id, error))
            page.status = .init(code: error.httpStatus)
            return .page(page)
        }
    }

    private func page(_ matches: [MatchView], title: String, section: String, user: Professional, failed: (UUID, ReferralIndexError)?) -> Page {
        var problems: [SummaryItem] = []
        let rows = matches.map { match in
            let short = DutchFormat.shortID(match.id)
            let error = failed.flatMap { $0.0 == match.id ? $0.1 : nil }
            if let error { problems.append(SummaryItem(href: "#contact-\(short)", message: error.message)) }
            let central = match.participants.first { $0.signalId == match.centralContactSignalId }
            return MatchesPage.Row(
                anchor: "match-\(short)",
                heading: "\(Match.Kind(rawValue: match.kind)?.dutchName.capitalized ?? match.kind) \(short)",
                kind: match.kind,
                since: DutchFormat.date(match.createdAt),
                youngPeople: match.youngPeople == 1 ? "1 jongere" : "\(match.youngPeople) jongeren",
                coordinator: match.coordinatorName,
                participants: match.participants.map {
                    .init(
                        name: $0.name,
                        organisation: $0.organisationName,
                        phone: $0.phone,
                        email: $0.email,
                        isOwn: user.organisation?.description == $0.organisation
                            && (user.role != .professional || user.contact?.email == $0.email)
                    )
                },
                centralContact: central.map { "\($0.name) (\($0.organisationName))" },
                coordinated: match.coordinatedAt.map { DutchFormat.date($0) },
                needsAttention: match.needsAttention,
                action: "/matches/\(match.id.uuidString.lowercased())/afstemming",
                contactID: "contact-\(short)",
                coordinatedID: "coordinated-\(short)",
                contactOptions: match.participants.map {
                    .init(
                        value: $0.signalId.uuidString.lowercased(),
                        label: "\($0.name), \($0.organisationName)",
                        selected: $0.signalId == match.centralContactSignalId
                    )
                },
                error: error?.message
            )
        }
        let model = MatchesPage(rows: rows, isEmpty: rows.isEmpty, isWorkList: section == "/werklijst")
        return Page(template: "matches", title: title, model: model, section: section, problems: problems)
    }
}

/// The data of `matches.mustache`.
struct MatchesPage: Sendable {
    struct Participant: Sendable {
        var name: String
        var organisation: String
        var phone: String
        var email: String
        var isOwn: Bool
    }
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }
    struct Row: Sendable {
        var anchor: String
        var heading: String
        var kind: String
        var since: String
        var youngPeople: String
        var coordinator: String
        var participants: [Participant]
        var centralContact: String?
        var coordinated: String?
        var needsAttention: Bool
        var action: String
        var contactID: String
        var coordinatedID: String
        var contactOptions: [Option]
        var error: String?
    }

    var rows: [Row]
    var isEmpty: Bool
    var isWorkList: Bool
}
