import Contracts
public import Foundation
import Storage

/// An address on the municipality's register of excluded addresses: an institution's or a
/// shelter's (no person's), so it is kept as typed, with what it is.
public struct ExcludedAddress: Codable, Sendable, Equatable {
    public var municipality: String
    public var postcode: String
    public var houseNumber: String
    public var description: String
    public var addedBy: String
    public var addedAt: Date
}

/// A coordinator's entry for the register.
public struct ExcludedAddressInput: Codable, Sendable {
    public var postcode: String
    public var houseNumber: String
    /// What is there, e.g. `Opvang De Haven` (2-100 characters).
    public var description: String

    public init(postcode: String, houseNumber: String, description: String) {
        self.postcode = postcode
        self.houseNumber = houseNumber
        self.description = description
    }
}

extension ReferralIndexService {
    /// Puts an address on the municipality's register of excluded addresses (the coordinator).
    public func excludeAddress(_ input: ExcludedAddressInput, by actor: Professional) async throws -> ExcludedAddress {
        let now = clock()
        let keyer = settings.keyer
        return try await audited(actor) { tx in
            try actor.require(.coordinator, to: "keep the register of excluded addresses")
            let normalised = try AddressKey.normalised(postcode: input.postcode, houseNumber: input.houseNumber)
            let description = input.description.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (2...100).contains(description.count) else { throw ReferralIndexError.invalidParameter("description") }
            let parts = normalised.split(separator: "|").map(String.init)
            let entry = ExcludedAddress(
                municipality: actor.municipality.rawValue,
                postcode: parts[0],
                houseNumber: parts[1],
                description: description,
                addedBy: actor.username,
                addedAt: now
            )
            try ExcludedAddressRepository.insert(entry, key: keyer.key(ofAddress: normalised), in: tx)
            return entry
        }
    }

    /// The municipality's register of excluded addresses (the coordinator).
    public func excludedAddresses(by actor: Professional) async throws -> [ExcludedAddress] {
        try actor.require(.coordinator, to: "see the register of excluded addresses")
        return try await transaction { tx in try ExcludedAddressRepository.list(actor.municipality, in: tx) }
    }
}
