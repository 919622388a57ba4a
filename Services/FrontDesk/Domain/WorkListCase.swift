public import Contracts
public import Foundation

/// An open request as the work list sees it: who handles it, its deadlines and its referrals.
public struct WorkListCase: Sendable, Hashable {
    /// The request.
    public var requestID: UUID
    /// Its kind.
    public var kind: RequestKind
    /// Its urgency; crises sort first among equals.
    public var urgency: Urgency
    /// The staff member handling it.
    public var handler: StaffID?
    /// The team whose list shows it.
    public var team: TeamID?
    /// Its statutory deadlines (met ones carry `metOn` and stay off the list).
    public var deadlines: [Deadline]
    /// Its referrals to partners.
    public var referrals: [Referral]

    /// Creates a case.
    public init(
        requestID: UUID,
        kind: RequestKind,
        urgency: Urgency,
        handler: StaffID?,
        team: TeamID?,
        deadlines: [Deadline],
        referrals: [Referral] = []
    ) {
        self.requestID = requestID
        self.kind = kind
        self.urgency = urgency
        self.handler = handler
        self.team = team
        self.deadlines = deadlines
        self.referrals = referrals
    }

    /// Creates a case from a request.
    public init(request: HelpRequest, deadlines: [Deadline], referrals: [Referral] = []) {
        self.init(
            requestID: request.id,
            kind: request.kind,
            urgency: request.urgency,
            handler: request.handler,
            team: request.team,
            deadlines: deadlines,
            referrals: referrals
        )
    }
}

/// Werkvoorraad-item: one thing on a work list.
public struct WorkItem: Sendable, Hashable {
    /// The request it is about.
    public var requestID: UUID
    /// Its handler.
    public var handler: StaffID?
    /// Its team.
    public var team: TeamID?
    /// Its urgency.
    public var urgency: Urgency
    /// Overdue, due today or escalation.
    public var category: Category
    /// The deadline, for `overdue` and `dueToday`.
    public var deadline: Deadline?
    /// The escalation, for `escalation`.
    public var escalation: Escalation?

    /// The section of the work list an item appears in.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        /// A deadline that passed.
        case overdue
        /// A deadline that ends today.
        case dueToday = "due-today"
        /// A passed-on request late or declined at its partner.
        case escalation

        /// The Dutch section heading.
        public var dutchName: String {
            switch self {
            case .overdue: "Verlopen"
            case .dueToday: "Vandaag"
            case .escalation: "Escalaties"
            }
        }
    }

    /// The Dutch line shown on the list.
    public var message: String {
        if let escalation { return escalation.message }
        guard let deadline else { return "" }
        switch category {
        case .overdue: return "\(deadline.kind.dutchName): termijn verlopen op \(deadline.dueDay.dutchFormatted)."
        default: return "\(deadline.kind.dutchName): termijn verloopt vandaag."
        }
    }

    /// The day that orders items within a section: the due day or the escalation's first day.
    var sortDay: LocalDate { deadline?.dueDay ?? escalation?.since ?? LocalDate(dayNumber: 0) }
}
