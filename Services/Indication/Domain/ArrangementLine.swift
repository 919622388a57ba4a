public import Contracts
public import Foundation

/// Onderdeel van het arrangement: who delivers what, how much, to what end, in which layer.
///
/// P4 lives here: an individual-provision line cannot exist without the recorded reason why own
/// strength, network, informal support and general provisions do not suffice.
public struct ArrangementLine: Sendable, Hashable, Codable, Identifiable {
    /// Where the line stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Agreed in the arrangement; an individual provision waits for the decision.
        case open
        /// An individual provision granted or refused by a decision.
        case decided
        /// Informal support asked of matching (`indication.informal-support.requested`).
        case requested
        /// Matching found a volunteer or informal carer.
        case matched
        /// Matching found nobody in time: the assessor looks for a formal alternative.
        case failed
    }

    /// The unit of a volume.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case hoursPerWeek = "hours-per-week"
        case dayPartsPerWeek = "day-parts-per-week"
        case daysPerYear = "days-per-year"
        case tripsPerYear = "trips-per-year"
        case unit
    }

    public let id: UUID
    public let layer: SupportLayer
    /// Who delivers it ("de dochter", "Vrijwilligerscentrale", a provider's name).
    public let deliveredBy: String
    /// What is done.
    public let activity: String
    /// The product category; required for an individual provision.
    public let category: ProductCategory?
    /// The volunteer task; required for informal support.
    public let task: VolunteerTask?
    public let volume: Double?
    public let unit: Unit?
    /// Beoogd resultaat.
    public let intendedResult: String
    /// Tegenprestatie, when agreed.
    public let reciprocalContribution: String?
    /// Why the earlier layers do not suffice (required for an individual provision, P4).
    public let whyEarlierLayersDoNotSuffice: String?
    public var status: Status
    /// Why the status changed last (e.g. matching's reason for failing).
    public var statusReason: String?

    /// A checked line.
    /// - Throws: `IndicationError` for a missing text, a missing category or task, a volume
    ///   without unit, and an individual provision without its P4 reason.
    public init(
        id: UUID = UUID(),
        layer: SupportLayer,
        deliveredBy: String,
        activity: String,
        category: ProductCategory? = nil,
        task: VolunteerTask? = nil,
        volume: Double? = nil,
        unit: Unit? = nil,
        intendedResult: String,
        reciprocalContribution: String? = nil,
        whyEarlierLayersDoNotSuffice: String? = nil,
        status: Status = .open,
        statusReason: String? = nil
    ) throws(IndicationError) {
        self.id = id
        self.layer = layer
        self.deliveredBy = try TextField.required(deliveredBy, field: "deliveredBy", label: "Wie levert het", maxLength: 200)
        self.activity = try TextField.required(activity, field: "activity", label: "Wat", maxLength: 1000)
        self.intendedResult = try TextField.required(intendedResult, field: "intendedResult", label: "Beoogd resultaat")
        self.reciprocalContribution = try TextField.optional(
            reciprocalContribution,
            field: "reciprocalContribution",
            label: "Tegenprestatie",
            maxLength: 1000
        )
        let reason = try TextField.optional(whyEarlierLayersDoNotSuffice, field: "whyEarlierLayersDoNotSuffice", label: "Waarom niet eerder")
        switch layer {
        case .individualProvision:
            guard category != nil else { throw .individualProvisionWithoutCategory }
            guard reason != nil else { throw .individualProvisionWithoutReason }
        case .informalSupport:
            guard task != nil else { throw .informalSupportWithoutTask }
        default: break
        }
        if let volume {
            guard volume > 0, volume.isFinite, volume <= 10_000, unit != nil else { throw .invalidVolume }
        }
        self.category = layer == .individualProvision ? category : nil
        self.task = layer == .informalSupport ? task : nil
        self.volume = volume
        self.unit = volume == nil ? nil : unit
        self.whyEarlierLayersDoNotSuffice = reason
        self.status = status
        self.statusReason = statusReason
    }

    /// True for an individual provision the decision still has to settle.
    public var awaitsDecision: Bool { layer == .individualProvision && status == .open }
}
