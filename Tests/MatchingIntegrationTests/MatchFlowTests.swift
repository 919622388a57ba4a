import Contracts
import Foundation
import Matching
import Messaging
import TestKit
import Testing

extension MatchingIntegration {
    /// The chain end to end over the real broker and database: a centre registers volunteers
    /// from its own login, the desk and indication ask, matching proposes with score parts,
    /// answers come from the centre or the volunteer's one-time link, and the outcome goes back to
    /// whoever asked (SPEC §4).
    @Suite
    struct MatchFlowTests {
        @Test func aDeskRequestIsOfferedToTheCentreAcceptedAndMatchedThenEnded() async throws {
            let fixture = try await MatchingFixture.make("desk_flow")
            try await fixture.run {
                try await fixture.publish(MatchingFixture.volunteer("V-17", name: "Anneke de Vries"), as: fixture.centre)
                let receipt = try #require(
                    try MatchingFixture.payloads(VolunteerRecorded.self, in: try await fixture.messages(for: fixture.centre, 1)).first
                )
                #expect(receipt.reference == "V-17" && receipt.outcome == "registered")

                let subject = SubjectRef()
                let requestID = UUID()
                try await fixture.publishDeskRequest(
                    "Iemand die wekelijks op de koffie komt en een wandelingetje maakt.",
                    requestId: requestID,
                    subjectRef: subject
                )
                let offer = try #require(
                    try MatchingFixture.payloads(ProposalOffered.self, in: try await fixture.messages(for: fixture.centre, 1)).first
                )
                #expect(offer.volunteerReference == "V-17" && offer.task == .visiting && offer.district == "Klarendal")
                // Every proposal explains itself: the parts add up to the total.
                let score = offer.score
                #expect(score.task == 20 && score.total == score.task + score.availability + score.distance + score.language + score.load)
                #expect(score.kilometres == 0 && score.distance == 25)
                #expect(offer.answerUrl.hasPrefix("https://matching.example/antwoord/"))
                // Any time, open-ended: the desk gave no time windows or duration.
                #expect(offer.timeWindows.count == 21 && offer.durationWeeks == nil)

                try await fixture.publish(ProposalAnswered(proposalId: offer.proposalId, answer: "accepted"), as: fixture.centre)
                let matched = try #require(
                    try MatchingFixture.payloads(MatchingMatched.self, in: try await fixture.outcomeEvents(1)).first
                )
                #expect(matched.requestId == requestID && matched.subjectRef == subject && matched.matchId == offer.proposalId)
                #expect(matched.volunteerDisplayName == "Anneke" && matched.lineId == nil)

                // A second answer to the taken proposal is refused, with the reason, to the centre.
                try await fixture.publish(ProposalAnswered(proposalId: offer.proposalId, answer: "declined"), as: fixture.centre)
                let notice = try #require(
                    try MatchingFixture.payloads(MessageRejected.self, in: try await fixture.messages(for: fixture.centre, 1)).first
                )
                #expect(notice.reason.contains("proposal-not-open"))

                // The redelivered request (same request id, new message id) is the same request.
                let resend = try await fixture.publishDeskRequest(
                    "Iemand die wekelijks op de koffie komt.",
                    requestId: requestID,
                    subjectRef: subject
                )
                try await eventually("the resend is consumed") {
                    await fixture.count("SELECT count(*) FROM inbox WHERE message_id = '\(resend.uuidString.lowercased())'") == 1
                }
                #expect(await fixture.count("SELECT count(*) FROM support_requests") == 1)

                _ = try await fixture.service.start(offer.proposalId, by: fixture.coordinator)
                _ = try await fixture.service.end(
                    offer.proposalId,
                    EndInput(evaluation: "Fijne bezoeken; mevrouw gaat verhuizen."),
                    by: fixture.coordinator
                )
                let ended = try #require(try MatchingFixture.payloads(MatchingEnded.self, in: try await fixture.outcomeEvents(1)).first)
                #expect(ended.matchId == offer.proposalId && ended.subjectRef == subject && ended.endedOn == "2026-12-07")

                let figures = try await fixture.service.figures(by: fixture.coordinator)
                #expect(figures.ended == 1 && figures.openRequests == 0 && figures.matchesByTaskAndDistrict["visiting/Klarendal"] == 1)
            }
        }

        @Test func aCentreRegistersAPauseAndThePausedVolunteerIsNotProposed() async throws {
            let fixture = try await MatchingFixture.make("pause")
            try await fixture.run {
                var paused = MatchingFixture.volunteer("V-30", name: "Kees Bos")
                paused.pauses = [.init(from: "2026-12-01", until: "2026-12-31")]
                try await fixture.publish(paused, as: fixture.centre)
                _ = try await fixture.messages(for: fixture.centre, 1)
                #expect(await fixture.count("SELECT count(*) FROM volunteers WHERE pauses @> '[{\"from\": \"2026-12-01\"}]'") == 1)
                try await fixture.publishDeskRequest("Bezoek in december.")
                try await eventually("the request is stored") { await fixture.count("SELECT count(*) FROM support_requests") == 1 }
                #expect(await fixture.count("SELECT count(*) FROM proposals") == 0)
                let open = try await fixture.service.openRequests(by: fixture.coordinator)
                #expect(open.first?.lastSearch?.contains("pauzeert") == true, "\(open.first?.lastSearch ?? "none")")

                // A pause that ends before it begins is refused, and the stored one stays.
                var backwards = paused
                backwards.pauses = [.init(from: "2027-01-10", until: "2027-01-01")]
                try await fixture.publish(backwards, as: fixture.centre)
                try await eventually("the backwards pause is dead-lettered") {
                    try await fixture.admin.messageCount("\(fixture.inbound.name).dlq") == 1
                }
                let notice = try MatchingFixture.payloads(MessageRejected.self, in: try await fixture.messages(for: fixture.centre, 1))
                #expect(notice.first?.reason.contains("invalid-pause") == true, "\(notice)")
                #expect(await fixture.count("SELECT count(*) FROM volunteers WHERE pauses @> '[{\"from\": \"2026-12-01\"}]'") == 1)

                // A volunteer who is free on Wednesday mornings gets the desk's Wednesday request,
                // with its time window and duration; a window that is no part of a day is refused.
                try await fixture.publish(MatchingFixture.volunteer("V-31", name: "Wim Jansen"), as: fixture.centre)
                _ = try await fixture.messages(for: fixture.centre, 1)
                try await fixture.publishDeskRequest("Wandelen op woensdag.", timeWindows: ["wednesday-morning"], durationWeeks: 8)
                let offer = try #require(
                    try MatchingFixture.payloads(ProposalOffered.self, in: try await fixture.messages(for: fixture.centre, 1)).first
                )
                #expect(offer.volunteerReference == "V-31" && offer.timeWindows == ["wednesday-morning"] && offer.durationWeeks == 8)
                try await fixture.publishDeskRequest("Wandelen 's nachts.", timeWindows: ["monday-night"])
                try await eventually("the impossible window is dead-lettered") {
                    try await fixture.admin.messageCount("\(fixture.inbound.name).dlq") == 2
                }
                #expect(await fixture.count("SELECT count(*) FROM support_requests") == 2)
            }
        }

        @Test func aDeclineGoesToTheNextVolunteerWhoAnswersThroughTheOneTimeLink() async throws {
            let fixture = try await MatchingFixture.make("decline_flow")
            try await fixture.run {
                // Near (Klarendal) and farther (Presikhaaf): the near one is asked first.
                try await fixture.publish(MatchingFixture.volunteer("V-1", name: "Kees Jansen"), as: fixture.centre)
                try await fixture.publish(MatchingFixture.volunteer("V-2", name: "Fatma Yilmaz", postcode: "6826 AA"), as: fixture.centre)
                _ = try await fixture.messages(for: fixture.centre, 2)
                try await fixture.publishDeskRequest("Gezelschap op maandagochtend.")
                let first = try #require(
                    try MatchingFixture.payloads(ProposalOffered.self, in: try await fixture.messages(for: fixture.centre, 1)).first
                )
                #expect(first.volunteerReference == "V-1")

                // Another centre cannot answer for this centre's volunteer.
                try await fixture.publish(ProposalAnswered(proposalId: first.proposalId, answer: "accepted"), as: fixture.otherCentre)
                let refused = try #require(
                    try MatchingFixture.payloads(MessageRejected.self, in: try await fixture.messages(for: fixture.otherCentre, 1)).first
                )
                #expect(refused.reason.contains("not-permitted"))
                #expect(await fixture.count("SELECT count(*) FROM proposals WHERE status = 'proposed'") == 1)

                try await fixture.publish(
                    ProposalAnswered(proposalId: first.proposalId, answer: "declined", reason: "Op maandag niet."),
                    as: fixture.centre
                )
                let second = try #require(
                    try MatchingFixture.payloads(ProposalOffered.self, in: try await fixture.messages(for: fixture.centre, 1)).first
                )
                #expect(second.volunteerReference == "V-2" && second.score.distance < first.score.distance)

                // The volunteer answers through the link; the link then stops working.
                let token = String(try #require(second.answerUrl.split(separator: "/").last))
                let offer = try await fixture.service.proposal(token: token)
                #expect(offer.firstName == "Fatma" && offer.task == .visiting)
                _ = try await fixture.service.answer(token: token, AnswerInput(answer: "accepted", reason: nil))
                await #expect(throws: MatchingError.answerLinkInvalid) {
                    _ = try await fixture.service.answer(token: token, AnswerInput(answer: "declined", reason: nil))
                }
                let matched = try #require(try MatchingFixture.payloads(MatchingMatched.self, in: try await fixture.outcomeEvents(1)).first)
                #expect(matched.volunteerDisplayName == "Fatma")
                // Declined: no open match; accepted: one (the counter ranking reads).
                #expect(await fixture.count("SELECT sum(open_matches) FROM volunteers") == 1)
            }
        }

        @Test func anArrangementLineWithoutASuitableVolunteerFailsBackToIndicationAfterTheTerm() async throws {
            let fixture = try await MatchingFixture.make("line_fails")
            try await fixture.run {
                // Offers respite care but has no VOG: never proposed where one is required.
                try await fixture.publish(MatchingFixture.volunteer("V-9", name: "Piet Bakker", tasks: [.respiteCare]), as: fixture.centre)
                _ = try await fixture.messages(for: fixture.centre, 1)
                let lineID = UUID()
                let subject = SubjectRef()
                try await fixture.publishEvent(
                    InformalSupportRequested(
                        requestId: UUID(),
                        lineId: lineID,
                        subjectRef: subject,
                        task: .respiteCare,
                        question: "Een dagdeel per week de zorg overnemen zodat de partner kan bijkomen.",
                        certificateRequired: false,
                        urgency: .normal
                    ),
                    producer: "indication"
                )
                try await eventually("the line is received") { await fixture.count("SELECT count(*) FROM support_requests") == 1 }
                #expect(await fixture.count("SELECT count(*) FROM proposals") == 0)
                #expect(await fixture.count("SELECT count(*) FROM support_requests WHERE certificate_required AND last_search LIKE '%VOG%'") == 1)

                // Ten working days on (Monday 7 → Monday 21 December), still nobody: failed.
                fixture.clock.set(TestClock.at(2026, 12, 21))
                #expect(try await fixture.service.runSweep().failed == 0)
                fixture.clock.set(TestClock.at(2026, 12, 22))
                #expect(try await fixture.service.runSweep().failed == 1)
                let failed = try #require(try MatchingFixture.payloads(MatchingFailed.self, in: try await fixture.outcomeEvents(1)).first)
                #expect(failed.lineId == lineID && failed.subjectRef == subject && failed.reason.contains("VOG"))
                // Idempotent: a second sweep fails nothing again.
                #expect(try await fixture.service.runSweep().failed == 0)
            }
        }

        @Test func anUnansweredProposalLapsesAndNoClientDataIsStored() async throws {
            let fixture = try await MatchingFixture.make("lapse")
            try await fixture.run {
                try await fixture.publish(MatchingFixture.volunteer("V-3", name: "Joke Smit"), as: fixture.centre)
                _ = try await fixture.messages(for: fixture.centre, 1)
                try await fixture.publishDeskRequest("Bezoek voor een oudere heer.")
                _ = try await fixture.messages(for: fixture.centre, 1)
                // A question carrying a BSN is refused at the door: dead-lettered, nothing stored.
                try await fixture.publishDeskRequest("Mevrouw met BSN 123456782 zoekt gezelschap.")
                try await eventually("the BSN question is dead-lettered") { try await fixture.admin.messageCount("\(fixture.inbound.name).dlq") == 1 }
                #expect(await fixture.count("SELECT count(*) FROM support_requests") == 1)
                #expect(await fixture.count("SELECT count(*) FROM support_requests WHERE question LIKE '%123456782%'") == 0)
                // A centre matching does not know (no `matching add-centre`) registers nobody.
                let stranger = OrganisationKey(municipality: .arnhem, id: "vc3-\(fixture.centre.id.suffix(12))")
                try await fixture.publish(MatchingFixture.volunteer("X-1", name: "Onbekend"), as: stranger)
                try await eventually("the stranger's registration is dead-lettered") {
                    try await fixture.admin.messageCount("\(fixture.inbound.name).dlq") == 2
                }
                #expect(await fixture.count("SELECT count(*) FROM volunteers") == 1)

                // Three working days to answer (to Thursday 10 December); on Friday 11 it lapses.
                fixture.clock.set(TestClock.at(2026, 12, 11))
                let run = try await fixture.service.runSweep()
                #expect(run.lapsed == 1 && run.proposed == 0)
                #expect(await fixture.count("SELECT count(*) FROM proposals WHERE status = 'lapsed' AND token_hash IS NULL") == 1)
                // The centre is told, so that it stops asking her.
                let closed = try await fixture.messages(for: fixture.centre, 1)
                let notice = try ContractJSON.decoder().decode(Envelope<ProposalClosed>.self, from: try #require(closed.first).body).payload
                #expect(notice.volunteerReference == "V-3" && notice.reason == .lapsed && notice.closedOn == "2026-12-11")
                // The lapsed proposal no longer counts against her maximum.
                #expect(await fixture.count("SELECT count(*) FROM volunteers WHERE open_matches = 0") == 1)
            }
        }
    }
}
