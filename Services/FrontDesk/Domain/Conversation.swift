public import Foundation

/// Gesprek (keukentafelgesprek): the conversation that clarifies a request (vraagverheldering),
/// at the desk or at home, with who took part and what came out of it (SPEC §2).
public struct Conversation: Sendable, Hashable, Codable, Identifiable {
    /// Id of the conversation.
    public var id: UUID
    /// The request it clarifies.
    public var requestID: UUID
    /// When it took place (or is planned: an appointment).
    public var heldAt: Date
    /// Plaats.
    public var place: ConversationPlace
    /// Deelnemers: consultant, citizen, informal carer, interpreter, a partner's expert.
    public var participants: [Participant]
    /// Verhelderde vraag, as agreed in the conversation.
    public var clarifiedQuestion: String?
    /// Eigen kracht: what the citizen and their network do themselves.
    public var ownStrength: String?
    /// Wat nodig is.
    public var needed: String?
    /// Beoogd resultaat.
    public var intendedResult: String?
    /// Who recorded it (P7).
    public var recordedBy: StaffID
    /// When it was recorded.
    public var recordedAt: Date

    /// Creates a conversation record; call `problems()` before storing a new one.
    public init(
        id: UUID = UUID(),
        requestID: UUID,
        heldAt: Date,
        place: ConversationPlace,
        participants: [Participant],
        clarifiedQuestion: String? = nil,
        ownStrength: String? = nil,
        needed: String? = nil,
        intendedResult: String? = nil,
        recordedBy: StaffID,
        recordedAt: Date
    ) {
        self.id = id
        self.requestID = requestID
        self.heldAt = heldAt
        self.place = place
        self.participants = participants
        self.clarifiedQuestion = clarifiedQuestion
        self.ownStrength = ownStrength
        self.needed = needed
        self.intendedResult = intendedResult
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Every problem with the fields, each naming its form field; empty when valid.
    public func problems() -> [FrontDeskError] {
        let max = FieldRules.maxRequestTextLength
        var problems: [FrontDeskError] = []
        if participants.isEmpty { problems.append(.missingField(field: "participants", label: "Deelnemers")) }
        for participant in participants {
            problems += FieldRules.text(
                participant.name,
                field: "participants",
                label: "Naam deelnemer",
                max: FieldRules.maxNameLength
            )
        }
        problems += FieldRules.text(clarifiedQuestion, field: "clarifiedQuestion", label: "Verhelderde vraag", max: max, required: false)
        problems += FieldRules.text(ownStrength, field: "ownStrength", label: "Eigen kracht", max: max, required: false)
        problems += FieldRules.text(needed, field: "needed", label: "Wat nodig is", max: max, required: false)
        problems += FieldRules.text(intendedResult, field: "intendedResult", label: "Beoogd resultaat", max: max, required: false)
        return problems
    }

    /// Deelnemer aan het gesprek.
    public struct Participant: Sendable, Hashable, Codable {
        /// Their role in the conversation.
        public var role: ParticipantRole
        /// Their name (for a partner's expert, with the organisation).
        public var name: String

        /// Creates a participant.
        public init(role: ParticipantRole, name: String) {
            self.role = role
            self.name = name
        }
    }
}

/// Plaats van het gesprek.
public enum ConversationPlace: String, Sendable, Hashable, Codable, CaseIterable {
    /// Thuis (keukentafelgesprek).
    case home
    /// Aan de balie.
    case desk
    /// Telefonisch.
    case phone
    /// Beeldbellen.
    case video
}

/// Rol van een deelnemer.
public enum ParticipantRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Consulent.
    case consultant
    /// De burger.
    case citizen
    /// Mantelzorger.
    case informalCarer = "informal-carer"
    /// Tolk.
    case interpreter
    /// Deskundige van een partner.
    case partnerExpert = "partner-expert"
    /// Vertegenwoordiger.
    case representative
}
