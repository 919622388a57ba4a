public import Contracts
import Foundation
public import WorkingDays

/// What staff submit to register a person: the fields as typed, checked into a `Person` by
/// `makePerson`, which reports every problem at once, each next to its field.
public struct PersonInput: Sendable, Codable, Hashable {
    public var bsn: String
    public var givenNames: String
    public var familyNamePrefix: String?
    public var familyName: String
    /// `2026-04-06` or `6-4-2026`.
    public var birthDate: String
    public var street: String?
    public var houseNumber: Int?
    public var houseNumberAddition: String?
    public var postcode: String?
    public var city: String?
    public var district: String?
    public var core: String?
    public var phone: String?
    public var email: String?
    public var preferredChannel: ContactChannel?
    public var language: String?
    public var needsInterpreter: Bool?
    public var representativeName: String?
    public var representativeContact: String?
    public var representativeRole: String?

    /// Creates the input.
    public init(
        bsn: String,
        givenNames: String,
        familyNamePrefix: String? = nil,
        familyName: String,
        birthDate: String,
        street: String? = nil,
        houseNumber: Int? = nil,
        houseNumberAddition: String? = nil,
        postcode: String? = nil,
        city: String? = nil,
        district: String? = nil,
        core: String? = nil,
        phone: String? = nil,
        email: String? = nil,
        preferredChannel: ContactChannel? = nil,
        language: String? = nil,
        needsInterpreter: Bool? = nil,
        representativeName: String? = nil,
        representativeContact: String? = nil,
        representativeRole: String? = nil
    ) {
        self.bsn = bsn
        self.givenNames = givenNames
        self.familyNamePrefix = familyNamePrefix
        self.familyName = familyName
        self.birthDate = birthDate
        self.street = street
        self.houseNumber = houseNumber
        self.houseNumberAddition = houseNumberAddition
        self.postcode = postcode
        self.city = city
        self.district = district
        self.core = core
        self.phone = phone
        self.email = email
        self.preferredChannel = preferredChannel
        self.language = language
        self.needsInterpreter = needsInterpreter
        self.representativeName = representativeName
        self.representativeContact = representativeContact
        self.representativeRole = representativeRole
    }

    /// The person, or every problem found.
    /// - Throws: `InputProblems` with one entry per field that is wrong.
    public func makePerson(municipality: MunicipalityCode, today: LocalDate) throws(InputProblems) -> Person {
        var problems: [FrontDeskError] = []
        var bsnValue: BSN?
        do throws(FrontDeskError) { bsnValue = try BSN(checking: bsn) } catch { problems.append(error) }
        var birth: LocalDate?
        do throws(FrontDeskError) {
            birth = try LocalDate.parse(birthDate, field: "birthDate", label: "Geboortedatum")
        } catch { problems.append(error) }
        let address = makeAddress(&problems)
        var representative: Representative?
        if let name = representativeName.nonBlank {
            representative = Representative(name: name, contact: representativeContact ?? "", role: representativeRole.nonBlank)
        }
        // Check every other field even when the BSN or the birth date is wrong, so the form
        // shows all problems at once; the placeholders never leave this function.
        let person = Person(
            municipality: municipality,
            bsn: bsnValue ?? PersonInput.placeholderBSN,
            givenNames: givenNames,
            familyNamePrefix: familyNamePrefix.nonBlank,
            familyName: familyName,
            birthDate: birth ?? today,
            address: address,
            district: district.nonBlank,
            core: core.nonBlank,
            phone: phone.nonBlank,
            email: email.nonBlank,
            preferredChannel: preferredChannel ?? (address == nil ? .phone : .letter),
            language: language.nonBlank,
            needsInterpreter: needsInterpreter ?? false,
            representative: representative
        )
        try InputProblems.check(problems + person.problems(today: today))
        guard bsnValue != nil, birth != nil else { throw InputProblems(problems) }
        return person
    }

    private static let placeholderBSN = try! BSN("111222333")

    /// The address when any address field is filled in; a partly filled address is a problem
    /// per missing field.
    private func makeAddress(_ problems: inout [FrontDeskError]) -> Address? {
        let parts: [String?] = [street, houseNumber.map(String.init), houseNumberAddition, postcode, city]
        guard parts.contains(where: { $0.nonBlank != nil }) else { return nil }
        var code: Postcode?
        if let text = postcode.nonBlank {
            do throws(FrontDeskError) { code = try Postcode(text) } catch { problems.append(error) }
        } else {
            problems.append(.missingField(field: "postcode", label: "Postcode"))
        }
        guard let number = houseNumber else {
            problems.append(.missingField(field: "houseNumber", label: "Huisnummer"))
            return nil
        }
        guard let code else { return nil }
        return Address(
            street: street ?? "",
            houseNumber: number,
            houseNumberAddition: houseNumberAddition.nonBlank,
            postcode: code,
            city: city ?? ""
        )
    }
}

/// Zoekvraag: how staff look a person up. One of: a BSN; a family name with a birth date; a
/// postcode (optionally with a house number).
public struct PersonSearch: Sendable, Codable, Hashable {
    public var bsn: String?
    public var name: String?
    public var birthDate: String?
    public var postcode: String?
    /// Why the staff member looks, from the fixed list (default `intake`); in the access log.
    public var reason: AccessLog.Reason?
    /// The staff member's own words about why, e.g. `telefoon` or a request id.
    public var reasonText: String?

    /// Creates a search.
    public init(
        bsn: String? = nil,
        name: String? = nil,
        birthDate: String? = nil,
        postcode: String? = nil,
        reason: AccessLog.Reason? = nil,
        reasonText: String? = nil
    ) {
        self.bsn = bsn
        self.name = name
        self.birthDate = birthDate
        self.postcode = postcode
        self.reason = reason
        self.reasonText = reasonText
    }
}
