/// `frontdesk.person.deceased`: the population register told the desk that a person died. Sent
/// only to the referral index, which removes the person's signals at once (Jeugdwet 7.1.4.5):
/// it carries the BSN (the index keys it on arrival and keeps nothing of it), so it goes through
/// the default exchange straight to the index's queue `referral-index.death-notices`, which
/// only the index's login may read, never over `wmo.events`. Without a referral index the
/// notice has no queue and is dropped: the chain does not depend on the index.
public struct PersonDeceased: MessageContract, Equatable {
    public static let messageType = "frontdesk.person.deceased"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The queue the notice goes to (through the default exchange).
    public static let queue = "referral-index.death-notices"
    public var bsn: String
    /// `YYYY-MM-DD`.
    public var dateOfDeath: String

    public init(bsn: String, dateOfDeath: String) {
        self.bsn = bsn
        self.dateOfDeath = dateOfDeath
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(bsn, "bsn", length: 8...12)
        try ContractViolation.check(dateOfDeath, "dateOfDeath", length: 10...10)
    }
}
