/// The address of a young person as the index may use it for the second family rule (matching
/// on a shared address, off by default): a Dutch postcode and house number, normalised, and
/// only ever kept as a keyed hash (`SubjectKeyer.key(ofAddress:)`).
public enum AddressKey {
    /// `1234AB|12A` from `1234 ab` and `12 a`.
    /// - Throws: `ReferralIndexError.invalidAddress` when it is no Dutch postcode and number.
    public static func normalised(postcode: String, houseNumber: String) throws(ReferralIndexError) -> String {
        let code = postcode.uppercased().filter { !$0.isWhitespace }
        let digits = code.prefix(4)
        let letters = code.dropFirst(4)
        guard code.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0",
            letters.allSatisfy({ $0.isASCII && $0.isLetter })
        else { throw .invalidAddress("address.postcode") }
        let number = houseNumber.uppercased().filter { !$0.isWhitespace }
        guard (1...10).contains(number.count), number.first?.isNumber == true,
            number.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter || $0 == "-") })
        else { throw .invalidAddress("address.houseNumber") }
        return "\(code)|\(number)"
    }
}
