public import Contracts
public import Foundation
public import WorkingDays

/// The decision on one individual-provision line: granted or refused, with grounds; a grant with
/// its form and validity.
public struct LineDecision: Sendable, Hashable, Codable {
    public let lineID: UUID
    public let granted: Bool
    /// Motivering.
    public let grounds: String
    /// In kind (zorg in natura) or personal budget (pgb); for a grant only.
    public let form: DecisionLine.Form?
    public let validFrom: LocalDate?
    public let validUntil: LocalDate?
    /// The contracted provider (broker login) of a granted in-kind line: it gets the allocation.
    public let provider: String?

    /// A checked decision on a line.
    /// - Throws: `decisionWithoutGrounds`, `grantedLineIncomplete` (a grant without form or
    ///   start), `validityEndsBeforeStart`.
    public init(
        lineID: UUID,
        granted: Bool,
        grounds: String,
        form: DecisionLine.Form? = nil,
        validFrom: LocalDate? = nil,
        validUntil: LocalDate? = nil,
        provider: String? = nil
    ) throws(IndicationError) {
        guard let grounds = try TextField.optional(grounds, field: "grounds", label: "Motivering") else {
            throw .decisionWithoutGrounds(lineID)
        }
        if granted {
            guard form != nil, validFrom != nil else { throw .grantedLineIncomplete(lineID) }
            if form == .inKind, provider == nil { throw .providerMissing(lineID) }
        }
        if let validFrom, let validUntil, validUntil < validFrom { throw .validityEndsBeforeStart(lineID) }
        self.lineID = lineID
        self.granted = granted
        self.grounds = grounds
        self.form = granted ? form : nil
        self.validFrom = granted ? validFrom : nil
        self.validUntil = granted ? validUntil : nil
        self.provider = granted && form == .inKind ? provider : nil
    }
}
