import Foundation
import Storage
import Testing

/// The text forms the kit writes and reads for PostgreSQL: written by hand for speed, so held
/// to the forms they replaced.
@Suite struct PostgresTextTests {
    @Test func aTimestampIsISOWithMicrosecondsInUTC() throws {
        #expect(PostgresDateFormat.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000000Z")
        #expect(PostgresDateFormat.timestamp(Date(timeIntervalSince1970: 1_795_000_000.25)) == "2026-11-18T11:06:40.250000Z")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let micros = Int64.random(in: 0...(4_102_444_800 * 1_000_000), using: &generator)  // 1970-2100
            let date = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
            let text = PostgresDateFormat.timestamp(date)
            #expect(text.utf8.count == 27, "\(text)")
            let parsed = try #require(PostgresDateFormat.parse(text.replacingOccurrences(of: "T", with: " ")))
            #expect(abs(parsed.timeIntervalSince(date)) < 0.000_002, "\(text)")
        }
    }

    @Test func byteaHexDecodesAndRefusesWhatIsNotHex() {
        #expect(Data(postgresText: "\\x") == Data())
        #expect(Data(postgresText: "\\x00ff10Ab") == Data([0x00, 0xFF, 0x10, 0xAB]))
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255) })
        #expect(Data(postgresText: bytes.postgresText!) == bytes)
        for refused in ["", "\\", "x00", "\\x0", "\\x0g", "\\xé0", "\\x00 "] {
            #expect(Data(postgresText: refused) == nil, "\(refused)")
        }
    }

    @Test func anArrayLiteralQuotesEveryElementAndEscapesOnlyQuotesAndBackslashes() {
        #expect(["a", "b c", "say \"hi\"", "back\\slash", "é"].postgresText == #"{"a","b c","say \"hi\"","back\\slash","é"}"#)
        #expect([String]().postgresText == "{}")
        #expect([Data([1, 2])].postgresText == #"{"\\x0102"}"#)
    }
}
