public import Contracts
public import Foundation

/// Hulpvraag / melding: a citizen's question as it reached the desk, with its routes.
///
/// The lifecycle (`received → clarifying → routed → closed`, with fan-out to several routes)
/// is kept by the methods in `HelpRequest+Lifecycle.swift`; the lifecycle fields can only be
/// changed through them.
public struct HelpRequest: Sendable, Hashable, Codable, Identifiable {
    /// Id of the request; also the `correlation_id` of every message about it.
    public var id: UUID
    /// The municipality whose desk owns the request (SPEC P6).
    public var municipality: MunicipalityCode
    /// The `Person.id` the request is about; `nil` for an anonymous question.
    public var personID: UUID?
    /// Melding, aanvraag, klacht or a simple question.
    public var kind: RequestKind
    /// How it arrived.
    public var channel: IntakeChannel
    /// Who brought it in.
    public var source: RequestSource
    /// Leefgebieden: the life domains concerned, in the order staff chose them, without duplicates.
    public internal(set) var categories: [LifeDomain]
    /// The question in the citizen's words, at most 4000 characters.
    public var text: String
    /// Verhelderde vraag: the question after clarification, which travels to partners.
    public internal(set) var clarifiedQuestion: String?
    /// Urgentie.
    public var urgency: Urgency
    /// Status.
    public internal(set) var status: RequestStatus
    /// Behandelaar: the staff member handling it.
    public var handler: StaffID?
    /// The team whose work list shows it.
    public var team: TeamID?
    /// When it was received.
    public var receivedAt: Date
    /// When anything in the lifecycle last changed.
    public internal(set) var updatedAt: Date
    /// When it was closed.
    public internal(set) var closedAt: Date?
    /// The routes taken, oldest first.
    public internal(set) var routes: [RequestRoute]
    /// The outcome chosen when closing.
    public internal(set) var outcome: RequestOutcome?
    /// The reason given when closing with routes still open (or before any route).
    public internal(set) var closeReason: String?
    /// Its statutory terms, as computed when each started: stored, never recomputed, so a
    /// later change of the calendar or the rules does not move a running term.
    public internal(set) var deadlines: [Deadline]
    /// A complaints committee advises on this complaint (10-week term instead of 6).
    public internal(set) var complaintsCommittee: Bool

    /// Rebuilds a request as stored, without checks; use `receive(...)` for a new one.
    public init(
        id: UUID,
        municipality: MunicipalityCode,
        personID: UUID?,
        kind: RequestKind,
        channel: IntakeChannel,
        source: RequestSource,
        categories: [LifeDomain],
        text: String,
        clarifiedQuestion: String? = nil,
        urgency: Urgency,
        status: RequestStatus,
        handler: StaffID? = nil,
        team: TeamID? = nil,
        receivedAt: Date,
        updatedAt: Date? = nil,
        closedAt: Date? = nil,
        routes: [RequestRoute] = [],
        outcome: RequestOutcome? = nil,
        closeReason: String? = nil,
        deadlines: [Deadline] = [],
        complaintsCommittee: Bool = false
    ) {
        self.id = id
        self.municipality = municipality
        self.personID = personID
        self.kind = kind
        self.channel = channel
        self.source = source
        self.categories = HelpRequest.unique(categories)
        self.text = text
        self.clarifiedQuestion = clarifiedQuestion
        self.urgency = urgency
        self.status = status
        self.handler = handler
        self.team = team
        self.receivedAt = receivedAt
        self.updatedAt = updatedAt ?? receivedAt
        self.closedAt = closedAt
        self.routes = routes
        self.outcome = outcome
        self.closeReason = closeReason
        self.deadlines = deadlines
        self.complaintsCommittee = complaintsCommittee
    }

    /// Registers a new request with status `received`.
    /// - Throws: `.missingField`/`.fieldTooLong` (field `text`) when the text is blank or longer
    ///   than 4000 characters.
    public static func receive(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        personID: UUID?,
        kind: RequestKind,
        channel: IntakeChannel,
        source: RequestSource,
        categories: [LifeDomain] = [],
        text: String,
        urgency: Urgency = .normal,
        handler: StaffID? = nil,
        team: TeamID? = nil,
        at time: Date
    ) throws(FrontDeskError) -> HelpRequest {
        if let problem = checkText(text, field: "text", label: "De hulpvraag", required: true) { throw problem }
        return HelpRequest(
            id: id,
            municipality: municipality,
            personID: personID,
            kind: kind,
            channel: channel,
            source: source,
            categories: categories,
            text: text,
            urgency: urgency,
            status: .received,
            handler: handler,
            team: team,
            receivedAt: time
        )
    }

    /// The routes not yet finished.
    public var openRoutes: [RequestRoute] { routes.filter { !$0.isFinished } }

    /// The route with `id`, if any.
    public func route(id: UUID) -> RequestRoute? { routes.first { $0.id == id } }

    /// `true` when `close(outcome:at:)` would succeed: routed, and every route finished.
    public var canCloseWithoutReason: Bool { status == .routed && openRoutes.isEmpty }

    /// The clarified question as it may leave the desk (to partners, indication, matching):
    /// never the citizen's own words (`text`), and never naming the person.
    /// - Throws: `.questionNotClarified`; `.personalDataInText` (field `clarifiedQuestion`).
    public func questionForPartners(about person: Person) throws(FrontDeskError) -> String {
        guard let question = clarifiedQuestion else { throw .questionNotClarified }
        if let problem = PersonalDataCheck.problem(
            in: question,
            field: "clarifiedQuestion",
            label: "De verhelderde vraag",
            of: person
        ) {
            throw problem
        }
        return question
    }

    static func checkText(_ text: String?, field: String, label: String, required: Bool) -> FrontDeskError? {
        FieldRules.text(text, field: field, label: label, max: FieldRules.maxRequestTextLength, required: required)
            .first
    }

    static func unique(_ categories: [LifeDomain]) -> [LifeDomain] {
        var seen = Set<LifeDomain>()
        return categories.filter { seen.insert($0).inserted }
    }
}
