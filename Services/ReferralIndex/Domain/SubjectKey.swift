public import Contracts
import Crypto
public import Foundation

/// The index's name for a young person or a parent: HMAC-SHA-256 of the BSN under a secret only
/// the referral index holds (SPEC §5). The plain BSN is never stored; without the secret a key
/// cannot be turned back into a BSN or computed from one.
public struct SubjectKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes of the HMAC.
    public let bytes: Data

    public init?(bytes: Data) {
        guard bytes.count == SHA256.byteCount else { return nil }
        self.bytes = bytes
    }

    /// Parses 64 hex characters (the form federation messages carry).
    public init?(hex: String) {
        guard hex.utf8.count == 64 else { return nil }
        var bytes = Data(capacity: 32)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.bytes = bytes
    }

    /// Lower-case hex (for the audit and subject-access screens; never a BSN).
    public var description: String { bytes.map { String(format: "%02x", $0) }.joined() }
}

/// Computes subject keys with the index's secret (`REFERRAL_INDEX_SECRET`). Regions that forward
/// to a national index share its secret, so the same BSN gives the same key everywhere.
public struct SubjectKeyer: Sendable {
    private let key: SymmetricKey

    /// - Parameter secret: at least 32 bytes of key material.
    public init?(secret: Data) {
        guard secret.count >= 32 else { return nil }
        key = SymmetricKey(data: secret)
    }

    /// The key of an address normalised by `AddressKey.normalised` (its own domain: an address
    /// never gives the key of a BSN).
    public func key(ofAddress normalised: String) -> SubjectKey {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(("address:" + normalised).utf8), using: key)
        return SubjectKey(bytes: Data(mac))!
    }

    /// The key of `bsn`.
    public func key(of bsn: BSN) -> SubjectKey {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(bsn.rawValue.utf8), using: key)
        return SubjectKey(bytes: Data(mac))!
    }
}
