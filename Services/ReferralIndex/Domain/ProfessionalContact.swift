import Foundation

/// How other professionals reach the one who signalled: name, phone, e-mail. This is all a
/// match notification says about a colleague; nothing about the young person or the worry.
public struct ProfessionalContact: Sendable, Hashable, Codable {
    public var name: String
    public var phone: String
    public var email: String

    public init(name: String, phone: String, email: String) {
        self.name = name
        self.phone = phone
        self.email = email
    }

    /// The contact with whitespace trimmed and the e-mail in lower case, or the first problem.
    /// - Throws: `ReferralIndexError.invalidContact` naming the field.
    public static func checked(
        name: String,
        phone: String,
        email: String,
        prefix: String = "professional."
    )
        throws(ReferralIndexError) -> ProfessionalContact
    {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let phone = phone.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard (2...100).contains(name.count), !name.contains(where: \.isNewline) else {
            throw .invalidContact(field: prefix + "name", "give the professional's name (2-100 characters)")
        }
        let digits = phone.filter(\.isNumber)
        guard (6...15).contains(digits.count), phone.count <= 20,
            phone.allSatisfy({ $0.isASCII && ($0.isNumber || " +-()".contains($0)) })
        else { throw .invalidContact(field: prefix + "phone", "give a phone number (digits, spaces, + - ( ))") }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !email.contains(where: { $0.isWhitespace })
        else { throw .invalidContact(field: prefix + "email", "give an e-mail address (name@organisation.nl)") }
        return ProfessionalContact(name: name, phone: phone, email: email)
    }
}
