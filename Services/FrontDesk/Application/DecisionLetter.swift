public import Contracts
public import Foundation
public import WorkingDays

/// Beschikking als brief: the data of a printable decision letter. Indication sends the
/// content; only the desk adds the name and address (SPEC §2).
public struct DecisionLetter: Sendable, Codable, Hashable {
    /// The decision.
    public var decisionId: UUID
    /// The request it answers.
    public var requestId: UUID
    /// The municipality that decides.
    public var municipality: MunicipalityCode
    /// Aanhef and address block.
    public var addressee: String
    /// Address lines (street, postcode and city); empty without a fixed address.
    public var addressLines: [String]
    /// Datum van de beschikking.
    public var decisionDate: LocalDate
    /// The lines, granted or refused, with grounds.
    public var lines: [Line]
    /// Herbeoordeling.
    public var reviewDate: LocalDate?
    /// Eigen bijdrage via het CAK.
    public var ownContribution: Bool
    /// Last day to object (bezwaar): 6 weeks after the decision date (Awb art. 6:7).
    public var objectionDeadline: LocalDate
    /// The objection paragraph, in Dutch.
    public var objectionText: String

    /// One provision line of the letter.
    public struct Line: Sendable, Codable, Hashable {
        /// Product category (Dutch name).
        public var provision: String
        /// Toegekend of afgewezen.
        public var granted: Bool
        /// De motivering.
        public var grounds: String
        /// `in natura` or `persoonsgebonden budget`.
        public var form: String?
        /// e.g. `3 uur per week`.
        public var extent: String?
        /// Geldig van.
        public var validFrom: LocalDate?
        /// Geldig tot.
        public var validUntil: LocalDate?
    }

    /// Weeks for an objection (bezwaartermijn).
    public static let objectionWeeks = 6

    /// Builds the letter for `decision` to `person`.
    public init(decision: IndicationDecided, person: Person, calendar: WorkingDayCalendar) {
        let day = calendar.day(of: decision.decidedAt)
        decisionId = decision.decisionId
        requestId = decision.requestId
        municipality = person.municipality
        addressee = person.displayName
        addressLines = person.address.map { [$0.streetLine, $0.cityLine] } ?? []
        decisionDate = day
        lines = decision.lines.map { line in
            Line(
                provision: line.category.dutchName,
                granted: line.granted,
                grounds: line.grounds,
                form: line.form.map { $0 == .inKind ? "in natura" : "persoonsgebonden budget" },
                extent: line.volume.map { volume in
                    let number = volume == volume.rounded() ? String(Int(volume)) : String(volume)
                    return line.unit.map { "\(number) \($0)" } ?? number
                },
                validFrom: line.validFrom.map { calendar.day(of: $0) },
                validUntil: line.validUntil.map { calendar.day(of: $0) }
            )
        }
        reviewDate = decision.reviewDate.map { calendar.day(of: $0) }
        ownContribution = decision.ownContribution
        // A term ending on a weekend or holiday ends on the next working day (Algemene
        // termijnenwet art. 1).
        objectionDeadline = calendar.statutory.workingDay(onOrAfter: day.adding(days: 7 * DecisionLetter.objectionWeeks))
        objectionText =
            "Bent u het niet eens met dit besluit? Dan kunt u binnen \(DecisionLetter.objectionWeeks) weken na de "
            + "datum van deze brief bezwaar maken, uiterlijk op \(objectionDeadline.dutchFormatted). Stuur uw "
            + "bezwaarschrift met uw naam, adres, de datum, een omschrijving van het besluit en de reden van uw "
            + "bezwaar naar het college van burgemeester en wethouders."
    }
}
