public import Contracts
public import Foundation
public import WorkingDays

/// Werkvoorraad: a page of the open requests a consultant handles, or a team has, each with
/// who and what, and its statutory term and warm-referral term side by side (SPEC §2, P5).
/// Sorted by the earliest due day; the counts cover the whole list, not just the page.
///
/// The list is computed in SQL on stored due days (`WorkListRepository`), so its cost does not
/// grow with the number of cases; this type only carries the result.
public struct WorkList: Sendable, Hashable, Codable {
    /// Mine or my team's.
    public var scope: WorkListScope
    /// The Amsterdam day the list is for.
    public var day: LocalDate
    /// The order of the rows.
    public var sort: WorkListSort
    /// Only requests that need action today (overdue, due today, escalated).
    public var attentionOnly: Bool
    /// The page shown, from 1.
    public var page: Int
    /// Rows per page.
    public var pageSize: Int
    /// Counts over the whole list.
    public var counts: Counts
    /// The rows of this page.
    public var rows: [WorkListRow]

    /// Counts per kind of attention, over every open request of the list.
    public struct Counts: Sendable, Hashable, Codable {
        /// Requests with a statutory term past its due day.
        public var overdue: Int
        /// Requests with a statutory term ending today.
        public var dueToday: Int
        /// Requests with a referral late at its partner or declined.
        public var escalations: Int
        /// Open requests on the list.
        public var open: Int
        /// Open requests that need action today (in at least one of the three).
        public var attention: Int

        /// Creates the counts.
        public init(overdue: Int, dueToday: Int, escalations: Int, open: Int, attention: Int) {
            self.overdue = overdue
            self.dueToday = dueToday
            self.escalations = escalations
            self.open = open
            self.attention = attention
        }
    }

    /// The number of pages for the rows the filter selects.
    public var pageCount: Int {
        let total = attentionOnly ? counts.attention : counts.open
        return max(1, (total + pageSize - 1) / pageSize)
    }

    /// Creates a list.
    public init(
        scope: WorkListScope,
        day: LocalDate,
        sort: WorkListSort,
        attentionOnly: Bool,
        page: Int,
        pageSize: Int,
        counts: Counts,
        rows: [WorkListRow]
    ) {
        self.scope = scope
        self.day = day
        self.sort = sort
        self.attentionOnly = attentionOnly
        self.page = page
        self.pageSize = pageSize
        self.counts = counts
        self.rows = rows
    }
}

/// Whose work list to show.
public enum WorkListScope: String, Sendable, Codable, CaseIterable {
    /// The requests the staff member handles.
    case mine
    /// The requests of the staff member's team.
    case team
}

/// The order of a work list.
public enum WorkListSort: String, Sendable, Codable, CaseIterable {
    /// Earliest due day first; requests without a running term last.
    case dueFirst = "due"
    /// Latest due day first; requests without a running term last.
    case dueLast = "-due"
}

/// One request on a work list.
public struct WorkListRow: Sendable, Hashable, Codable {
    /// The request.
    public var requestId: UUID
    /// Its kind.
    public var kind: RequestKind
    /// Its urgency.
    public var urgency: Urgency
    /// Who handles it.
    public var handler: StaffID?
    /// Its team.
    public var team: TeamID?
    /// The person's name (`nil` for an anonymous request).
    public var personName: String?
    /// The first words of the clarified question (or of the citizen's words, marked, while
    /// not clarified).
    public var question: String
    /// The earliest statutory term still running.
    public var statutoryTerm: StatutoryTerm?
    /// The earliest warm-referral term still running, or a decline waiting for a new route.
    public var referralTerm: ReferralTerm?
    /// The earlier of the two due days.
    public var nextDue: LocalDate?

    /// Creates a row.
    public init(
        requestId: UUID,
        kind: RequestKind,
        urgency: Urgency,
        handler: StaffID?,
        team: TeamID?,
        personName: String?,
        question: String,
        statutoryTerm: StatutoryTerm?,
        referralTerm: ReferralTerm?,
        nextDue: LocalDate?
    ) {
        self.requestId = requestId
        self.kind = kind
        self.urgency = urgency
        self.handler = handler
        self.team = team
        self.personName = personName
        self.question = question
        self.statutoryTerm = statutoryTerm
        self.referralTerm = referralTerm
        self.nextDue = nextDue
    }

    /// A statutory term on the list.
    public struct StatutoryTerm: Sendable, Hashable, Codable {
        /// Which term.
        public var kind: DeadlineKind
        /// Its last day.
        public var dueDay: LocalDate
        /// Overdue, due today or upcoming.
        public var status: DeadlineStatus

        /// Creates the term.
        public init(kind: DeadlineKind, dueDay: LocalDate, status: DeadlineStatus) {
            self.kind = kind
            self.dueDay = dueDay
            self.status = status
        }
    }

    /// A warm-referral term on the list.
    public struct ReferralTerm: Sendable, Hashable, Codable {
        /// What the partner must do next (or that it declined).
        public var term: Term
        /// The partner.
        public var partnerId: PartnerID
        /// The last day (the decline day for `declined`).
        public var dueDay: LocalDate
        /// Late at the partner, or declined: the desk must act.
        public var escalated: Bool

        /// Creates the term.
        public init(term: Term, partnerId: PartnerID, dueDay: LocalDate, escalated: Bool) {
            self.term = term
            self.partnerId = partnerId
            self.dueDay = dueDay
            self.escalated = escalated
        }

        /// The partner's next step.
        public enum Term: String, Sendable, Hashable, Codable, CaseIterable {
            /// Accept the referral.
            case accept
            /// Make first contact with the citizen.
            case contact
            /// Declined; the desk must route the request elsewhere.
            case declined

            /// The Dutch label on the work list.
            public var dutchName: String {
                switch self {
                case .accept: "Partner accepteert"
                case .contact: "Partner neemt contact op"
                case .declined: "Partner wees af: zet de vraag anders uit"
                }
            }
        }
    }

    /// Whether the row needs action today.
    public var needsAttention: Bool {
        (statutoryTerm.map { $0.status == .overdue || $0.status == .dueToday } ?? false) || (referralTerm?.escalated ?? false)
    }

    /// At most `limit` characters of `text`, cut at a word, with an ellipsis when cut.
    public static func firstWords(of text: String, limit: Int = 80) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return "\(atWord)…"
    }
}
