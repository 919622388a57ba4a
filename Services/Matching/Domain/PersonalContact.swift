import Foundation

/// How a volunteer or an informal carer is reached: their own data, registered with their own
/// consent, never a client's.
public struct PersonalContact: Sendable, Hashable, Codable {
    public var name: String
    public var phone: String?
    public var email: String?

    /// - Throws: `MatchingError.invalidContact` for a blank or overlong name, no way to reach
    ///   them, or a malformed phone number or e-mail address.
    public init(name: String, phone: String?, email: String?) throws(MatchingError) {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let phone = phone?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        let email = email?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        guard (1...120).contains(name.count), !name.unicodeScalars.contains(where: { $0.value < 32 }) else {
            throw .invalidContact(field: "name", "give a name of 1 to 120 characters")
        }
        guard phone != nil || email != nil else { throw .invalidContact(field: "phone", "give a phone number or an e-mail address") }
        if let phone {
            let digits = phone.filter(\.isNumber)
            guard (10...15).contains(digits.count), phone.allSatisfy({ $0.isNumber || " +-()".contains($0) }) else {
                throw .invalidContact(field: "phone", "'\(phone.prefix(30))' is not a phone number")
            }
        }
        if let email {
            let parts = email.split(separator: "@")
            guard email.count <= 200, parts.count == 2, parts[1].contains("."), !email.contains(" "),
                !email.unicodeScalars.contains(where: { $0.value < 32 })
            else {
                throw .invalidContact(field: "email", "'\(email.prefix(60))' is not an e-mail address")
            }
        }
        self.name = name
        self.phone = phone
        self.email = email
    }

    /// A stored contact, as it was checked at registration.
    public init(stored name: String, phone: String?, email: String?) {
        self.name = name
        self.phone = phone
        self.email = email
    }

    /// The first name: how a citizen will know the volunteer (`matching.matched`).
    public var firstName: String { String(name.split(separator: " ").first ?? Substring(name)) }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
