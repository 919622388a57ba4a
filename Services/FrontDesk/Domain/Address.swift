/// Adres: a Dutch postal address (street, house number, postcode, city).
public struct Address: Sendable, Hashable, Codable {
    /// Straat, at most 200 characters.
    public var street: String
    /// Huisnummer, 1 to 99999.
    public var houseNumber: Int
    /// Huisletter or toevoeging, e.g. `"A"` or `"2-hoog"`, at most 10 characters.
    public var houseNumberAddition: String?
    /// Postcode, already validated by its type.
    public var postcode: Postcode
    /// Woonplaats, at most 100 characters.
    public var city: String

    /// Creates an address; call `problems()` before storing a new one.
    public init(street: String, houseNumber: Int, houseNumberAddition: String? = nil, postcode: Postcode, city: String) {
        self.street = street
        self.houseNumber = houseNumber
        self.houseNumberAddition = houseNumberAddition
        self.postcode = postcode
        self.city = city
    }

    /// Maximum length of the house number addition.
    public static let maxAdditionLength = 10

    /// Every problem with the fields, each naming its form field; empty when valid.
    public func problems() -> [FrontDeskError] {
        var problems: [FrontDeskError] = []
        problems += FieldRules.text(street, field: "street", label: "Straat", max: FieldRules.maxStreetLength)
        if !(1...99_999).contains(houseNumber) { problems.append(.invalidHouseNumber) }
        problems += FieldRules.text(
            houseNumberAddition,
            field: "houseNumberAddition",
            label: "Toevoeging",
            max: Address.maxAdditionLength,
            required: false
        )
        problems += FieldRules.text(city, field: "city", label: "Woonplaats", max: FieldRules.maxNameLength)
        return problems
    }

    /// The first line of an envelope, e.g. `Rijnkade 12A`.
    public var streetLine: String {
        let addition = houseNumberAddition.map { $0.trimmingWhitespace() } ?? ""
        let separator = addition.first?.isLetter == true && addition.count == 1 ? "" : " "
        return addition.isEmpty ? "\(street) \(houseNumber)" : "\(street) \(houseNumber)\(separator)\(addition)"
    }

    /// The second line of an envelope, e.g. `6811 AB  ARNHEM` (two spaces and capitals, as PostNL asks).
    public var cityLine: String { "\(postcode)  \(city.uppercased())" }
}
