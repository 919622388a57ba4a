public import Foundation

/// Mantelzorger: someone from the citizen's network who cares for them without pay. Recorded by
/// name and contact only; a carer need not be a registered person.
public struct InformalCarer: Sendable, Hashable, Codable, Identifiable {
    /// Id of the entry.
    public var id: UUID
    /// Naam, at most 100 characters.
    public var name: String
    /// Relatie tot de hulpvrager, e.g. `"dochter"` or `"buurman"`, at most 100 characters.
    public var relation: String
    /// How to reach them (phone, e-mail or address as free text), at most 254 characters.
    public var contact: String

    /// Creates a carer entry; call `problems()` before storing a new one.
    public init(id: UUID = UUID(), name: String, relation: String, contact: String) {
        self.id = id
        self.name = name
        self.relation = relation
        self.contact = contact
    }

    /// Every problem with the fields, each naming its form field; empty when valid.
    public func problems() -> [FrontDeskError] {
        FieldRules.text(name, field: "carerName", label: "Naam mantelzorger", max: FieldRules.maxNameLength)
            + FieldRules.text(
                relation,
                field: "carerRelation",
                label: "Relatie mantelzorger",
                max: FieldRules.maxNameLength
            )
            + FieldRules.text(
                contact,
                field: "carerContact",
                label: "Contactgegevens mantelzorger",
                max: FieldRules.maxEmailLength
            )
    }
}
