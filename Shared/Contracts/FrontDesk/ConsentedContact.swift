/// The contact data a citizen consented to share with one partner: each field is present only
/// when that item was consented. There is deliberately no BSN field (SPEC P1).
public struct ConsentedContact: Codable, Sendable, Equatable {
    public var name: String?
    public var phone: String?
    public var email: String?
    public var address: String?
    public var preferredChannel: String?
    public var language: String?

    public init(
        name: String? = nil,
        phone: String? = nil,
        email: String? = nil,
        address: String? = nil,
        preferredChannel: String? = nil,
        language: String? = nil
    ) {
        self.name = name
        self.phone = phone
        self.email = email
        self.address = address
        self.preferredChannel = preferredChannel
        self.language = language
    }
}
