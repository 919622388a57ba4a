public import Contracts

/// Cliëntprofiel (SPEC 3, 7.2): one of nine profiles that replace the hundred AWBZ grounds. Data,
/// not code: the catalogue is `Reference/client-profiles.json`.
public struct ClientProfile: Sendable, Hashable, Codable, Identifiable {
    /// 1 to 9.
    public let id: Int
    public let name: String
    /// The typical situation, in a sentence.
    public let typicalPattern: String
    /// The typical score per domain (domains not listed: the catalogue's default).
    public let pattern: [LifeDomain: Int]
    /// Individual provisions this profile typically needs.
    public let compensations: [ProductCategory]

    public init(id: Int, name: String, typicalPattern: String, pattern: [LifeDomain: Int], compensations: [ProductCategory]) {
        self.id = id
        self.name = name
        self.typicalPattern = typicalPattern
        self.pattern = pattern
        self.compensations = compensations
    }
}
