import Contracts
import Foundation
import Testing

@testable import FrontDesk

@Suite("Request lifecycle")
struct RequestLifecycleTests {
    let t0 = Fixtures.at(2026, 3, 2, 9)
    let t1 = Fixtures.at(2026, 3, 2, 10)
    let t2 = Fixtures.at(2026, 3, 3, 10)

    @Test("a new request is received; its text is checked")
    func receive() throws {
        let request = try HelpRequest.receive(
            municipality: .arnhem,
            personID: UUID(),
            kind: .notification,
            channel: .phone,
            source: .other,
            categories: [.finances, .finances, .housing],
            text: "Schulden",
            at: t0
        )
        #expect(request.status == .received)
        #expect(request.categories == [.finances, .housing])
        #expect(throws: FrontDeskError.missingField(field: "text", label: "De hulpvraag")) {
            try HelpRequest.receive(
                municipality: .arnhem,
                personID: nil,
                kind: .question,
                channel: .digital,
                source: .citizen,
                text: "   ",
                at: t0
            )
        }
        let tooLong = String(repeating: "x", count: 4001)
        #expect(throws: FrontDeskError.fieldTooLong(field: "text", label: "De hulpvraag", maxLength: 4000, actualLength: 4001)) {
            try HelpRequest.receive(
                municipality: .arnhem,
                personID: nil,
                kind: .question,
                channel: .digital,
                source: .citizen,
                text: tooLong,
                at: t0
            )
        }
    }

    @Test("received → clarifying → answered → closed: the one-contact path")
    func answeredAtOnce() throws {
        var request = try HelpRequest.receive(
            municipality: .arnhem,
            personID: nil,
            kind: .question,
            channel: .counter,
            source: .citizen,
            text: "Waar vind ik de taalcafé?",
            at: t0
        )
        try request.startClarifying(by: Fixtures.anna, at: t0)
        #expect(request.status == .clarifying)
        #expect(request.handler == Fixtures.anna)
        let route = try request.takeRoute(.answered, note: "Taalcafé in de bibliotheek, dinsdag 14 uur", at: t1)
        #expect(route.state == .completed)
        #expect(request.status == .routed)
        #expect(request.canCloseWithoutReason)
        try request.close(outcome: .resolved, at: t1)
        #expect(request.status == .closed)
        #expect(request.outcome == .resolved)
        #expect(request.closedAt == t1)
        #expect(request.closeReason == nil)
    }

    @Test("fan-out: passed on to social work AND indication; close only when both finished")
    func fanOut() throws {
        var request = Fixtures.clarifyingRequest()
        try request.clarify(question: "Hulp bij het huishouden en contact met anderen", urgency: .high, at: t1)
        let social = try request.takeRoute(.passedOn, partner: Fixtures.rijnstad, at: t1)
        let indication = try request.takeRoute(.indication, at: t1)
        #expect(request.routes.count == 2)
        #expect(request.openRoutes.count == 2)
        #expect(request.urgency == .high)
        #expect(try request.questionForPartners(about: Fixtures.person()) == "Hulp bij het huishouden en contact met anderen")

        try request.updateRoute(id: social.id, to: .inProgress, at: t2)
        try request.updateRoute(id: social.id, to: .completed, note: "Maatjesproject gestart", at: t2)
        #expect(throws: FrontDeskError.routesStillOpen([.indication])) { try request.close(outcome: .resolved, at: t2) }
        #expect(request.status == .routed)

        // A third route may still be added while routed.
        let matching = try request.takeRoute(.matching, at: t2)
        try request.updateRoute(id: indication.id, to: .completed, note: "Beschikking HH", at: t2)
        try request.updateRoute(id: matching.id, to: .failed, note: "Geen vrijwilliger gevonden", at: t2)
        try request.close(outcome: .partlyResolved, at: t2)
        #expect(request.status == .closed)
        #expect(request.routes.allSatisfy { $0.isFinished })
        #expect(request.route(id: matching.id)?.finishedAt == t2)
    }

    @Test("closing with a reason cancels the open routes and returns them")
    func closeWithReason() throws {
        var request = Fixtures.clarifyingRequest()
        let passed = try request.takeRoute(.passedOn, partner: Fixtures.mee, at: t1)
        _ = try request.takeRoute(.answered, note: "Folder meegegeven", at: t1)
        #expect(throws: FrontDeskError.missingField(field: "closeReason", label: "De reden van afsluiten")) {
            try request.close(outcome: .withdrawn, reason: "", at: t2)
        }
        let cancelled = try request.close(outcome: .withdrawn, reason: "Burger trekt de vraag in", at: t2)
        #expect(cancelled.map(\.id) == [passed.id])
        #expect(request.route(id: passed.id)?.state == .cancelled)
        #expect(request.closeReason == "Burger trekt de vraag in")
        #expect(request.status == .closed)
    }

    @Test("a request without routes closes only with a reason")
    func closeBeforeRouting() throws {
        var request = Fixtures.clarifyingRequest()
        #expect(throws: FrontDeskError.invalidTransition(from: .clarifying, to: .closed)) {
            try request.close(outcome: .resolved, at: t1)
        }
        var received = try HelpRequest.receive(
            municipality: .arnhem,
            personID: nil,
            kind: .notification,
            channel: .letter,
            source: .citizen,
            text: "Dubbel",
            at: t0
        )
        let cancelled = try received.close(outcome: .duplicate, reason: "Zelfde vraag als gisteren", at: t1)
        #expect(cancelled.isEmpty)
        #expect(received.status == .closed)
        _ = try request.close(outcome: .unreachable, reason: "Drie keer gebeld", at: t1)
        #expect(request.status == .closed)
    }

    @Test("illegal transitions throw and leave the request unchanged")
    func illegalTransitions() throws {
        var received = try HelpRequest.receive(
            municipality: .arnhem,
            personID: nil,
            kind: .notification,
            channel: .letter,
            source: .citizen,
            categories: [.housing],
            text: "Vraag",
            at: t0
        )
        let before = received
        #expect(throws: FrontDeskError.invalidTransition(from: .received, to: .routed)) {
            try received.takeRoute(.indication, at: t1)
        }
        #expect(received == before)

        var request = Fixtures.clarifyingRequest()
        #expect(throws: FrontDeskError.invalidTransition(from: .clarifying, to: .clarifying)) {
            try request.startClarifying(at: t1)
        }
        let route = try request.takeRoute(.answered, note: "Uitleg gegeven", at: t1)
        try request.close(outcome: .resolved, at: t1)
        let closed = request
        #expect(throws: FrontDeskError.invalidTransition(from: .closed, to: .routed)) {
            try request.takeRoute(.indication, at: t2)
        }
        #expect(throws: FrontDeskError.invalidTransition(from: .closed, to: .closed)) {
            try request.close(outcome: .resolved, reason: "nog eens", at: t2)
        }
        #expect(throws: FrontDeskError.invalidTransition(from: .closed, to: .routed)) {
            try request.updateRoute(id: route.id, to: .cancelled, at: t2)
        }
        #expect(throws: FrontDeskError.invalidTransition(from: .closed, to: .clarifying)) {
            try request.clarify(question: "x", at: t2)
        }
        #expect(request == closed)
    }

    @Test("route rules: partner needed, no duplicate open route, finished routes are final")
    func routeRules() throws {
        var request = Fixtures.clarifyingRequest()
        #expect(throws: FrontDeskError.missingField(field: "partner", label: "De partner")) {
            try request.takeRoute(.passedOn, at: t1)
        }
        #expect(throws: FrontDeskError.missingField(field: "answer", label: "Het gegeven antwoord")) {
            try request.takeRoute(.answered, at: t1)
        }
        let first = try request.takeRoute(.passedOn, partner: Fixtures.mee, at: t1)
        #expect(throws: FrontDeskError.routeAlreadyOpen(kind: .passedOn, partner: Fixtures.mee)) {
            try request.takeRoute(.passedOn, partner: Fixtures.mee, at: t1)
        }
        // Another partner is a different way and is allowed.
        _ = try request.takeRoute(.passedOn, partner: Fixtures.rijnstad, at: t1)
        try request.updateRoute(id: first.id, to: .failed, note: "Wachtlijst", at: t2)
        #expect(throws: FrontDeskError.invalidRouteTransition(kind: .passedOn, from: .failed, to: .completed)) {
            try request.updateRoute(id: first.id, to: .completed, at: t2)
        }
        // Once the first failed, the same partner may be tried again.
        _ = try request.takeRoute(.passedOn, partner: Fixtures.mee, at: t2)
        let unknown = UUID()
        #expect(throws: FrontDeskError.routeNotFound(unknown)) { try request.updateRoute(id: unknown, to: .completed, at: t2) }
        #expect(request.route(id: first.id)?.note == "Wachtlijst")
    }

    @Test("passing on needs at least one life domain")
    func noCategories() {
        var request = Fixtures.clarifyingRequest(categories: [])
        #expect(throws: FrontDeskError.noCategories) { try request.takeRoute(.indication, at: t1) }
        #expect(request.status == .clarifying)
    }

    @Test("status transition table")
    func statusTable() {
        #expect(RequestStatus.received.canMove(to: .clarifying))
        #expect(!RequestStatus.received.canMove(to: .routed))
        #expect(RequestStatus.routed.canMove(to: .routed))
        #expect(!RequestStatus.closed.canMove(to: .received))
        #expect(!RequestStatus.routed.canMove(to: .clarifying))
        #expect(RouteState.open.canMove(to: .completed))
        #expect(!RouteState.completed.canMove(to: .open))
        #expect(!RouteState.cancelled.canMove(to: .inProgress))
    }

    @Test("messages explain the state and what to do")
    func messages() {
        let error = FrontDeskError.invalidTransition(from: .closed, to: .routed)
        #expect(error.httpStatus == 409)
        #expect(error.code == "invalid-transition")
        #expect(error.message.contains("Afgesloten"))
        #expect(error.message.contains("nieuwe hulpvraag"))
        #expect(FrontDeskError.routesStillOpen([.indication]).message.contains("Indicatie"))
    }

    /// Defect: an unclarified request sent the citizen's own words (`text`) to partners.
    @Test("no route that sends the question out before it is clarified; an answer may")
    func clarifiedQuestionRequired() throws {
        var request = Fixtures.clarifyingRequest(question: nil)
        for kind in [RouteKind.passedOn, .indication, .matching] {
            #expect(throws: FrontDeskError.questionNotClarified) {
                try request.takeRoute(kind, partner: Fixtures.mee, at: t1)
            }
        }
        #expect(throws: FrontDeskError.questionNotClarified) { try request.questionForPartners(about: Fixtures.person()) }
        #expect(request.routes.isEmpty)
        try request.takeRoute(.answered, note: "Folder meegegeven.", at: t1)
        #expect(request.routes.map(\.kind) == [.answered])
    }

    @Test("the clarified question may not name the person")
    func questionNamesPerson() throws {
        let request = Fixtures.clarifyingRequest(question: "Gesprek thuis bij Berg over eenzaamheid.")
        #expect(
            throws: FrontDeskError.personalDataInText(
                field: "clarifiedQuestion",
                label: "De verhelderde vraag",
                item: .familyName
            )
        ) { try request.questionForPartners(about: Fixtures.person()) }
    }
}
