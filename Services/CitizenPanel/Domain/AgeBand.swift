/// An age band (leeftijdsklasse) of an adult resident, the unit the panel's sample and weights
/// use (with the district); a member gives the band, never a birth date.
public enum AgeBand: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case from18to34 = "18-34"
    case from35to49 = "35-49"
    case from50to64 = "50-64"
    case from65to79 = "65-79"
    case from80 = "80+"

    public static func < (lhs: AgeBand, rhs: AgeBand) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
