import Contracts
import Foundation
import StaffPages
import WorkingDays

/// `/verzoeken`: the open requests for informal support, priority first (crisis, then
/// respite for carers under high burden, then the oldest), each with its proposals and their
/// score parts (why this volunteer), and per open proposal the form to record the volunteer's
/// answer when they phoned instead of using their link.
struct RequestPages: Sendable {
    let service: MatchingService

    /// `GET /verzoeken`.
    func show(_ call: CoordinatorCall) async throws -> PageResult {
        .page(try await page(call, failed: nil))
    }

    /// `POST /voorstellen/:id/antwoord`: `answer` (`accepted`, `declined`), optional `reason`.
    func answer(_ call: CoordinatorCall) async throws -> PageResult {
        let id = try call.id()
        let input = AnswerInput(answer: call.form["answer"] ?? "", reason: call.form.nonBlank("reason"))
        do {
            let proposal = try await service.answer(id, input, by: call.user)
            let done =
                proposal.status == Proposal.Status.declined.rawValue
                ? "Het voorstel is afgewezen; de volgende vrijwilliger wordt gevraagd."
                : "Het voorstel is geaccepteerd; de aanvrager krijgt bericht."
            return .redirect(to: "/verzoeken", flash: done)
        } catch let error as MatchingError where error.httpStatus != 404 {
            var page = try await page(call, failed: (id, error))
            page.status = .init(code: error.httpStatus)
            return .page(page)
        }
    }

    private func page(_ call: CoordinatorCall, failed: (UUID, MatchingError)?) async throws -> Page {
        let requests = try await service.openRequests(by: call.user)
        var problems: [SummaryItem] = []
        let rows = requests.map { request in
            let short = DutchFormat.shortID(request.id)
            let task = VolunteerTask(rawValue: request.task)?.dutchName ?? request.task
            return RequestsPage.Row(
                anchor: "request-\(short)",
                heading: [task, request.district].compactMap { $0 }.joined(separator: ", "),
                urgency: Urgency(rawValue: request.urgency).flatMap { $0 == .normal ? nil : $0.dutchName },
                carerOverburdened: request.carerOverburdened,
                origin: Self.originName(request.origin),
                question: request.question,
                received: DutchFormat.date(request.receivedAt),
                failOn: LocalDate(iso: request.failOn)?.dutchFormatted ?? request.failOn,
                times: request.timeWindows.isEmpty ? nil : request.timeWindows.map(Self.slotName).joined(separator: ", "),
                certificateRequired: request.certificateRequired,
                lastSearch: request.lastSearch,
                hasProposals: !request.proposals.isEmpty,
                proposals: request.proposals.map { proposal in
                    let error = failed.flatMap { $0.0 == proposal.id ? $0.1 : nil }
                    let proposalShort = DutchFormat.shortID(proposal.id)
                    if let error { problems.append(SummaryItem(href: "#answer-\(proposalShort)", message: error.message)) }
                    let open = proposal.status == Proposal.Status.proposed.rawValue
                    return RequestsPage.Proposal(
                        volunteer: proposal.volunteerName,
                        status: Self.statusName(proposal.status),
                        total: proposal.score.total,
                        task: proposal.score.task,
                        availability: proposal.score.availability,
                        distance: proposal.score.distance,
                        kilometres: proposal.score.kilometres.map { String(format: "%.1f km", $0).replacingOccurrences(of: ".", with: ",") },
                        language: proposal.score.language,
                        load: proposal.score.load,
                        answerBy: proposal.answerBy.flatMap(LocalDate.init(iso:))?.dutchFormatted,
                        declineReason: proposal.declineReason,
                        action: open ? "/voorstellen/\(proposal.id.uuidString.lowercased())/antwoord" : nil,
                        answerID: "answer-\(proposalShort)",
                        reasonID: "reason-\(proposalShort)",
                        error: error?.message
                    )
                }
            )
        }
        let model = RequestsPage(rows: rows, isEmpty: rows.isEmpty)
        return Page(template: "requests", title: "Open verzoeken", model: model, section: "/verzoeken", problems: problems)
    }

    static func originName(_ origin: String) -> String {
        switch SupportRequest.Origin(rawValue: origin) {
        case .frontDesk: "het Wmo-loket"
        case .indication: "een arrangement (indicatie)"
        case .carer: "een mantelzorger (respijtzorg)"
        case nil: origin
        }
    }

    static func statusName(_ status: String) -> String {
        switch Proposal.Status(rawValue: status) {
        case .proposed: "Voorgesteld"
        case .declined: "Afgewezen"
        case .lapsed: "Niet beantwoord"
        case .accepted: "Geaccepteerd"
        case .active: "Loopt"
        case .ended: "Beëindigd"
        case .withdrawn: "Ingetrokken"
        case nil: status
        }
    }

    /// `monday-morning` → `maandagochtend`.
    static func slotName(_ slot: String) -> String {
        let days = [
            "monday": "maandag", "tuesday": "dinsdag", "wednesday": "woensdag", "thursday": "donderdag", "friday": "vrijdag",
            "saturday": "zaterdag", "sunday": "zondag",
        ]
        let parts = ["morning": "ochtend", "afternoon": "middag", "evening": "avond"]
        let split = slot.split(separator: "-", maxSplits: 1).map(String.init)
        guard split.count == 2, let day = days[split[0]], let part = parts[split[1]] else { return slot }
        return day + part
    }
}

/// The data of `requests.mustache`.
struct RequestsPage: Sendable {
    struct Proposal: Sendable {
        var volunteer: String
        var status: String
        var total: Int
        var task: Int
        var availability: Int
        var distance: Int
        var kilometres: String?
        var language: Int
        var load: Int
        var answerBy: String?
        var declineReason: String?
        var action: String?
        var answerID: String
        var reasonID: String
        var error: String?
    }
    struct Row: Sendable {
        var anchor: String
        var heading: String
        var urgency: String?
        var carerOverburdened: Bool
        var origin: String
        var question: String
        var received: String
        var failOn: String
        var times: String?
        var certificateRequired: Bool
        var lastSearch: String?
        var hasProposals: Bool
        var proposals: [Proposal]
    }

    var rows: [Row]
    var isEmpty: Bool
}
