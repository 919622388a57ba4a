public import Contracts
public import Foundation
public import WorkingDays

/// A request for informal support (hulpvraag voor vrijwillige inzet): from the desk, from an
/// arrangement line of indication, or a carer's request for respite care.
public struct SupportRequest: Sendable, Hashable {
    /// Who asked; `matching.matched` / `matching.failed` go back to them.
    public enum Origin: String, Sendable, Codable {
        /// `frontdesk.matching.requested`.
        case frontDesk = "front-desk"
        /// `indication.informal-support.requested` (an arrangement line).
        case indication
        /// A registered carer's respite request (respijtzorg).
        case carer
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Waiting for a volunteer (a proposal may be out).
        case open
        /// A volunteer accepted.
        case matched
        /// No suitable match in time: `matching.failed` went out.
        case failed
        /// The match ended.
        case ended
    }

    public let id: UUID
    public let municipality: MunicipalityCode
    public let origin: Origin
    /// The desk's request (the chain's correlation id); for a carer's request its own id.
    public let requestId: UUID
    /// The arrangement line (origin `indication`).
    public let lineId: UUID?
    /// The client (desk and indication requests); `nil` for a carer's own request.
    public let subjectRef: SubjectRef?
    /// The carer who asked for respite.
    public let carerId: UUID?
    public let task: VolunteerTask
    /// Where the help is wanted; `nil` when the asker did not say (an arrangement line).
    public let place: DistrictMap.Place?
    public let district: String?
    /// What the volunteer would do (the clarified question, without identifying data).
    public let question: String
    public let timeWindows: WeeklyAvailability
    /// How long the help is wanted, in weeks (`nil`: open-ended).
    public let durationWeeks: Int?
    /// A preferred language (ISO 639-1), when the person needs one.
    public let language: String?
    public let certificateRequired: Bool
    public let urgency: Urgency
    /// Respite for an overburdened carer: goes first.
    public let carerOverburdened: Bool
    public var status: Status
    public let receivedAt: Date
    /// When no match by then means `matching.failed` (10 working days by default).
    public let failOn: LocalDate
    public var closedAt: Date?
    public var failureReason: String?

    public init(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        origin: Origin,
        requestId: UUID,
        lineId: UUID? = nil,
        subjectRef: SubjectRef?,
        carerId: UUID? = nil,
        task: VolunteerTask,
        place: DistrictMap.Place?,
        district: String?,
        question: String,
        timeWindows: WeeklyAvailability = .always,
        durationWeeks: Int? = nil,
        language: String? = nil,
        certificateRequired: Bool,
        urgency: Urgency,
        carerOverburdened: Bool = false,
        status: Status = .open,
        receivedAt: Date,
        failOn: LocalDate,
        closedAt: Date? = nil,
        failureReason: String? = nil
    ) {
        self.id = id
        self.municipality = municipality
        self.origin = origin
        self.requestId = requestId
        self.lineId = lineId
        self.subjectRef = subjectRef
        self.carerId = carerId
        self.task = task
        self.place = place
        self.district = district
        self.question = question
        self.timeWindows = timeWindows
        self.durationWeeks = durationWeeks
        self.language = language
        // Always for respite care and for work with minors (SPEC §4).
        self.certificateRequired = certificateRequired || task == .respiteCare || task == .youthMentoring
        self.urgency = urgency
        self.carerOverburdened = carerOverburdened
        self.status = status
        self.receivedAt = receivedAt
        self.failOn = failOn
        self.closedAt = closedAt
        self.failureReason = failureReason
    }

    /// The order in which open requests get volunteers: respite for overburdened carers first,
    /// then by urgency, then the oldest.
    public static func byPriority(_ lhs: SupportRequest, _ rhs: SupportRequest) -> Bool {
        if lhs.priorityRank != rhs.priorityRank { return lhs.priorityRank < rhs.priorityRank }
        return lhs.receivedAt < rhs.receivedAt
    }

    /// 0 goes first.
    public var priorityRank: Int {
        if carerOverburdened && task == .respiteCare { return 0 }
        switch urgency {
        case .crisis: return 1
        case .high: return 2
        case .normal: return 3
        }
    }
}

extension SupportRequest {
    /// The last day a request received on `day` may wait for a match: `workingDays` working days
    /// later (default 10, SPEC §4); a crisis gets no more than one working day.
    public static func failOn(receivedOn day: LocalDate, urgency: Urgency, workingDays: Int, calendar: WorkingDayCalendar) -> LocalDate {
        calendar.adding(workingDays: urgency == .crisis ? min(1, workingDays) : workingDays, to: day)
    }

    /// True when the request is still open after its last day: `matching.failed` is due.
    public func isOverdue(on day: LocalDate) -> Bool { status == .open && day > failOn }
}
