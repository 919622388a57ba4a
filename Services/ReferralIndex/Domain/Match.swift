public import Contracts
public import Foundation

/// A match (match): two or more organisations signalled the same young person (client match) or
/// young people who share a parent (family match, gezinsmatch). Its id is the match key the
/// professionals talk about; the index records who is the central contact (regievoerder) and
/// that they coordinated.
public struct Match: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Signals on the same young person.
        case client
        /// Signals on young people who share a parent.
        case family

        public var dutchName: String { self == .client ? "cliëntmatch" : "gezinsmatch" }
    }

    public enum Status: String, Sendable, Codable {
        case active
        /// Fewer than two organisations are left with an active signal.
        case ended
    }

    /// The match key.
    public let id: UUID
    public let municipality: MunicipalityCode
    public let kind: Kind
    /// The organisation that coordinates (the municipality's coordinator or the first signaller).
    public var coordinator: OrganisationKey
    public let createdAt: Date
    public var extendedAt: Date
    public var status: Status
    /// The signal whose professional is the central contact, once recorded.
    public var centralContact: UUID?
    public var centralContactRecordedAt: Date?
    public var coordinatedAt: Date?
    /// Who recorded the coordination (username or organisation).
    public var coordinatedBy: String?

    public init(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        kind: Kind,
        coordinator: OrganisationKey,
        createdAt: Date,
        extendedAt: Date? = nil,
        status: Status = .active,
        centralContact: UUID? = nil,
        centralContactRecordedAt: Date? = nil,
        coordinatedAt: Date? = nil,
        coordinatedBy: String? = nil
    ) {
        self.id = id
        self.municipality = municipality
        self.kind = kind
        self.coordinator = coordinator
        self.createdAt = createdAt
        self.extendedAt = extendedAt ?? createdAt
        self.status = status
        self.centralContact = centralContact
        self.centralContactRecordedAt = centralContactRecordedAt
        self.coordinatedAt = coordinatedAt
        self.coordinatedBy = coordinatedBy
    }

    /// True when neither the central contact nor the coordination was recorded by `deadline`
    /// after the match was made: it belongs on the coordinator's work list.
    public func needsAttention(now: Date, after seconds: TimeInterval) -> Bool {
        status == .active && (centralContact == nil || coordinatedAt == nil) && now.timeIntervalSince(createdAt) >= seconds
    }
}
