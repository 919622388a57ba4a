public import Contracts
import Foundation
import Storage

/// A new entry on the social map.
public struct PartnerInput: Sendable, Codable, Hashable {
    /// Lowercase letters, digits and hyphens, e.g. `mee-gelderse-poort`; becomes the queue name.
    public var id: String
    public var name: String
    public var kind: PartnerKind?
    public var categories: [LifeDomain]
    public var districts: [String]?
    public var offer: String?
    /// Own warm-referral terms in working days (both or neither).
    public var acceptWithinWorkingDays: Int?
    public var contactWithinWorkingDays: Int?

    /// Creates the input.
    public init(
        id: String,
        name: String,
        kind: PartnerKind? = nil,
        categories: [LifeDomain],
        districts: [String]? = nil,
        offer: String? = nil,
        acceptWithinWorkingDays: Int? = nil,
        contactWithinWorkingDays: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.categories = categories
        self.districts = districts
        self.offer = offer
        self.acceptWithinWorkingDays = acceptWithinWorkingDays
        self.contactWithinWorkingDays = contactWithinWorkingDays
    }

    /// The partner for `municipality`, or every problem found.
    public func makePartner(municipality: MunicipalityCode) throws(InputProblems) -> Partner {
        var problems: [FrontDeskError] = []
        if !PartnerInput.isValidID(id) { problems.append(.invalidPartnerID(id)) }
        problems += FieldRules.text(name, field: "name", label: "Naam", max: FieldRules.maxNameLength)
        problems += FieldRules.text(offer, field: "offer", label: "Aanbod", max: FieldRules.maxReasonLength, required: false)
        if categories.isEmpty { problems.append(.noCategories) }
        var sla: ReferralSLA?
        // At most 60 working days (three months): a longer term is no warm referral, and it keeps
        // the stored day counts far from any overflow.
        if let accept = acceptWithinWorkingDays, let contact = contactWithinWorkingDays, accept >= 0, contact >= accept,
            contact <= 60
        {
            sla = ReferralSLA(acceptWithinWorkingDays: accept, contactWithinWorkingDays: contact)
        } else if acceptWithinWorkingDays != nil || contactWithinWorkingDays != nil {
            problems.append(.missingField(field: "sla", label: "Termijnen (accepteren en contact, in werkdagen)"))
        }
        try InputProblems.check(problems)
        let kind = kind ?? .partnerOrganisation
        let partnerID = PartnerID(id)
        return Partner(
            id: partnerID,
            name: name,
            municipality: municipality,
            kind: kind,
            categories: Set(categories),
            districts: Set(districts ?? []),
            offer: offer ?? "",
            slaOverride: sla,
            queueName: kind == .partnerOrganisation
                ? FrontDeskTopology.partnerQueueName(FrontDeskTopology.organisation(partnerID, of: municipality)) : nil
        )
    }

    /// `[a-z0-9][a-z0-9-]{0,63}`: safe in routing keys and queue names.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 64 else { return false }
        let allowed = { (byte: UInt8) in (97...122).contains(byte) || (48...57).contains(byte) }
        return allowed(first) && id.utf8.allSatisfy { allowed($0) || $0 == UInt8(ascii: "-") }
    }
}

extension FrontDeskService {
    /// The social map of the staff member's municipality.
    public func socialMap(by staff: StaffMember) async throws -> SocialMap {
        guard staff.role.permissions.contains(.casework) || staff.role.permissions.contains(.socialMap) else {
            throw FrontDeskError.notPermitted(action: StaffPermission.socialMap.dutchName)
        }
        return try await transaction { tx in try PartnerRepository.socialMap(municipality: staff.municipality, in: tx) }
    }

    /// Adds a partner or general provision to the social map. A partner organisation's queue is
    /// declared on the broker first (idempotent), so no request can be passed on to a partner
    /// whose queue does not exist yet.
    public func addPartner(_ input: PartnerInput, by staff: StaffMember) async throws -> Partner {
        try staff.require(.socialMap)
        let partner = try input.makePartner(municipality: staff.municipality)
        if partner.canReceiveReferrals {
            try await partnerQueues?.declare([FrontDeskTopology.organisation(partner.id, of: partner.municipality)])
        }
        try await transaction { tx in try PartnerRepository.insert(partner, in: tx) }
        return partner
    }
}
