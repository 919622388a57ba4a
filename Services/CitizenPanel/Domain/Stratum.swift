/// A stratum (stratum) of the panel: district × age band. Rounds are drawn per stratum in
/// proportion to the population, and response rates are reported per stratum.
public struct Stratum: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var district: String
    public var ageBand: AgeBand

    public init(district: String, ageBand: AgeBand) {
        self.district = district
        self.ageBand = ageBand
    }

    public var description: String { "\(district) \(ageBand.rawValue)" }

    public static func < (lhs: Stratum, rhs: Stratum) -> Bool {
        lhs.district != rhs.district ? lhs.district < rhs.district : lhs.ageBand < rhs.ageBand
    }
}
