import Contracts
import Foundation
import StaffPages
import WorkingDays

/// The case page and its forms: take the case, record scores, choose the profile, add a line
/// of the arrangement, decide. Each form posts to its own path; a refusal shows the page again
/// with the problem next to its field (status 422), what was typed kept.
struct CasePages: Sendable {
    let service: IndicationService

    /// `GET /aanvragen/:id`.
    func show(_ call: AssessorCall) async throws -> PageResult {
        let details = try await service.details(try call.id(), by: call.user)
        return .page(CasePage.page(details, assessor: call.user, settings: service.settings, failed: nil))
    }

    /// `POST /aanvragen/:id/oppakken`.
    func take(_ call: AssessorCall) async throws -> PageResult {
        let id = try call.id()
        _ = try await service.take(id, by: call.user)
        return .redirect(to: Self.path(id), flash: "U behandelt deze aanvraag.")
    }

    /// `POST /aanvragen/:id/scores`: one select per life domain (`score-<domain>`), blank for
    /// a domain not scored.
    func recordScores(_ call: AssessorCall) async throws -> PageResult {
        try await submit(call, form: .scores, flash: "De scores zijn vastgelegd.") { id in
            var scores: [String: Int] = [:]
            for domain in LifeDomain.allCases {
                guard let text = call.form.nonBlank("score-\(domain.rawValue)") else { continue }
                guard let score = Int(text) else { throw IndicationError.scoreOutOfRange(domain: domain, score: 0) }
                scores[domain.rawValue] = score
            }
            _ = try await service.recordAssessment(id, AssessmentInput(scores: scores, notes: call.form["notes"]), by: call.user)
        }
    }

    /// `POST /aanvragen/:id/profiel`.
    func chooseProfile(_ call: AssessorCall) async throws -> PageResult {
        try await submit(call, form: .profile, flash: "Het cliëntprofiel is vastgelegd.") { id in
            guard let text = call.form.nonBlank("profileId"), let profile = Int(text) else {
                throw IndicationError.missingField(field: "profileId", label: "Cliëntprofiel")
            }
            _ = try await service.chooseProfile(id, ProfileInput(profileId: profile, reason: call.form["reason"]), by: call.user)
        }
    }

    /// `POST /aanvragen/:id/onderdelen`.
    func addLine(_ call: AssessorCall) async throws -> PageResult {
        try await submit(call, form: .line, flash: "Het onderdeel is aan het arrangement toegevoegd.") { id in
            _ = try await service.addLine(id, try Self.line(from: call.form), by: call.user)
        }
    }

    /// `POST /aanvragen/:id/besluit`: per open line `l<n>-id`, `l<n>-granted` (`ja`/`nee`),
    /// `l<n>-grounds`, `l<n>-form`, `l<n>-validFrom`, `l<n>-validUntil`, `l<n>-provider`.
    func decide(_ call: AssessorCall) async throws -> PageResult {
        try await submit(call, form: .decision, flash: "Het besluit is genomen en gaat naar het loket voor de beschikking.") { id in
            let form = call.form
            var lines: [LineDecisionInput] = []
            var index = 0
            while let text = form["l\(index)-id"], lines.count < 50 {
                guard let lineID = UUID(uuidString: text) else { throw IndicationError.lineNotFound }
                guard let answer = form["l\(index)-granted"], ["ja", "nee"].contains(answer) else {
                    throw IndicationError.missingField(field: "l\(index)-granted", label: "Toekennen of afwijzen")
                }
                // A date that is no date belongs next to its line's field.
                for name in ["validFrom", "validUntil"] {
                    if let text = form.nonBlank("l\(index)-\(name)"), LocalDate(typed: text) == nil {
                        throw IndicationError.invalidDate(field: "l\(index)-\(name)")
                    }
                }
                lines.append(
                    LineDecisionInput(
                        lineId: lineID,
                        granted: answer == "ja",
                        grounds: form["l\(index)-grounds"] ?? "",
                        form: form.nonBlank("l\(index)-form").flatMap(DecisionLine.Form.init(rawValue:)),
                        validFrom: form["l\(index)-validFrom"],
                        validUntil: form["l\(index)-validUntil"],
                        provider: form.nonBlank("l\(index)-provider")
                    )
                )
                index += 1
            }
            let input = DecisionInput(
                lines: lines,
                reviewDate: form["reviewDate"],
                ownContribution: form.values("ownContribution").contains("ja"),
                incomeTested: form.values("incomeTested").contains("ja")
            )
            _ = try await service.decide(id, input, by: call.user)
        }
    }

    /// `POST /aanvragen/:id/verzoeken/:verzoek`: `answer` (`accept`, `refuse`, `investigate`) and
    /// `explanation`.
    func answerProviderRequest(_ call: AssessorCall) async throws -> PageResult {
        let request = try call.id("verzoek")
        return try await submit(call, form: .providerRequest, flash: "Het verzoek van de aanbieder is beantwoord.") { caseID in
            // The form's hidden field names the request; the page puts a refusal at its form.
            guard let text = call.form["answer"], let answer = ProviderRequestAnswerInput.Answer(rawValue: text) else {
                throw IndicationError.missingField(field: "answer", label: "Antwoord")
            }
            // The path names the case too: a request of another case is not found.
            _ = try await service.answerProviderRequest(
                request,
                ofCase: caseID,
                ProviderRequestAnswerInput(answer: answer, explanation: call.form["explanation"]),
                by: call.user
            )
        }
    }

    /// The line of the arrangement in the add-line form.
    static func line(from form: FormData) throws(IndicationError) -> LineInput {
        guard let layerText = form.nonBlank("layer"), let layer = SupportLayer(rawValue: layerText) else {
            throw .missingField(field: "layer", label: "Laag")
        }
        var category: ProductCategory?
        if let text = form.nonBlank("category") {
            guard let known = ProductCategory(rawValue: text) else { throw .unknownCategory(text) }
            category = known
        }
        var volume: Double?
        if let text = form.nonBlank("volume") {
            guard let number = Double(text.replacingOccurrences(of: ",", with: ".")) else { throw .invalidVolume }
            volume = number
        }
        return LineInput(
            layer: layer,
            deliveredBy: form["deliveredBy"] ?? "",
            activity: form["activity"] ?? "",
            category: category,
            task: form.nonBlank("task").flatMap(VolunteerTask.init(rawValue:)),
            volume: volume,
            unit: form.nonBlank("unit").flatMap(ArrangementLine.Unit.init(rawValue:)),
            intendedResult: form["intendedResult"] ?? "",
            reciprocalContribution: form["reciprocalContribution"],
            whyEarlierLayersDoNotSuffice: form["whyEarlierLayersDoNotSuffice"]
        )
    }

    /// Runs one form's use case; on a refusal the case page again with the form as it was sent.
    /// A case that does not exist (404) becomes the refusal page.
    private func submit(
        _ call: AssessorCall,
        form: CasePage.Form,
        flash: String,
        _ action: (UUID) async throws -> Void
    ) async throws -> PageResult {
        let id = try call.id()
        do {
            try await action(id)
            return .redirect(to: Self.path(id) + "#\(form.anchor)", flash: flash)
        } catch let error as IndicationError where error.httpStatus != 404 {
            let details = try await service.details(id, by: call.user)
            var page = CasePage.page(
                details,
                assessor: call.user,
                settings: service.settings,
                failed: .init(form: form, submitted: call.form, errors: [error])
            )
            page.status = .init(code: error.httpStatus)
            return .page(page)
        }
    }

    static func path(_ id: UUID) -> String { "/aanvragen/\(id.uuidString.lowercased())" }
}
