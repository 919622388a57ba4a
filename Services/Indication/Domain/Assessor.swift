public import Contracts
public import Foundation

/// The login name of an assessor (indicatiesteller), e.g. `iris.arnhem`.
public struct AssessorID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Indicatiesteller: a municipal assessor who works the cases of one municipality.
public struct Assessor: Sendable, Hashable, Codable {
    public let id: AssessorID
    public let accountID: UUID
    public let municipality: MunicipalityCode
    public let displayName: String
    /// Member of the municipality's expertise team (expertiseteam): works the cases routed to it.
    public let isExpertiseTeam: Bool

    public init(
        id: AssessorID,
        accountID: UUID = UUID(),
        municipality: MunicipalityCode,
        displayName: String,
        isExpertiseTeam: Bool = false
    ) {
        self.id = id
        self.accountID = accountID
        self.municipality = municipality
        self.displayName = displayName
        self.isExpertiseTeam = isExpertiseTeam
    }

    /// Throws unless the assessor may change `item`: a case routed to the expertise team only
    /// by its members (deny by default).
    public func requireMandate(for item: IndicationCase) throws(IndicationError) {
        if item.route == .expertiseTeam, !isExpertiseTeam { throw .expertiseTeamCase }
    }
}
