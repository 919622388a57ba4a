import Testing

@testable import FrontDesk

@Suite("Postcode")
struct PostcodeTests {
    @Test("is normalised to 1234 AB", arguments: ["6811AB", "6811 ab", " 6811  Ab ", "6811\tAB"])
    func normalised(_ text: String) throws {
        let postcode = try Postcode(text)
        #expect(postcode.rawValue == "6811 AB")
        #expect(postcode.digits == "6811")
        #expect(postcode.letters == "AB")
    }

    @Test(
        "malformed codes are refused",
        arguments: ["0811 AB", "681 AB", "6811 A", "6811 A1", "68110AB", "", "ABCD 12", "6811 SS", "6811 SA", "6811 SD"]
    )
    func invalid(_ text: String) {
        #expect(throws: FrontDeskError.invalidPostcode(text)) { try Postcode(text) }
    }

    @Test("the error names the field and gives an example")
    func error() {
        let error = FrontDeskError.invalidPostcode("68")
        #expect(error.field == "postcode")
        #expect(error.code == "invalid-postcode")
        #expect(error.message.contains("6811 AB"))
    }
}
