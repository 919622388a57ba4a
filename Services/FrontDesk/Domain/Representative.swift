/// Wettelijk vertegenwoordiger (curator, mentor, bewindvoerder) or another person who speaks
/// for the citizen, with how to reach them.
public struct Representative: Sendable, Hashable, Codable {
    /// Naam, at most 100 characters.
    public var name: String
    /// How to reach them (phone, e-mail or address as free text), at most 254 characters.
    public var contact: String
    /// The kind of representation, e.g. `"mentor"` or `"curator"`, at most 100 characters.
    public var role: String?

    /// Creates a representative; `Person.problems(today:)` checks the fields.
    public init(name: String, contact: String, role: String? = nil) {
        self.name = name
        self.contact = contact
        self.role = role
    }

    /// Every problem with the fields, each naming its form field; empty when valid.
    public func problems() -> [FrontDeskError] {
        FieldRules.text(name, field: "representativeName", label: "Naam vertegenwoordiger", max: FieldRules.maxNameLength)
            + FieldRules.text(
                contact,
                field: "representativeContact",
                label: "Contactgegevens vertegenwoordiger",
                max: FieldRules.maxEmailLength
            )
            + FieldRules.text(
                role,
                field: "representativeRole",
                label: "Soort vertegenwoordiging",
                max: FieldRules.maxNameLength,
                required: false
            )
    }
}
