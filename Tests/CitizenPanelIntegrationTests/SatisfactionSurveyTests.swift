import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Messaging
import ReliableMessaging
import Storage
import TestKit
import Testing

@testable import CitizenPanel

/// The client satisfaction survey over the real broker and database (SPEC §6): the desk closes
/// a request, the panel samples the person and asks the desk to send the invitation with nothing
/// but the subjectRef and a one-time link; the answers come in through that link, unlinked, and
/// appear in the results once the survey has closed.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct SatisfactionSurveyTests {
    @Test func aResidentJoinsWithConsentAndLeavingRemovesTheirData() async throws {
        let (schema, pool) = try await TestDatabase.freshSchema("panel_members", migrations: CitizenPanelMigrations.all)
        let service = CitizenPanelService(
            pool: pool,
            settings: CitizenPanelSettings(publicBaseURL: "https://panel.example", population: try Population.bundled())
        )
        let router = Router(context: BasicRequestContext.self)
        MembershipPages(service: service, site: try await PanelSite.load()).add(to: router)
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        let form = "kind=informal-carer&district=Klarendal&ageBand=50-64&sex=female&email=ria%40example.nl"
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/aanmelden?gemeente=0202", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("name=\"consent\"") && html.contains("<option value=\"Klarendal\">"))
            }
            // A district the municipality does not have would never be drawn: refused.
            try await client.execute(
                uri: "/aanmelden?gemeente=0202",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: form.replacingOccurrences(of: "Klarendal", with: "Amsterdam-Noord") + "&consent=ja")
            ) { response in
                #expect(response.status == .unprocessableContent)
            }
            // Without consent nothing is stored.
            try await client.execute(uri: "/aanmelden?gemeente=0202", method: .post, headers: headers, body: ByteBuffer(string: form)) { response in
                #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("toestemming"))
            }
            #expect(await TestDatabase.count(pool, "SELECT count(*) FROM members") == 0)
            let token = try await client.execute(
                uri: "/aanmelden?gemeente=0202",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: form + "&consent=ja")
            ) { response -> String in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                let link = try #require(html.range(of: "/afmelden/[0-9a-f]{64}", options: .regularExpression))
                return String(html[link].dropFirst("/afmelden/".count))
            }
            // The same address again: the same answer, still one member.
            try await client.execute(uri: "/aanmelden?gemeente=0202", method: .post, headers: headers, body: ByteBuffer(string: form + "&consent=ja"))
            {
                response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/aanmelden?gemeente=0202",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "kind=resident&consent=ja")
            ) {
                response in
                #expect(response.status == .unprocessableContent)
            }
            #expect(await TestDatabase.count(pool, "SELECT count(*) FROM members WHERE kind = 'informal-carer' AND age_band = '50-64'") == 1)
            let strata = try await pool.withTransaction { tx in try MemberRepository.countsByStratum(municipality: "0202", in: tx) }
            #expect(strata == [Stratum(district: "Klarendal", ageBand: .from50to64): 1])

            try await client.execute(uri: "/afmelden/\(token)", method: .post) { response in
                #expect(response.status == .ok)
            }
            #expect(await TestDatabase.count(pool, "SELECT count(*) FROM members") == 0)
            try await client.execute(uri: "/afmelden/\(token)", method: .post) { response in
                #expect(response.status == .notFound)
            }
        }
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
    }

    @Test func theResultsQueryReadsTheSurveysQuestionsInOrder() {
        #expect(ResponseRepository.columns == SatisfactionSurvey.questions.map(\.id))
    }

    @Test func theDocumentMatchesTheRoutes() async throws {
        let (schema, pool) = try await TestDatabase.freshSchema("panel_openapi", migrations: CitizenPanelMigrations.all)
        let router = Router(context: PanelRequestContext.self)
        let service = CitizenPanelService(pool: pool, settings: CitizenPanelSettings(publicBaseURL: "https://panel.example"))
        ResultsAPI.add(to: router, service: service)
        ResearchAPI.add(
            to: router,
            service: service,
            authenticator: CitizenPanelServer.authenticator(pool: pool, settings: CitizenPanelServer.settings())
        )
        let served = Set(router.routes.map { OpenAPIOperations.served(method: $0.method.rawValue, path: $0.path.description) })
        let documented = try OpenAPIOperations.documented(in: OpenAPIOperations.document("openapi-panel.yaml"))
        #expect(served.count == 14, "the router lists its routes")
        #expect(served == documented, "served \(served.sorted()), documented \(documented.sorted())")
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
    }

    @Test func aClosedRequestIsSampledInvitedAnsweredOnceAndCountedUnlinked() async throws {
        var logger = Logger(label: "test.panel")
        logger.logLevel = .warning
        let (schema, pool) = try await TestDatabase.freshSchema("panel", migrations: CitizenPanelMigrations.all)
        let inbound = CitizenPanelTopology.satisfactionQueue(name: "citizen-panel.satisfaction.\(schema)")
        let invitations = Topology.Queue(name: "panel.invitations.\(schema)", bindings: [.init(routingKey: PanelInvitationRequested.messageType)])
        let admin = try BrokerAdmin()
        try await admin.declare(Topology.standard(queues: [inbound, invitations]))
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let publisher = Publisher(url: url, name: "panel-test", logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "citizen-panel", logger: logger, idleInterval: .milliseconds(50))
        let clock = TestClock(TestClock.at(2026, 12, 7))
        let service = CitizenPanelService(
            pool: pool,
            settings: CitizenPanelSettings(publicBaseURL: "https://panel.example"),
            relay: relay,
            clock: { clock.now }
        )
        let consumer = InboxConsumer(
            url: url,
            queue: inbound,
            topology: Topology.standard(queues: [inbound]),
            pool: pool,
            handlers: CitizenPanelHandlers.make(service: service),
            relay: relay,
            logger: logger,
            prefetch: 20,
            batchSize: 10
        )
        let outcome = await ServicesUnderTest.run([relay, consumer], logger: logger) {
            // Six clients' requests close at the desk in Klarendal; one of them twice.
            let subjects = (0..<6).map { _ in SubjectRef() }
            for subject in subjects + [subjects[0]] {
                let closed = RequestClosed(requestId: UUID(), subjectRef: subject, outcome: "helped", routes: ["passed-on"], district: "Klarendal")
                let envelope = Envelope(closed, correlationId: closed.requestId, municipality: .arnhem, producer: "front-desk", timestamp: clock.now)
                try await publisher.publish(
                    OutgoingMessage(
                        exchange: Topology.eventsExchange,
                        routingKey: RequestClosed.messageType,
                        body: try ContractJSON.encoder().encode(envelope),
                        properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: RequestClosed.messageType)
                    )
                )
            }
            // Ended care counts as well: for one of them again, for one more person, and not for
            // someone who died.
            let cared = SubjectRef()
            for (subject, reason) in [(subjects[1], CareStopped.Reason.goalsReached), (cared, .goalsReached), (SubjectRef(), .deceased)] {
                let ended = CareEnded(
                    allocationId: UUID(),
                    subjectRef: subject,
                    category: .householdHelp,
                    stopDate: "2026-12-04",
                    reason: reason
                )
                let envelope = Envelope(ended, correlationId: UUID(), municipality: .arnhem, producer: "indication", timestamp: clock.now)
                try await publisher.publish(
                    OutgoingMessage(
                        exchange: Topology.eventsExchange,
                        routingKey: CareEnded.messageType,
                        body: try ContractJSON.encoder().encode(envelope),
                        properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: CareEnded.messageType)
                    )
                )
            }
            // Once a year per person: seven invitations for ten events.
            let all = try await admin.drain(invitations.name, count: 7, timeout: 15)
            try await eventually("all ten events taken in") { await TestDatabase.count(pool, "SELECT count(*) FROM inbox") == 10 }
            let deliveries = try all.filter {
                try ContractJSON.decoder().decode(Envelope<PanelInvitationRequested>.self, from: $0.body).payload.subjectRef != cared
            }
            #expect(all.count == 7 && deliveries.count == 6)
            #expect(try await admin.messageCount(invitations.name) == 0)
            let asked = try deliveries.map { try ContractJSON.decoder().decode(Envelope<PanelInvitationRequested>.self, from: $0.body).payload }
            #expect(Set(asked.map(\.subjectRef)) == Set(subjects))
            for delivery in deliveries {
                // Only the subjectRef and the link reach the desk; the panel had nothing more.
                let json = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
                let payload = try #require(json["payload"] as? [String: Any])
                #expect(Set(payload.keys) == ["invitationId", "subjectRef", "surveyTitle", "surveyLink"])
            }
            let tokens = try asked.map { invitation in
                #expect(invitation.surveyLink.hasPrefix("https://panel.example/vragenlijst/"))
                return String(try #require(invitation.surveyLink.split(separator: "/").last))
            }

            // The questionnaire page behind a link; the answers; the link then stops working.
            let router = Router(context: BasicRequestContext.self)
            QuestionnairePage(service: service, site: try await PanelSite.load()).add(to: router)
            try await Application(router: router).test(.router) { client in
                try await client.execute(uri: "/vragenlijst/\(tokens[0])", method: .get) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    #expect(html.contains("serieus genomen") && html.contains("name=\"heard\""))
                }
                try await client.execute(uri: "/vragenlijst/forged-token", method: .get) { response in
                    #expect(response.status == .notFound)
                }
                let form = [("access", "4"), ("heard", "5"), ("speed", "2"), ("ageBand", "65-79"), ("sex", "female")]
                    .map { "\($0.0)=\($0.1)" }.joined(separator: "&")
                let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                try await client.execute(uri: "/vragenlijst/\(tokens[0])", method: .post, headers: headers, body: ByteBuffer(string: "heard=9")) {
                    response in
                    #expect(response.status == .unprocessableContent)
                }
                try await client.execute(uri: "/vragenlijst/\(tokens[0])", method: .post, headers: headers, body: ByteBuffer(string: form)) {
                    response in
                    #expect(response.status == .ok)
                }
                try await client.execute(uri: "/vragenlijst/\(tokens[0])", method: .post, headers: headers, body: ByteBuffer(string: form)) {
                    response in
                    #expect(response.status == .notFound)
                }
            }
            for token in tokens.dropFirst() {
                try await service.submit(token: token, AnswersInput(scale: ["heard": 4, "fit": 3]))
            }

            // Nobody sees results before the survey closes (31 March 2027); then they count.
            await #expect(throws: PanelError.resultsNotYet("2027-03-31")) {
                _ = try await service.satisfactionResults(year: 2026, municipality: .arnhem)
            }
            clock.set(TestClock.at(2027, 4, 1))
            // The one who was invited for ended care did not answer in time: now it is closed.
            let late = try #require(
                try all.map { try ContractJSON.decoder().decode(Envelope<PanelInvitationRequested>.self, from: $0.body).payload }
                    .first { $0.subjectRef == cared }
            )
            await #expect(throws: PanelError.surveyClosed("2027-03-31")) {
                try await service.submit(token: String(late.surveyLink.split(separator: "/").last ?? ""), AnswersInput(scale: ["fit": 4]))
            }
            let results = try await service.satisfactionResults(year: 2026, municipality: .arnhem)
            #expect(results.completed == 6 && !results.publishable)
            // Five answered 4 and one 5: showing the five would give the one away, so neither is.
            let heard = try #require(results.questions["heard"])
            #expect(heard.respondents == 6 && heard.counts[4]! == nil && heard.counts[5]! == nil && heard.mean == nil)
            // Only one answered "speed": nothing of it is shown.
            #expect(try #require(results.questions["speed"]).mean == nil)

            // Published: too few for a municipality-wide result, so only the count.
            let published = Router(context: BasicRequestContext.self)
            ResultsAPI.add(to: published, service: service)
            ResultsPage(service: service, site: try await PanelSite.load()).add(to: published)
            try await Application(router: published).test(.router) { client in
                try await client.execute(uri: "/api/v1/satisfaction/2026/results?municipality=0202", method: .get) { response in
                    #expect(response.status == .ok)
                    let view = try JSONDecoder().decode(ResultsView.self, from: Data(buffer: response.body))
                    #expect(view.completed == 6 && !view.publishable && view.questions.isEmpty && view.minimumForPublication == 475)
                }
                try await client.execute(uri: "/api/v1/satisfaction/2026/results.csv?municipality=0202", method: .get) { response in
                    #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                    #expect(String(buffer: response.body) == "question,answer,label,count,share\n")
                }
                try await client.execute(uri: "/api/v1/satisfaction/1999/results?municipality=0202", method: .get) { response in
                    #expect(response.status == .badRequest && response.headers[.contentType] == "application/problem+json")
                }
                try await client.execute(uri: "/api/v1/satisfaction/2027/results?municipality=0202", method: .get) { response in
                    #expect(response.status == .conflict)
                }
                try await client.execute(uri: "/resultaten/2026?gemeente=0202", method: .get) { response in
                    #expect(response.status == .ok && String(buffer: response.body).contains("minimaal 475"))
                }
            }

            // No stored response can be joined back: no column for the invitation, token or
            // person, and the invitations say only that they were used.
            let columns = try await pool.withConnection { connection in
                try connection.query(
                    "SELECT column_name::text FROM information_schema.columns WHERE table_schema = \(schema) AND table_name = 'responses'"
                ).rows.map { try $0.decode(String.self, at: 0) }
            }
            #expect(Set(columns) == ["id", "municipality", "survey_id", "district", "age_band", "sex", "submitted_on", "answers"])
            // Who was invited has no link and no district; a link has no person and is gone once used.
            let invitedColumns = try await pool.withConnection { connection in
                try connection.query(
                    "SELECT column_name::text FROM information_schema.columns WHERE table_schema = \(schema) AND table_name = 'invited'"
                ).rows.map { try $0.decode(String.self, at: 0) }
            }
            #expect(Set(invitedColumns) == ["id", "municipality", "survey_id", "subject_ref", "invited_on"])
            #expect(await TestDatabase.count(pool, "SELECT count(*) FROM invited") == 7)
            #expect(await TestDatabase.count(pool, "SELECT count(*) FROM open_links") == 1)
            // The whole schema: no column for a client's name, BSN, address, birth date, phone or
            // e-mail; only the panel's own members (who signed up themselves) have an e-mail address.
            let personal = try await pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT table_name::text || '.' || column_name::text FROM information_schema.columns
                    WHERE table_schema = \(schema) AND column_name ~ '(name|bsn|address|street|postcode|birth|phone|email|mail)'
                    """
                ).rows.map { try $0.decode(String.self, at: 0) }
            }
            #expect(
                Set(personal) == ["members.email", "researchers.username", "researchers.display_name", "login_refusals.username"],
                "\(personal.sorted())"
            )
        }
        try? await admin.delete(inbound)
        try? await admin.delete(invitations)
        await publisher.close()
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
        if let serviceFailure = outcome.serviceFailure { Issue.record("relay or consumer failed: \(serviceFailure)") }
        if let failure = outcome.failure { throw failure }
    }
}
