public import Foundation

/// `signaller.signal.registered`: a designated organisation registers a signal about a young
/// person under 23 (the issue's `partner.signal.registered`, named after the organisation kind as
/// every organisation message is). Published by the organisation on `wmo.partners` as
/// `signaller.<organisation>.signal.registered` from its own broker login; the index takes the
/// organisation from the broker-validated `user_id`. The BSNs are keyed at once and never
/// stored; nothing about the worry is sent. Answered with `referralindex.signal.recorded`, or
/// dead-lettered with the reason (and a `notice.message-rejected` notice).
public struct SignalRegistered: MessageContract, Equatable {
    public static let messageType = "signaller.signal.registered"
    public static let schemaVersion = SchemaVersion(1, 0)

    /// The professional who signals, as colleagues reach them.
    public struct Professional: Codable, Sendable, Equatable {
        public var name: String
        public var phone: String
        public var email: String
        public init(name: String, phone: String, email: String) {
            self.name = name
            self.phone = phone
            self.email = email
        }
    }

    /// An address as the population register records it (Dutch postcode and house number).
    public struct Address: Codable, Sendable, Equatable {
        /// `1234 AB`.
        public var postcode: String
        /// The number with any addition, `12`, `12a`, `12-2`.
        public var houseNumber: String
        public init(postcode: String, houseNumber: String) {
            self.postcode = postcode
            self.houseNumber = houseNumber
        }
    }

    /// The young person's BSN (nine digits, eleven-test).
    public var bsn: String
    /// The young person's date of birth (`YYYY-MM-DD`): under 23 on the day; checked against other signals on the BSN.
    public var birthDate: String
    /// The parents' BSNs as the population register records them (family matching); optional.
    public var parentBsns: [String]?
    /// The young person's address (family matching on a shared address, where the municipality
    /// switched that rule on; keyed at once, never stored as such); optional.
    public var address: Address?
    public var professional: Professional
    /// The organisation the sender believes it is; refused when it is not the sender's login.
    public var organisation: String?
    public var youngPersonInformed: Bool
    /// Whether the parents were informed; required under 16.
    public var parentsInformed: Bool?
    /// `safety`, `unreachable` or `other-professional` when someone was not informed.
    public var notInformedReason: String?
    /// The organisation's own reference (its file number), kept with the signal and echoed in
    /// the receipt (no names, no content).
    public var reference: String?

    public init(
        bsn: String,
        birthDate: String,
        parentBsns: [String]? = nil,
        address: Address? = nil,
        professional: Professional,
        organisation: String? = nil,
        youngPersonInformed: Bool,
        parentsInformed: Bool? = nil,
        notInformedReason: String? = nil,
        reference: String? = nil
    ) {
        self.bsn = bsn
        self.birthDate = birthDate
        self.parentBsns = parentBsns
        self.address = address
        self.professional = professional
        self.organisation = organisation
        self.youngPersonInformed = youngPersonInformed
        self.parentsInformed = parentsInformed
        self.notInformedReason = notInformedReason
        self.reference = reference
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(bsn, "bsn", length: 8...12)
        try ContractViolation.check(birthDate, "birthDate", length: 10...10)
        guard (parentBsns ?? []).count <= 4 else { throw ContractViolation(field: "parentBsns", problem: "at most 4") }
        try ContractViolation.check(professional.name, "professional.name", length: 1...100)
        try ContractViolation.check(professional.phone, "professional.phone", length: 1...20)
        try ContractViolation.check(professional.email, "professional.email", length: 3...254)
        if let reference { try ContractViolation.check(reference, "reference", length: 1...64) }
        if let organisation { try ContractViolation.check(organisation, "organisation", length: 1...64) }
        if let address {
            try ContractViolation.check(address.postcode, "address.postcode", length: 6...7)
            try ContractViolation.check(address.houseNumber, "address.houseNumber", length: 1...10)
        }
    }
}

/// `signaller.signal.withdrawn`: the organisation withdraws one of its signals, because the
/// worry proved unjustified (`unjustified`) or the risk is gone (`risk-gone`).
public struct SignalWithdrawn: MessageContract, Equatable {
    public static let messageType = "signaller.signal.withdrawn"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var signalId: UUID
    public var reason: String

    public init(signalId: UUID, reason: String) {
        self.signalId = signalId
        self.reason = reason
    }

    public func validate() throws(ContractViolation) {
        guard ["unjustified", "risk-gone"].contains(reason) else {
            throw ContractViolation(field: "reason", problem: "must be unjustified or risk-gone")
        }
    }
}

/// `referralindex.signal.recorded`: the receipt of a registration or withdrawal, on the
/// organisation's queue (`referralindex.signal.recorded.<organisation>`).
public struct SignalRecorded: MessageContract, Equatable {
    public static let messageType = "referralindex.signal.recorded"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// `registered`, `refreshed` (the same professional again) or `withdrawn`.
    public var outcome: String
    public var signalId: UUID
    public var reference: String?
    /// The day the signal leaves the index unless made anew (`YYYY-MM-DD`); absent once withdrawn.
    public var removeOn: String?

    public init(outcome: String, signalId: UUID, reference: String?, removeOn: String?) {
        self.outcome = outcome
        self.signalId = signalId
        self.reference = reference
        self.removeOn = removeOn
    }
}
