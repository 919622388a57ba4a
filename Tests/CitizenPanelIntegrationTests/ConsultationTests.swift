import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Messaging
import ReliableMessaging
import ServiceHTTP
import Storage
import TestKit
import Testing

@testable import CitizenPanel

/// A consultation over the real broker and database (SPEC §6): a member proposes a statement, a
/// researcher approves it and puts it to the panel with questions of every kind; rounds are drawn
/// stratified from the members, each invited once, through the mail service's queue; members
/// answer through their one-time links, a reminder goes once to who did not; nobody sees results
/// before closing; open answers appear once approved; and no response can be joined to a member.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct ConsultationTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func basic(_ user: String, _ password: String) -> HTTPFields {
        [.authorization: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString(), .contentType: "application/json"]
    }

    @Test func aConsultationIsPutToTheMembersAnsweredOnceRemindedOnceAndPublishedAfterClosing() async throws {
        var logger = Logger(label: "test.panel")
        logger.logLevel = .warning
        let (schema, pool) = try await TestDatabase.freshSchema("panel_consult", migrations: CitizenPanelMigrations.all)
        let mail = Topology.Queue(name: "panel.mail.\(schema)", bindings: [.init(routingKey: PanelMemberInvited.messageType)])
        let admin = try BrokerAdmin()
        try await admin.declare(Topology.standard(queues: [mail]))
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let publisher = Publisher(url: url, name: "panel-consult-test", logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "citizen-panel", logger: logger, idleInterval: .milliseconds(50))
        let clock = TestClock(TestClock.at(2026, 12, 7))
        let service = CitizenPanelService(
            pool: pool,
            settings: CitizenPanelSettings(publicBaseURL: "https://panel.example", population: try Population.bundled()),
            relay: relay,
            clock: { clock.now }
        )
        let hash = await PasswordAuthenticator<Researcher>.hash("onderzoek-2026", cost: 4)
        try await pool.withTransaction { tx in
            try ResearcherRepository.upsert(Researcher(username: "ilse", municipality: .arnhem, displayName: "Ilse"), passwordHash: hash, in: tx)
            try ResearcherRepository.upsert(Researcher(username: "nora", municipality: .nijmegen, displayName: "Nora"), passwordHash: hash, in: tx)
        }
        let ilse = Self.basic("ilse", "onderzoek-2026")
        let router = Router(context: PanelRequestContext.self)
        ResearchAPI.add(
            to: router,
            service: service,
            authenticator: CitizenPanelServer.authenticator(pool: pool, settings: CitizenPanelServer.settings())
        )
        let site = try await PanelSite.load()
        ConsultationPages(service: service, site: site).add(to: router)
        MembershipPages(service: service, site: site).add(to: router)
        ConsultationResultsPage(service: service, site: site).add(to: router)

        let outcome = await ServicesUnderTest.run([relay], logger: logger) {
            try await Application(router: router).test(.router) { client in
                // 40 members in two districts and all age bands, 8 of them informal carers.
                var personal: [String] = []
                for index in 0..<40 {
                    let district = index % 2 == 0 ? "Klarendal" : "Presikhaaf"
                    let band = AgeBand.allCases[index % 5].rawValue.replacingOccurrences(of: "+", with: "%2B")
                    let kind = index < 8 ? "informal-carer" : "resident"
                    let body =
                        "kind=\(kind)&district=\(district)&ageBand=\(band)&sex=\(index % 3 == 0 ? "male" : "female")&email=lid\(index)%40example.nl&consent=ja"
                    personal.append(
                        try await client.execute(uri: "/aanmelden?gemeente=0202", method: .post, headers: Self.form, body: ByteBuffer(string: body)) {
                            response -> String in
                            let html = String(buffer: response.body)
                            let link = try #require(html.range(of: "/voorstellen/[0-9a-f]{64}", options: .regularExpression))
                            return String(html[link].dropFirst("/voorstellen/".count))
                        }
                    )
                }

                // A member proposes a statement; a researcher approves it.
                try await client.execute(uri: "/voorstellen/\(personal[3])", method: .post, headers: Self.form, body: ByteBuffer(string: "text=kort"))
                {
                    response in
                    #expect(response.status == .unprocessableContent)
                }
                try await client.execute(
                    uri: "/voorstellen/\(personal[3])",
                    method: .post,
                    headers: Self.form,
                    body: ByteBuffer(string: "text=Er+moeten+meer+bankjes+in+het+park+komen.")
                ) { response in
                    #expect(response.status == .ok)
                }
                try await client.execute(
                    uri: "/voorstellen/forged",
                    method: .post,
                    headers: Self.form,
                    body: ByteBuffer(string: "text=Een+stelling+van+niemand")
                ) {
                    response in
                    #expect(response.status == .notFound)
                }
                try await client.execute(uri: "/api/v1/proposals", method: .get) { response in #expect(response.status == .unauthorized) }
                let proposal = try await client.execute(uri: "/api/v1/proposals?status=pending", method: .get, headers: ilse) {
                    response -> ProposalView in
                    let proposals = try JSONDecoder().decode([ProposalView].self, from: Data(buffer: response.body))
                    #expect(proposals.count == 1)
                    return try #require(proposals.first)
                }
                try await client.execute(
                    uri: "/api/v1/proposals/\(proposal.id)/moderation",
                    method: .post,
                    headers: ilse,
                    body: ByteBuffer(string: #"{"decision":"reject"}"#)
                ) { response in
                    #expect(response.status == .unprocessableContent, "a rejection needs its reason")
                }
                try await client.execute(
                    uri: "/api/v1/proposals/\(proposal.id)/moderation",
                    method: .post,
                    headers: Self.basic("nora", "onderzoek-2026"),
                    body: ByteBuffer(string: #"{"decision":"approve"}"#)
                ) { response in
                    #expect(response.status == .notFound, "another municipality's researcher")
                }
                try await client.execute(
                    uri: "/api/v1/proposals/\(proposal.id)/moderation",
                    method: .post,
                    headers: ilse,
                    body: ByteBuffer(string: #"{"decision":"approve"}"#)
                ) { response in
                    #expect(response.status == .noContent)
                }

                // The consultation, with the approved statement among questions of every kind.
                let draft = ConsultationInput(
                    title: "Wonen in de wijk",
                    introduction: "Wat vindt u van uw wijk?",
                    audience: .init(kind: "all"),
                    level: "advise",
                    opensOn: "2026-12-07",
                    closesOn: "2027-01-31",
                    questions: [
                        .init(text: "Ik woon graag in mijn wijk.", kind: "scale"),
                        .init(text: "Hoe komt u meestal bij de huisarts?", kind: "single-choice", options: ["Lopend", "Fiets", "Auto", "Bus"]),
                        .init(text: "Wat mist u in de wijk?", kind: "multiple-choice", options: ["Groen", "Winkels", "Ontmoetingsplek"]),
                        .init(text: "Wat zou u veranderen?", kind: "open-text"),
                        .init(text: proposal.text, kind: "statement", proposalId: proposal.id),
                    ]
                )
                // A member's statement goes to the panel in their words, as moderated.
                var reworded = draft
                reworded.questions[4].text = "Meer bankjes, overal!"
                try await client.execute(
                    uri: "/api/v1/consultations",
                    method: .post,
                    headers: ilse,
                    body: ByteBuffer(data: try JSONEncoder().encode(reworded))
                ) { response in
                    #expect(response.status == .unprocessableContent)
                }
                var bad = draft
                bad.questions[1].options = ["Alleen"]
                try await client.execute(
                    uri: "/api/v1/consultations",
                    method: .post,
                    headers: ilse,
                    body: ByteBuffer(data: try JSONEncoder().encode(bad))
                ) {
                    response in
                    #expect(response.status == .unprocessableContent && response.headers[.contentType] == "application/problem+json")
                }
                let consultation = try await client.execute(
                    uri: "/api/v1/consultations",
                    method: .post,
                    headers: ilse,
                    body: ByteBuffer(data: try JSONEncoder().encode(draft))
                ) { response -> ConsultationView in
                    #expect(response.status == .created)
                    return try JSONDecoder().decode(ConsultationView.self, from: Data(buffer: response.body))
                }
                #expect(consultation.status == "open" && consultation.questions.map(\.id) == ["q1", "q2", "q3", "q4", "q5"])
                #expect(try await service.proposals(status: "put-to-panel", by: Self.ilse).map(\.id) == [proposal.id])
                try await client.execute(uri: "/api/v1/consultations/\(consultation.id)", method: .get, headers: Self.basic("nora", "onderzoek-2026"))
                {
                    response in
                    #expect(response.status == .notFound)
                }

                // A round of 20 at full response, then the other 20, then nobody is left.
                let round = try await client.execute(
                    uri: "/api/v1/consultations/\(consultation.id)/rounds",
                    method: .post,
                    headers: ilse,
                    body: ByteBuffer(string: #"{"target":20,"expectedResponseRate":1}"#)
                ) { response -> RoundView in
                    #expect(response.status == .created)
                    return try JSONDecoder().decode(RoundView.self, from: Data(buffer: response.body))
                }
                #expect(round.size == 20 && round.invited == 20 && round.strata.reduce(0) { $0 + $1.invited } == 20)
                let second = try await service.drawRound(consultation.id, RoundInput(target: 100, expectedResponseRate: 1), by: Self.ilse)
                #expect(second.invited == 20)
                await #expect(throws: PanelError.roundNotPossible("alle panelleden in de doelgroep zijn al uitgenodigd")) {
                    _ = try await service.drawRound(consultation.id, RoundInput(), by: Self.ilse)
                }
                let invited = try await Self.distinct(40, from: mail.name, admin) { _ in true }.map(\.payload)
                #expect(invited.count == 40)
                #expect(Set(invited.map(\.email)).count == 40 && invited.allSatisfy { !$0.reminder && $0.closesOn == "2027-01-31" })
                let tokens = invited.map { String($0.link.dropFirst("https://panel.example/raadpleging/".count)) }

                // Answering: the page, a wrong answer, the answers, and the link then stops working.
                try await client.execute(uri: "/raadpleging/\(tokens[0])", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok && html.contains("Adviseren") && html.contains("type=\"checkbox\"") && html.contains("<textarea"))
                }
                try await client.execute(uri: "/raadpleging/\(tokens[0])", method: .post, headers: Self.form, body: ByteBuffer(string: "q2=Boot")) {
                    response in
                    #expect(response.status == .unprocessableContent)
                }
                for (index, token) in tokens.prefix(12).enumerated() {
                    let answers =
                        "q1=\(index < 6 ? 4 : 5)&q2=Fiets&q3%5B%5D=Groen\(index == 0 ? "" : "&q3%5B%5D=Winkels")&q4=Meer+bankjes+bij+de+speeltuin&q5=\(index < 7 ? "agree" : "disagree")"
                    try await client.execute(uri: "/raadpleging/\(token)", method: .post, headers: Self.form, body: ByteBuffer(string: answers)) {
                        response in
                        #expect(response.status == .ok)
                    }
                }
                try await client.execute(uri: "/raadpleging/\(tokens[0])", method: .post, headers: Self.form, body: ByteBuffer(string: "q1=3")) {
                    response in
                    #expect(response.status == .notFound, "a link works once")
                }
                try await client.execute(uri: "/raadpleging/forged", method: .get) { response in #expect(response.status == .notFound) }

                // Reminders once, to the 28 who did not answer, with links that work.
                let reminded = try await service.remind(consultation.id, by: Self.ilse)
                #expect(reminded.reminded == 28)
                #expect(try await service.remind(consultation.id, by: Self.ilse).reminded == 0)
                let reminders = try await Self.distinct(28, from: mail.name, admin) { $0.payload.reminder }.map(\.payload)
                #expect(reminders.count == 28 && reminders.allSatisfy(\.reminder))
                let reminderToken = String(try #require(reminders.first).link.dropFirst("https://panel.example/raadpleging/".count))
                try await service.submitConsultation(token: reminderToken, ["q1": ["3"], "q5": ["neither"]])
                let rate = try await service.responseRate(consultation.id, by: Self.ilse)
                #expect(rate.invited == 40 && rate.answered == 13 && rate.strata.allSatisfy { ($0.answered ?? 5) >= 5 })

                // Nobody sees results or open answers before closing.
                try await client.execute(uri: "/api/v1/consultations/\(consultation.id)/results", method: .get, headers: ilse) { response in
                    #expect(response.status == .conflict)
                }
                try await client.execute(uri: "/uitkomsten/\(consultation.id)", method: .get) { response in
                    #expect(response.status == .conflict && String(buffer: response.body).contains("Nog geen uitkomsten"))
                }
                await #expect(throws: PanelError.resultsNotYet("31-01-2027")) {
                    _ = try await service.openAnswers(consultation.id, status: "pending", by: Self.ilse)
                }

                // After closing: no more answers; results under the five-respondent rule.
                clock.set(TestClock.at(2027, 2, 1))
                try await client.execute(uri: "/raadpleging/\(tokens[20])", method: .post, headers: Self.form, body: ByteBuffer(string: "q1=3")) {
                    response in
                    #expect(response.status == .gone)
                }
                let pending = try await service.openAnswers(consultation.id, status: "pending", by: Self.ilse)
                try #require(pending.count == 12)
                try await service.moderateOpenAnswer(pending[0].id, ModerationInput(decision: "approve"), by: Self.ilse)
                try await service.moderateOpenAnswer(pending[1].id, ModerationInput(decision: "reject", reason: "Noemt een adres"), by: Self.ilse)
                await #expect(throws: PanelError.nothingToModerate) {
                    try await service.moderateOpenAnswer(pending[0].id, ModerationInput(decision: "reject", reason: "Toch niet"), by: Self.ilse)
                }
                let results = try await client.execute(uri: "/api/v1/consultations/\(consultation.id)/results", method: .get, headers: ilse) {
                    response -> ConsultationResultsView in
                    #expect(response.status == .ok)
                    return try JSONDecoder().decode(ConsultationResultsView.self, from: Data(buffer: response.body))
                }
                #expect(results.completed == 13 && !results.representative && !results.publishable && results.questions.isEmpty)
                // The public page says as much, and shows the response only where five or more answered.
                try await client.execute(uri: "/uitkomsten/\(consultation.id)", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok && html.contains("id=\"too-few\"") && html.contains("Respons per wijk en leeftijd"))
                    #expect(html.contains("minder dan 5") && !html.contains("<td>1</td><td>"))
                }
                // The same rules apply to the answers, shown once the minimum is met (here: unit).
                let responses = try await pool.withTransaction { tx in
                    try ResponseRepository.consultationResponses(try #require(try ConsultationRepository.find(consultation.id, in: tx)), in: tx)
                }
                #expect(responses.count == 13 && responses.allSatisfy { $0.answers["q4"] == nil })
                let stored = try await pool.withTransaction { tx in try #require(try ConsultationRepository.find(consultation.id, in: tx)) }
                var local = stored
                local.audience = .carers
                let view = CitizenPanelService.results(
                    local,
                    responses: responses,
                    approved: try await pool.withTransaction { tx in
                        try OpenAnswerRepository.all(consultation: consultation.id, status: "approved", in: tx)
                    },
                    response: rate,
                    margins: [:]
                )
                let scale = try #require(view.questions.first { $0.id == "q1" })
                // Six 4s, six 5s and one 3: the 3 is hidden, and the 4 or 5 next to it, and the mean.
                #expect(scale.respondents == 13 && scale.options.first { $0.value == "3" }?.count == nil && scale.mean == nil)
                let statement = try #require(view.questions.first { $0.id == "q5" })
                // Seven agree, five disagree, one neither: the one is hidden, and the five with it.
                #expect(statement.options.map(\.count) == [7, nil, nil])
                let multiple = try #require(view.questions.first { $0.id == "q3" })
                // All 12 chose the first; 11 of 12 the second, so the one who did not would be known.
                #expect(multiple.options.map(\.count) == [12, nil, 0])
                #expect(try #require(view.questions.first { $0.id == "q4" }).openAnswers == ["Meer bankjes bij de speeltuin"])
                #expect(view.csv.contains("q5,statement,\"agree\",\"Eens\",7,") && view.csv.contains("q1,scale,\"3\",\"Neutraal\",,\n"))

                // No response can be joined to a member: no member, link, token or time in it, and
                // open answers apart. A member who leaves is gone, and the response rate stays.
                let columns = try await pool.withConnection { connection in
                    try connection.query(
                        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = \(schema) AND table_name IN ('responses', 'open_answers')"
                    ).rows.map { "\(try $0.decode(String.self, "table_name")).\(try $0.decode(String.self, "column_name"))" }
                }
                #expect(
                    Set(columns) == [
                        "responses.id", "responses.municipality", "responses.survey_id", "responses.district", "responses.age_band", "responses.sex",
                        "responses.submitted_on", "responses.answers", "open_answers.id", "open_answers.consultation_id", "open_answers.question_id",
                        "open_answers.text", "open_answers.status", "open_answers.reason", "open_answers.moderated_by",
                    ]
                )
                // Nor through the transaction that marked a link used: the answers moved on in another.
                #expect(
                    await TestDatabase.count(
                        pool,
                        "SELECT count(*) FROM \"\(schema)\".round_invitations i JOIN \"\(schema)\".responses r ON r.xmin = i.xmin"
                    ) == 0
                )
                #expect(
                    await TestDatabase.count(
                        pool,
                        "SELECT count(*) FROM \"\(schema)\".round_invitations i JOIN \"\(schema)\".open_answers o ON o.xmin = i.xmin"
                    ) == 0
                )
                #expect(await TestDatabase.count(pool, "SELECT count(*) FROM \"\(schema)\".response_buffer") == 0)
                // Once closed, the sweep forgets who was invited; the response rates stay.
                #expect(try await service.sweepClosedConsultations() == 1)
                #expect(await TestDatabase.count(pool, "SELECT count(*) FROM \"\(schema)\".round_invitations WHERE member_id IS NOT NULL") == 0)
                #expect(try await service.sweepClosedConsultations() == 0)
                // A member leaves through the personal link of their latest e-mail (the sign-up's
                // stopped working when the first invitation brought a new one).
                let latest = try #require(reminders.first)
                try await client.execute(uri: "/afmelden/\(personal[0])", method: .post) { response in #expect(response.status == .notFound) }
                try await client.execute(uri: String(latest.leaveLink.dropFirst("https://panel.example".count)), method: .post) { response in
                    #expect(response.status == .ok)
                }
                #expect(await TestDatabase.count(pool, "SELECT count(*) FROM members") == 39)
                #expect(try await service.responseRate(consultation.id, by: Self.ilse).invited == 40)
            }
        }
        if let serviceFailure = outcome.serviceFailure { Issue.record("relay failed: \(serviceFailure)") }
        if let failure = outcome.failure { throw failure }
        try await admin.delete(mail)
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
    }

    /// `count` messages of `queue` with different message ids that pass `wanted`: delivery is at
    /// least once (a drained message whose ack the closing connection lost comes again), so a
    /// consumer (the mail service) dedupes by message id, and so does this.
    static func distinct(
        _ count: Int,
        from queue: String,
        _ admin: BrokerAdmin,
        where wanted: (Envelope<PanelMemberInvited>) -> Bool
    ) async throws -> [Envelope<PanelMemberInvited>] {
        var seen: Set<UUID> = []
        var result: [Envelope<PanelMemberInvited>] = []
        let deadline = Date().addingTimeInterval(20)
        while result.count < count, Date() < deadline {
            for delivery in try await admin.drain(queue, count: count - result.count, timeout: 5) {
                let envelope = try ContractJSON.decoder().decode(Envelope<PanelMemberInvited>.self, from: delivery.body)
                if wanted(envelope), seen.insert(envelope.header.messageId).inserted { result.append(envelope) }
            }
        }
        return result
    }

    static let ilse = Researcher(username: "ilse", municipality: .arnhem, displayName: "Ilse")
}
