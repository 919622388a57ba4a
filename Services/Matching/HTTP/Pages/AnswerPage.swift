import Contracts
import Foundation
import HTTPTypes
public import Hummingbird
import StaffPages
import WorkingDays

/// `/antwoord/:token`: the volunteer's one-time answer page (no login; Dutch, works without
/// JavaScript). It shows only the task, district, times and question of the proposal, never who
/// the person is; the token in the address is the only key, it stops working once used, and the
/// service keeps only its SHA-256.
///
/// | method | path | page |
/// |---|---|---|
/// | GET | `/antwoord/:token` | the proposal and the answer form |
/// | POST | `/antwoord/:token` | the answer (`answer` = `accepted` or `declined`, optional `reason`) |
/// | GET | `/static/staff.css` | the stylesheet (served by `MatchingPages`) |
public struct AnswerPage: Sendable {
    let service: MatchingService
    let renderer: PageRenderer

    static let identity = SiteIdentity(
        name: "Vrijwillige inzet",
        audience: "vrijwilligers",
        navigation: [],
        home: "/",
        homeLabel: "Naar de startpagina",
        cookieName: "wmo-matching-session"
    )

    /// The model of `answer.mustache`.
    struct Model: Sendable {
        var firstName: String
        var task: String
        var district: String?
        var question: String
        var times: String
        var duration: String?
        var certificateRequired: Bool
        var answerBy: String?
        var action: String
        var error: String?
    }

    /// Loads the templates.
    /// - Throws: when the templates are missing from the bundle or do not parse.
    public init(service: MatchingService) async throws {
        self.service = service
        renderer = try await PageRenderer.load(site: Self.identity, serviceTemplates: Bundle.module.url(forResource: "Templates", withExtension: nil))
    }

    /// Adds the page to `router`.
    public func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("antwoord/:token") { _, context in
            try await show(token: context.parameters.get("token") ?? "", error: nil)
        }
        router.post("antwoord/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            let body = try await request.body.collect(upTo: 16 * 1024)
            let form = (try? FormData(urlEncoded: String(buffer: body))) ?? FormData()
            guard let answer = form["answer"], answer == "accepted" || answer == "declined" else {
                return try await show(token: token, error: "Kies ja of nee.")
            }
            do {
                _ = try await service.answer(token: token, AnswerInput(answer: answer, reason: form.nonBlank("reason")))
            } catch let error as MatchingError where error == .answerLinkInvalid {
                return gone()
            } catch let error as MatchingError {
                return try await show(token: token, error: error.message)
            }
            return message(
                .ok,
                "Bedankt voor uw antwoord",
                answer == "accepted"
                    ? "U hoort snel van de vrijwilligerscentrale of de gemeente hoe u kennismaakt. Deze link werkt nu niet meer."
                    : "Jammer, maar helemaal goed. We vragen iemand anders. Deze link werkt nu niet meer."
            )
        }
    }

    private func show(token: String, error: String?) async throws -> Response {
        let offer: ProposalOffer
        do {
            offer = try await service.proposal(token: token)
        } catch MatchingError.answerLinkInvalid {
            return gone()
        }
        let times = offer.timeWindows.count == 21 ? "In overleg" : offer.timeWindows.map(Self.dutchSlot).joined(separator: ", ")
        let model = Model(
            firstName: offer.firstName,
            task: offer.task.dutchName,
            district: offer.district,
            question: offer.question,
            times: times,
            duration: offer.durationWeeks.map { $0 == 1 ? "1 week" : "\($0) weken" },
            certificateRequired: offer.certificateRequired,
            answerBy: offer.answerBy?.dutchFormatted,
            action: "/antwoord/\(token)",
            error: error
        )
        var page = Page(template: "answer", title: "Een verzoek om hulp", model: model)
        if error != nil { page.status = .unprocessableContent }
        let chrome = Chrome(title: page.title, site: Self.identity, user: nil, csrfToken: "")
        var response = renderer.render(page, chrome: chrome)
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }

    private func gone() -> Response {
        message(.notFound, "Deze link werkt niet (meer)", MatchingError.answerLinkInvalid.message)
    }

    private func message(_ status: HTTPResponse.Status, _ title: String, _ text: String) -> Response {
        let chrome = Chrome(title: title, site: Self.identity, user: nil, csrfToken: "")
        var response = renderer.message(
            status: status,
            title: title,
            message: text,
            chrome: chrome,
            link: MessagePage.Link(href: "/", label: "Sluiten")
        )
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// `monday-morning` → `maandagochtend`.
    static func dutchSlot(_ slot: String) -> String {
        let days = [
            "monday": "maandag", "tuesday": "dinsdag", "wednesday": "woensdag", "thursday": "donderdag", "friday": "vrijdag",
            "saturday": "zaterdag", "sunday": "zondag",
        ]
        let parts = ["morning": "ochtend", "afternoon": "middag", "evening": "avond"]
        let pieces = slot.split(separator: "-").map(String.init)
        guard pieces.count == 2, let day = days[pieces[0]], let part = parts[pieces[1]] else { return slot }
        return day + part
    }
}
