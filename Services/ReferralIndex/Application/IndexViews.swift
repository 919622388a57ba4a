public import Contracts
public import Foundation

/// A signal as its organisation sees it (no subject key, no birth date: nothing to identify).
public struct SignalView: Codable, Sendable, Equatable {
    public var id: UUID
    public var organisation: String
    public var professional: ProfessionalContact
    public var registeredAt: Date
    public var refreshedAt: Date
    /// The day it leaves the index unless made anew (`YYYY-MM-DD`).
    public var removeOn: String?
    public var status: String
    public var removal: String?
    public var removedAt: Date?
    public var youngPersonInformed: Bool
    public var parentsInformed: Bool?
    public var notInformedReason: String?
    /// The organisation's own reference, when it gave one.
    public var reference: String?

    init(_ signal: Signal) {
        id = signal.id
        organisation = signal.organisation.description
        professional = signal.professional
        registeredAt = signal.registeredAt
        refreshedAt = signal.refreshedAt
        removeOn = signal.removeOn?.description
        status = signal.status.rawValue
        removal = signal.removal?.rawValue
        removedAt = signal.removedAt
        youngPersonInformed = signal.informed.youngPerson
        parentsInformed = signal.informed.parents
        notInformedReason = signal.informed.reason?.rawValue
        reference = signal.reference
    }
}

/// What a registration came to: the signal, and the matches it is on now.
public struct SignalReceipt: Codable, Sendable, Equatable {
    /// `registered` or `refreshed`.
    public var outcome: String
    public var signal: SignalView
    public var matches: [MatchView]
}

/// A match with the professionals on it (contacts only) and its coordination.
public struct MatchView: Codable, Sendable, Equatable {
    public var id: UUID
    public var kind: String
    public var status: String
    public var coordinator: String
    public var coordinatorName: String
    public var createdAt: Date
    public var extendedAt: Date
    public var youngPeople: Int
    public var centralContactSignalId: UUID?
    public var centralContactRecordedAt: Date?
    public var coordinatedAt: Date?
    public var coordinatedBy: String?
    /// True when the central contact or the coordination is missing after the configured time.
    public var needsAttention: Bool
    public var participants: [MatchNotified.Participant]
}

/// Which organisations signalled a young person when (the subject's right of access, asked
/// through the desk with the municipality's authorisation). Kept records included.
public struct SubjectAccessReport: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var organisation: String
        public var organisationName: String
        public var registeredAt: Date
        public var status: String
        public var removal: String?
        public var removedAt: Date?
    }
    public var municipality: String
    public var authorisation: String
    public var entries: [Entry]
}

/// What a switch-off deleted, for the municipality's record.
public struct SwitchOffReport: Codable, Sendable, Equatable {
    public var municipality: String
    public var switchedOffAt: Date
    public var switchedOffBy: String
    public var signals: Int
    public var matches: Int
    public var notifications: Int
    public var auditEntries: Int
}

/// What the scheduled removal did in one run.
public struct RemovalRun: Codable, Sendable, Equatable {
    public var removed: Int
    public var deleted: Int
    public var auditEntriesDeleted: Int
}
