public import Contracts
public import Foundation

/// The request lifecycle (SPEC §2): `received → clarifying → routed → closed`, with fan-out.
///
/// Every method is pure: it checks the rule, changes the value and returns what the caller
/// must publish or store. Illegal moves throw `FrontDeskError.invalidTransition(from:to:)` and
/// leave the request unchanged.
extension HelpRequest {
    /// Starts clarifying the question (vraagverheldering): `received → clarifying`.
    /// - Parameter handler: the staff member who takes it; keeps the current handler when `nil`.
    public mutating func startClarifying(by handler: StaffID? = nil, at time: Date) throws(FrontDeskError) {
        try move(to: .clarifying)
        if let handler { self.handler = handler }
        status = .clarifying
        updatedAt = time
    }

    /// Records the outcome of the clarification: the clarified question, the life domains and
    /// the urgency. Allowed until the request is closed.
    /// - Throws: `.invalidTransition` on a closed request, `.fieldTooLong` (field
    ///   `clarifiedQuestion`) past 4000 characters.
    public mutating func clarify(
        question: String?,
        categories: [LifeDomain]? = nil,
        urgency: Urgency? = nil,
        at time: Date
    ) throws(FrontDeskError) {
        guard status != .closed else { throw .invalidTransition(from: .closed, to: .clarifying) }
        if let problem = HelpRequest.checkText(
            question,
            field: "clarifiedQuestion",
            label: "De verhelderde vraag",
            required: false
        ) {
            throw problem
        }
        let trimmed = question?.trimmingWhitespace() ?? ""
        clarifiedQuestion = trimmed.isEmpty ? nil : question
        if let categories { self.categories = HelpRequest.unique(categories) }
        if let urgency { self.urgency = urgency }
        updatedAt = time
    }

    /// Takes a route: `clarifying → routed`, or adds one more route to a routed request (fan-out).
    ///
    /// An `answered` route is finished at once and needs `note` (the answer given). A `passedOn`
    /// route needs a partner. Routes other than `answered` need at least one life domain.
    /// - Returns: the new route; for `passedOn` the caller creates the `Referral` with its id.
    /// - Throws: `.invalidTransition` unless clarifying or routed; `.questionNotClarified`
    ///   without a clarified question for every route that sends the question out (an
    ///   `answered` route keeps everything at the desk: the answer at the counter is its
    ///   clarification); `.routeAlreadyOpen` when the same way (kind and partner) is still open;
    ///   `.missingField` for a missing partner or answer; `.noCategories`.
    @discardableResult
    public mutating func takeRoute(
        _ kind: RouteKind,
        partner: PartnerID? = nil,
        note: String? = nil,
        id: UUID = UUID(),
        at time: Date
    ) throws(FrontDeskError) -> RequestRoute {
        try move(to: .routed)
        guard kind == .answered || clarifiedQuestion != nil else { throw .questionNotClarified }
        if kind == .passedOn, partner == nil { throw .missingField(field: "partner", label: "De partner") }
        if kind == .answered {
            if let problem = HelpRequest.checkText(note, field: "answer", label: "Het gegeven antwoord", required: true) {
                throw problem
            }
        } else if categories.isEmpty {
            throw .noCategories
        }
        let route = RequestRoute(
            id: id,
            kind: kind,
            partnerID: kind == .passedOn ? partner : nil,
            state: kind == .answered ? .completed : .open,
            openedAt: time,
            finishedAt: kind == .answered ? time : nil,
            note: note
        )
        if let same = openRoutes.first(where: { $0.isSameWay(as: route) }) {
            throw .routeAlreadyOpen(kind: same.kind, partner: same.partnerID)
        }
        routes.append(route)
        status = .routed
        updatedAt = time
        settleDeadlines()
        return route
    }

    /// Moves one route to a new state (partner accepted → `inProgress`, completed, declined →
    /// `failed`, desk cancelled → `cancelled`).
    /// - Returns: the updated route.
    /// - Throws: `.routeNotFound`, `.invalidTransition` on a closed request,
    ///   `.invalidRouteTransition` when the route cannot move there (e.g. it is already finished).
    @discardableResult
    public mutating func updateRoute(
        id routeID: UUID,
        to state: RouteState,
        note: String? = nil,
        at time: Date
    ) throws(FrontDeskError) -> RequestRoute {
        guard let index = routes.firstIndex(where: { $0.id == routeID }) else { throw .routeNotFound(routeID) }
        guard status != .closed else { throw .invalidTransition(from: .closed, to: .routed) }
        let current = routes[index]
        guard current.state.canMove(to: state) else {
            throw .invalidRouteTransition(kind: current.kind, from: current.state, to: state)
        }
        routes[index].state = state
        routes[index].updatedAt = time
        if state.isFinal { routes[index].finishedAt = time }
        if let note { routes[index].note = note }
        updatedAt = time
        return routes[index]
    }

    /// Closes a routed request whose routes are all finished.
    /// - Throws: `.invalidTransition` when the request is not routed (closed already, or no route
    ///   taken: then close with a reason), `.routesStillOpen` while any route is open.
    public mutating func close(outcome: RequestOutcome, at time: Date) throws(FrontDeskError) {
        try move(to: .closed)
        guard status == .routed else { throw .invalidTransition(from: status, to: .closed) }
        let open = openRoutes
        guard open.isEmpty else { throw .routesStillOpen(open.map(\.kind)) }
        finishClosing(outcome: outcome, reason: nil, at: time)
    }

    /// Closes the request explicitly, with a reason, whatever its routes: open routes are
    /// cancelled with that reason.
    /// - Returns: the routes this cancelled; for each passed-on one the caller tells the partner.
    /// - Throws: `.invalidTransition` when already closed, `.missingField`/`.fieldTooLong`
    ///   (field `closeReason`) for the reason.
    @discardableResult
    public mutating func close(
        outcome: RequestOutcome,
        reason: String,
        at time: Date
    ) throws(FrontDeskError) -> [RequestRoute] {
        try move(to: .closed)
        if let problem = FieldRules.text(
            reason,
            field: "closeReason",
            label: "De reden van afsluiten",
            max: FieldRules.maxReasonLength
        ).first {
            throw problem
        }
        var cancelled: [RequestRoute] = []
        for index in routes.indices where !routes[index].isFinished {
            routes[index].state = .cancelled
            routes[index].updatedAt = time
            routes[index].finishedAt = time
            routes[index].note = reason
            cancelled.append(routes[index])
        }
        finishClosing(outcome: outcome, reason: reason, at: time)
        return cancelled
    }

    private mutating func finishClosing(outcome: RequestOutcome, reason: String?, at time: Date) {
        status = .closed
        self.outcome = outcome
        closeReason = reason
        closedAt = time
        updatedAt = time
        settleDeadlines()
    }

    private func move(to next: RequestStatus) throws(FrontDeskError) {
        guard status.canMove(to: next) else { throw .invalidTransition(from: status, to: next) }
    }
}
