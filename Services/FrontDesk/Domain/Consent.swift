public import Contracts
public import Foundation

/// Toestemming: the citizen's consent to share named contact data with one partner for one
/// passed-on request (SPEC §2). Without it nothing is passed on; after withdrawal nothing more.
public struct Consent: Sendable, Hashable, Codable, Identifiable {
    /// Id of the consent.
    public var id: UUID
    /// The municipality of the request (SPEC P6).
    public var municipality: MunicipalityCode
    /// The `Person.id` who consented.
    public var personID: UUID
    /// The request the consent is for.
    public var requestID: UUID
    /// The one partner that may receive the data.
    public var partnerID: PartnerID
    /// The data items that may be shared.
    public var items: Set<ContactDataItem>
    /// When the citizen gave it.
    public var givenAt: Date
    /// The staff member who recorded it (P7).
    public var recordedBy: StaffID
    /// When it was withdrawn; `nil` while in force.
    public private(set) var withdrawnAt: Date?
    /// Who recorded the withdrawal (a staff member, or `nil` when the citizen withdrew in the
    /// portal or the consent ended with the partner's decline).
    public private(set) var withdrawnBy: StaffID?
    /// Why it ended; `nil` while in force.
    public private(set) var endReason: ConsentEnd?

    /// Creates a consent as stored, without checks; use `record(...)` for a new one.
    public init(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        personID: UUID,
        requestID: UUID,
        partnerID: PartnerID,
        items: Set<ContactDataItem>,
        givenAt: Date,
        recordedBy: StaffID,
        withdrawnAt: Date? = nil,
        withdrawnBy: StaffID? = nil,
        endReason: ConsentEnd? = nil
    ) {
        self.id = id
        self.municipality = municipality
        self.personID = personID
        self.requestID = requestID
        self.partnerID = partnerID
        self.items = items
        self.givenAt = givenAt
        self.recordedBy = recordedBy
        self.withdrawnAt = withdrawnAt
        self.withdrawnBy = withdrawnBy
        self.endReason = endReason ?? (withdrawnAt == nil ? nil : .withdrawn)
    }

    /// Records a new consent of `person`, checked on the person's values: consenting to share
    /// a phone number the desk does not have is refused, not silently empty.
    /// - Throws: `.consentItemWithoutValue` for an item the person has no value for;
    ///   `.consentWithoutReachableItem` when the items contain no phone, e-mail or address: the
    ///   partner could not contact the citizen (warm referral, SPEC P1).
    public static func record(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        person: Person,
        requestID: UUID,
        partnerID: PartnerID,
        items: Set<ContactDataItem>,
        givenAt: Date,
        recordedBy: StaffID
    ) throws(FrontDeskError) -> Consent {
        if let missing = items.sorted().first(where: { !person.hasValue(for: $0) }) { throw .consentItemWithoutValue(missing) }
        guard !items.isDisjoint(with: ContactDataItem.reachability) else { throw .consentWithoutReachableItem }
        return Consent(
            id: id,
            municipality: municipality,
            personID: person.id,
            requestID: requestID,
            partnerID: partnerID,
            items: items,
            givenAt: givenAt,
            recordedBy: recordedBy
        )
    }

    /// `true` while not withdrawn.
    public var isInForce: Bool { withdrawnAt == nil }

    /// Ends the consent; the partner must be told to delete the data (the caller publishes
    /// `frontdesk.consent.withdrawn`). Whatever the referral's state (even completed or
    /// declined), a consent in force can always end.
    /// - Throws: `.consentAlreadyWithdrawn`.
    public mutating func end(_ reason: ConsentEnd, at time: Date, by staff: StaffID?) throws(FrontDeskError) {
        guard withdrawnAt == nil else { throw .consentAlreadyWithdrawn }
        withdrawnAt = time
        withdrawnBy = staff
        endReason = reason
    }

    /// The citizen withdraws the consent (`end(.withdrawn, ...)`).
    /// - Throws: `.consentAlreadyWithdrawn`.
    public mutating func withdraw(at time: Date, by staff: StaffID?) throws(FrontDeskError) {
        try end(.withdrawn, at: time, by: staff)
    }
}

/// Why a consent ended: each one means the partner deletes the contact data and stops.
public enum ConsentEnd: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ingetrokken: the citizen withdrew it.
    case withdrawn
    /// Afgewezen: the partner declined the referral, so it needs the data no longer.
    case declined
    /// Afgesloten: the desk closed the request.
    case requestClosed = "request-closed"

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .withdrawn: "Ingetrokken door de burger"
        case .declined: "Beëindigd: partner wees af"
        case .requestClosed: "Beëindigd: hulpvraag afgesloten"
        }
    }
}

extension Person {
    /// Whether the person has a value the item could share (a name and a preferred channel
    /// always; a phone, e-mail, address or language only when recorded).
    func hasValue(for item: ContactDataItem) -> Bool {
        switch item {
        case .name, .preferredChannel: true
        case .phone: phone.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false
        case .email: email.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false
        case .address: address != nil
        case .language: language.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false
        }
    }
}
