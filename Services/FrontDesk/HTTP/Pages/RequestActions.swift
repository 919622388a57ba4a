import Contracts
import Foundation
import StaffPages

/// The POST forms of the request page: clarify, answer, ask for an indication or a match,
/// close, withdraw a consent. Each redirects back to the request with a message; when the use
/// case refuses, the request page comes back with the message next to the form's field.
struct RequestActions: Sendable {
    let service: FrontDeskService

    /// `POST /hulpvragen/{id}/verheldering`.
    func clarify(_ call: DeskCall) async throws -> PageResult {
        let id = try call.id()
        let input = ClarifyInput(
            question: call.form.nonBlank("question"),
            categories: call.form.values("categories").compactMap(LifeDomain.init(rawValue:)),
            urgency: call.form.nonBlank("urgency").flatMap(Urgency.init(rawValue:)),
            complaintsCommittee: call.form.isChecked("complaintsCommittee") ? true : nil
        )
        return try await perform(.clarify, call, id: id, done: "De verhelderde vraag is vastgelegd.") {
            _ = try await service.clarify(id, input, by: call.staff)
        }
    }

    /// `POST /hulpvragen/{id}/beantwoorden`.
    func answer(_ call: DeskCall) async throws -> PageResult {
        let id = try call.id()
        let text = call.form["answer"] ?? ""
        return try await perform(.answer, call, id: id, done: "Het antwoord is vastgelegd.") {
            _ = try await service.answer(id, answer: text, by: call.staff)
        }
    }

    /// `POST /hulpvragen/{id}/indicatie`.
    func requestIndication(_ call: DeskCall) async throws -> PageResult {
        let id = try call.id()
        let findings = call.form.nonBlank("findings")
        if let problem = FieldRules.text(findings, field: "findings", label: "Bevindingen", max: 8000, required: false).first {
            return try await failed(.indication, call, id: id, errors: [problem])
        }
        return try await perform(
            .indication,
            call,
            id: id,
            done: "De indicatie is aangevraagd. De uitkomst verschijnt op deze pagina."
        ) {
            _ = try await service.requestIndication(id, IndicationInput(findings: findings), by: call.staff)
        }
    }

    /// `POST /hulpvragen/{id}/matching`.
    func requestMatching(_ call: DeskCall) async throws -> PageResult {
        let id = try call.id()
        guard let task = call.form.nonBlank("task").flatMap(VolunteerTask.init(rawValue:)) else {
            return try await failed(.matching, call, id: id, errors: [.missingField(field: "task", label: "Soort hulp")])
        }
        // Days × parts of the day; nothing ticked on one side means all of that side.
        let days = call.form.values("days").filter(DaySlot.weekdays.contains)
        let parts = call.form.values("parts").filter(DaySlot.parts.contains)
        let slots =
            days.isEmpty && parts.isEmpty
            ? [] : (days.isEmpty ? DaySlot.weekdays : days).flatMap { day in (parts.isEmpty ? DaySlot.parts : parts).map { "\(day)-\($0)" } }
        var duration: Int?
        if let text = call.form.nonBlank("durationWeeks") {
            guard let weeks = Int(text) else { return try await failed(.matching, call, id: id, errors: [.invalidDuration]) }
            duration = weeks
        }
        let input = MatchingInput(
            task: task,
            certificateRequired: call.form.isChecked("certificateRequired"),
            timeWindows: slots,
            durationWeeks: duration
        )
        return try await perform(
            .matching,
            call,
            id: id,
            done: "Matching is aangevraagd. De uitkomst verschijnt op deze pagina."
        ) {
            _ = try await service.requestMatching(id, input, by: call.staff)
        }
    }

    /// `POST /hulpvragen/{id}/arrangement-tekort`: a neighbourhood team reports that the decided
    /// arrangement no longer suffices; indication reopens the assessment.
    func reportArrangementInsufficient(_ call: DeskCall) async throws -> PageResult {
        let id = try call.id()
        return try await perform(
            .insufficient,
            call,
            id: id,
            done: "Gemeld aan de indicatiestelling: het arrangement wordt opnieuw bekeken (herindicatie)."
        ) {
            _ = try await service.reportArrangementInsufficient(
                id,
                reportedBy: call.form["reportedBy"] ?? "",
                reason: call.form["reason"] ?? "",
                by: call.staff
            )
        }
    }

    /// `POST /hulpvragen/{id}/afsluiten`.
    func close(_ call: DeskCall) async throws -> PageResult {
        let id = try call.id()
        guard let outcome = call.form.nonBlank("outcome").flatMap(RequestOutcome.init(rawValue:)) else {
            return try await failed(.close, call, id: id, errors: [.missingField(field: "outcome", label: "Uitkomst")])
        }
        let reason = call.form.nonBlank("reason")
        if let problem = FieldRules.text(reason, field: "reason", label: "Reden", max: FieldRules.maxReasonLength, required: false)
            .first
        {
            return try await failed(.close, call, id: id, errors: [problem])
        }
        return try await perform(.close, call, id: id, done: "De hulpvraag is afgesloten.") {
            _ = try await service.closeRequest(id, CloseInput(outcome: outcome, reason: reason), by: call.staff)
        }
    }

    /// `POST /toestemmingen/{id}/intrekken`: the citizen withdrew a consent; the partner is told.
    func withdrawConsent(_ call: DeskCall) async throws -> PageResult {
        let consent = try await service.withdrawConsent(try call.id(), by: call.staff)
        return .redirect(
            to: "/hulpvragen/\(consent.requestID.uuidString.lowercased())",
            flash: "De toestemming voor \(consent.partnerID) is ingetrokken. De partner krijgt bericht."
        )
    }

    /// Runs `action`; on a refusal about this request's input or state, the request page comes
    /// back with the message at `form`. Not found and not permitted go to the error page.
    private func perform(
        _ form: RequestDetailPage.Form,
        _ call: DeskCall,
        id: UUID,
        done: String,
        _ action: () async throws -> Void
    ) async throws -> PageResult {
        do {
            try await action()
            return .redirect(to: "/hulpvragen/\(id.uuidString.lowercased())", flash: done)
        } catch let error as InputProblems {
            return try await failed(form, call, id: id, errors: error.problems)
        } catch let error as FrontDeskError where ![404, 403].contains(error.httpStatus) {
            return try await failed(form, call, id: id, errors: [error])
        }
    }

    private func failed(
        _ form: RequestDetailPage.Form,
        _ call: DeskCall,
        id: UUID,
        errors: [FrontDeskError]
    ) async throws -> PageResult {
        let details = try await service.requestDetails(id, by: call.staff)
        return .page(
            RequestDetailPage.page(details, staff: call.staff, failed: .init(form: form, submitted: call.form, errors: errors))
        )
    }
}
