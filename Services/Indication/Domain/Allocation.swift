public import Contracts
public import Foundation
public import WorkingDays

/// Toewijzing: a granted in-kind provision allocated to a contracted provider, with the
/// provider's answers (iWmo 301/302/305/307). State is kept per fact, not per arrival, so the
/// order in which a provider's messages come in does not matter (OP080).
public struct Allocation: Sendable, Equatable, Codable, Identifiable {
    /// Where the allocation stands with the provider.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Sent; the provider's receipt is awaited (3 working days).
        case issued
        /// The provider accepted it.
        case acknowledged
        /// The provider rejected it with retour codes.
        case rejected
        /// Taken back by a correction (a withdrawal plus a new allocation, OP087).
        case withdrawn
    }

    public let id: UUID
    public let caseID: UUID
    public let decisionID: UUID
    public let lineID: UUID
    public let municipality: MunicipalityCode
    public let subjectRef: SubjectRef
    public let provider: OrganisationKey
    public let category: ProductCategory
    public let volume: Double?
    public let unit: String?
    public let validFrom: LocalDate
    public let validUntil: LocalDate?
    /// Cents per unit of `volume`.
    public let tariffCents: Int
    public let issuedAt: Date
    /// The last day for the provider's receipt.
    public let receiptDue: LocalDate
    public var status: Status
    public var receiptAt: Date?
    public var retourCodes: [String]
    /// When the missing receipt was escalated (OP090).
    public var escalatedAt: Date?
    public var startDate: LocalDate?
    public var stopDate: LocalDate?
    public var stopReason: String?

    /// An allocation with every field given (storage and tests).
    public init(
        id: UUID,
        caseID: UUID,
        decisionID: UUID,
        lineID: UUID,
        municipality: MunicipalityCode,
        subjectRef: SubjectRef,
        provider: OrganisationKey,
        category: ProductCategory,
        volume: Double?,
        unit: String?,
        validFrom: LocalDate,
        validUntil: LocalDate?,
        tariffCents: Int,
        issuedAt: Date,
        receiptDue: LocalDate,
        status: Status,
        receiptAt: Date?,
        retourCodes: [String],
        escalatedAt: Date?,
        startDate: LocalDate?,
        stopDate: LocalDate?,
        stopReason: String?
    ) {
        self.id = id
        self.caseID = caseID
        self.decisionID = decisionID
        self.lineID = lineID
        self.municipality = municipality
        self.subjectRef = subjectRef
        self.provider = provider
        self.category = category
        self.volume = volume
        self.unit = unit
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.tariffCents = tariffCents
        self.issuedAt = issuedAt
        self.receiptDue = receiptDue
        self.status = status
        self.receiptAt = receiptAt
        self.retourCodes = retourCodes
        self.escalatedAt = escalatedAt
        self.startDate = startDate
        self.stopDate = stopDate
        self.stopReason = stopReason
    }

    /// The record sent to the provider.
    public var record: AllocationRecord {
        AllocationRecord(
            allocationId: id,
            decisionId: decisionID,
            category: category,
            volume: volume,
            unit: unit,
            validFrom: validFrom.description,
            validUntil: validUntil?.description
        )
    }

    /// The provider's receipt (WMO302): accepted, or rejected with codes. A second receipt
    /// changes nothing.
    public mutating func recordReceipt(accepted: Bool, codes: [String], at time: Date) {
        guard status == .issued else { return }
        status = accepted ? .acknowledged : .rejected
        receiptAt = time
        retourCodes = codes
    }

    /// Whether care can be reported under it (a start implies the provider accepted it).
    public var isActive: Bool { status != .rejected && status != .withdrawn }

    /// Records the start on `day` reported `today`; the codes say why not (empty: accepted),
    /// plus `reported-late` on an accepted late report.
    public mutating func start(on day: LocalDate, reportedOn today: LocalDate, calendar: WorkingDayCalendar) -> (accepted: Bool, codes: [RetourCode])
    {
        guard isActive else { return (false, [.allocationNotActive]) }
        guard day >= validFrom, validUntil.map({ day <= $0 }) ?? true else { return (false, [.dateOutsideValidity]) }
        if let startDate, startDate != day, stopDate == nil { return (false, [.alreadyStarted]) }
        if let stopDate, day > stopDate { return (false, [.stopBeforeStart]) }
        if status == .issued { recordReceipt(accepted: true, codes: [], at: calendar.startOfDay(today)) }
        startDate = day
        return (true, Self.lateness(of: day, reportedOn: today, calendar: calendar))
    }

    /// Records the stop on `day` for `reason`; the codes say why not.
    public mutating func stop(
        on day: LocalDate,
        reason: String,
        reportedOn today: LocalDate,
        calendar: WorkingDayCalendar
    ) -> (accepted: Bool, codes: [RetourCode]) {
        guard isActive else { return (false, [.allocationNotActive]) }
        guard day >= validFrom, validUntil.map({ day <= $0 }) ?? true else { return (false, [.dateOutsideValidity]) }
        if let stopDate, stopDate != day { return (false, [.alreadyStopped]) }
        if let startDate, day < startDate { return (false, [.stopBeforeStart]) }
        stopDate = day
        stopReason = reason
        return (true, Self.lateness(of: day, reportedOn: today, calendar: calendar))
    }

    /// Start and stop are due within 5 working days of the event.
    static func lateness(of day: LocalDate, reportedOn today: LocalDate, calendar: WorkingDayCalendar) -> [RetourCode] {
        today > calendar.adding(workingDays: 5, to: day) ? [.reportedLate] : []
    }

    /// True when the receipt is overdue on `today` and not yet escalated.
    public func needsEscalation(on today: LocalDate) -> Bool { status == .issued && escalatedAt == nil && today > receiptDue }

    /// The committed cost per month in cents (volume per week × 52 / 12 × tariff, or volume ×
    /// tariff for units), for the budget view.
    public var monthlyCostCents: Int {
        let volume = self.volume ?? 1
        switch unit {
        case "hours-per-week", "day-parts-per-week": return Int((volume * 52 / 12 * Double(tariffCents)).rounded())
        case "days-per-year", "trips-per-year": return Int((volume / 12 * Double(tariffCents)).rounded())
        default: return Int((volume * Double(tariffCents)).rounded())
        }
    }
}
