import Contracts
import Testing

@testable import FrontDesk

@Suite("Person validation")
struct PersonTests {
    let today = Fixtures.day(2026, 3, 2)

    @Test("a complete record has no problems")
    func valid() throws {
        let person = Fixtures.person()
        #expect(person.problems(today: today).isEmpty)
        try person.validate(today: today)
        #expect(person.displayName == "Jan Pieter van der Berg")
        #expect(person.age(on: today) == 77)
        #expect(person.address?.streetLine == "Rijnkade 12A")
        #expect(person.address?.cityLine == "6811 AB  ARNHEM")
    }

    @Test("every problem names its field")
    func fieldProblems() {
        var person = Fixtures.person()
        person.familyName = "  "
        person.givenNames = String(repeating: "a", count: 101)
        person.address?.street = String(repeating: "s", count: 201)
        person.address?.houseNumber = 0
        person.email = "jan@@example"
        person.phone = "12345"
        let problems = person.problems(today: today)
        #expect(problems.contains(.missingField(field: "familyName", label: "Achternaam")))
        #expect(problems.contains(.fieldTooLong(field: "givenNames", label: "Voornamen", maxLength: 100, actualLength: 101)))
        #expect(problems.contains(.fieldTooLong(field: "street", label: "Straat", maxLength: 200, actualLength: 201)))
        #expect(problems.contains(.invalidHouseNumber))
        #expect(problems.contains(.invalidEmail(field: "email")))
        #expect(problems.contains(.invalidPhone(field: "phone")))
        #expect(problems.count == 6)
        #expect(Set(problems.compactMap(\.field)) == ["familyName", "givenNames", "street", "houseNumber", "email", "phone"])
        #expect(throws: FrontDeskError.self) { try person.validate(today: today) }
    }

    @Test(
        "e-mail shape and length",
        arguments: [
            ("jan@example.nl", true), ("a.b+c@sub.example.org", true), ("jan@example", false), ("jan example@x.nl", false),
            ("@example.nl", false), ("jan@.nl", false), ("jan@example.n", false),
        ]
    )
    func email(_ text: String, _ ok: Bool) {
        #expect(FieldRules.email(text).isEmpty == ok)
    }

    @Test("an e-mail address over 254 characters is too long")
    func emailTooLong() {
        let long = String(repeating: "a", count: 60) + "@" + String(repeating: "b", count: 200) + ".nl"
        #expect(FieldRules.email(long).first?.code == "field-too-long")
    }

    @Test(
        "phone numbers",
        arguments: [
            ("026 123 45 67", true), ("06-12345678", true), ("+31 26 123 4567", true), ("12345", false),
            ("0612345678901234567890", false), ("06 1234 567a", false), ("31+612345678", false),
        ]
    )
    func phone(_ text: String, _ ok: Bool) {
        #expect(FieldRules.phone(text).isEmpty == ok)
    }

    @Test("birth date must not be in the future or before 1890")
    func birthDate() {
        var person = Fixtures.person()
        person.birthDate = Fixtures.day(2026, 3, 3)
        #expect(person.problems(today: today) == [.invalidBirthDate(.inFuture)])
        person.birthDate = Fixtures.day(1889, 12, 31)
        #expect(person.problems(today: today) == [.invalidBirthDate(.tooEarly)])
    }

    @Test("the preferred channel needs the data to use it")
    func preferredChannel() {
        var person = Fixtures.person()
        person.preferredChannel = .email
        person.email = nil
        #expect(person.problems(today: today) == [.preferredChannelUnreachable(.email)])
        person.preferredChannel = .letter
        person.address = nil
        #expect(person.problems(today: today) == [.preferredChannelUnreachable(.letter)])
        person.preferredChannel = .sms
        person.phone = " "
        #expect(person.problems(today: today).first?.field == "preferredChannel")
    }

    @Test("a person without a fixed address is allowed when reachable otherwise")
    func noFixedAddress() {
        var person = Fixtures.person()
        person.address = nil
        person.preferredChannel = .phone
        #expect(person.problems(today: today).isEmpty)
    }
}
