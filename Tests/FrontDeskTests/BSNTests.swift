import Contracts
import Foundation
import Testing

@testable import FrontDesk

@Suite("BSN (elfproef)")
struct BSNTests {
    @Test("valid numbers pass the eleven-test", arguments: ["111222333", "123456782", "999999990"])
    func valid(_ text: String) throws {
        let bsn = try BSN(text)
        #expect(bsn.rawValue == text)
    }

    @Test("separators and surrounding whitespace are ignored")
    func separators() throws {
        #expect(try BSN(" 1234.56.782 ").rawValue == "123456782")
        #expect(try BSN("111 222 333").rawValue == "111222333")
    }

    @Test("eight digits get a leading zero")
    func eightDigits() throws {
        #expect(try BSN("12345672").rawValue == "012345672")
    }

    @Test("a wrong digit or swapped digits fail the eleven-test", arguments: ["123456789", "111222334", "213456782"])
    func elevenTestFails(_ text: String) {
        #expect(throws: FrontDeskError.invalidBSN(.elevenTestFailed)) { try BSN(checking: text) }
    }

    @Test("wrong lengths are refused", arguments: ["1234567", "1234567890", "12"])
    func wrongLength(_ text: String) {
        #expect(throws: FrontDeskError.invalidBSN(.wrongLength)) { try BSN(checking: text) }
    }

    @Test("other problems have their own reason")
    func otherProblems() {
        #expect(throws: FrontDeskError.invalidBSN(.empty)) { try BSN(checking: "  ") }
        #expect(throws: FrontDeskError.invalidBSN(.notDigits)) { try BSN(checking: "12345678a") }
        #expect(throws: FrontDeskError.invalidBSN(.notDigits)) { try BSN(checking: "１２３４５６７８２") }
        #expect(throws: FrontDeskError.invalidBSN(.allZeros)) { try BSN(checking: "000000000") }
        #expect(!BSN.isValid("123456789"))
        #expect(BSN.isValid("123456782"))
    }

    @Test("the number is masked in logs")
    func masked() throws {
        let bsn = try BSN("123456782")
        #expect(bsn.masked == "****.**.782")
        #expect("\(bsn)" == "****.**.782")
        #expect(!String(reflecting: bsn).contains("123456"))
    }

    @Test("the error says what to do and is safe to log")
    func errorMessage() {
        let error = FrontDeskError.invalidBSN(.elevenTestFailed)
        #expect(error.code == "invalid-bsn")
        #expect(error.field == "bsn")
        #expect(error.httpStatus == 422)
        #expect(error.message.contains("elfproef"))
        #expect(error.message.contains("Controleer"))
    }

    @Test("JSON carries the plain number and rejects an invalid one")
    func codable() throws {
        let data = try JSONEncoder().encode(try BSN("111222333"))
        #expect(String(decoding: data, as: UTF8.self) == "\"111222333\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BSN.self, from: Data("\"123456789\"".utf8)) }
    }
}
