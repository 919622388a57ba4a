import Contracts
import Foundation
import StaffPages

/// How the desk's pages write its codes in Dutch.
extension DutchFormat {
    /// `Crisis`, `Hoog`, `Normaal`.
    static func urgency(_ urgency: Urgency) -> String { urgency.dutchName }

    /// `Boodschappen`, …: the tasks of a matching request.
    static func task(_ task: VolunteerTask) -> String { task.dutchName }

    /// The place of a conversation.
    static func place(_ place: ConversationPlace) -> String {
        switch place {
        case .home: "Thuis (keukentafel)"
        case .desk: "Aan de balie"
        case .phone: "Telefonisch"
        case .video: "Beeldbellen"
        }
    }

    /// The role of someone taking part in a conversation.
    static func participant(_ role: ParticipantRole) -> String {
        switch role {
        case .consultant: "Consulent"
        case .citizen: "Burger"
        case .informalCarer: "Mantelzorger"
        case .interpreter: "Tolk"
        case .partnerExpert: "Deskundige van een partner"
        case .representative: "Vertegenwoordiger"
        }
    }

    /// Life domains as a comma-separated list, or `Nog geen leefgebied gekozen`.
    static func domains(_ domains: some Sequence<LifeDomain>) -> String {
        let names = domains.map(\.dutchName)
        return names.isEmpty ? "Nog geen leefgebied gekozen" : names.joined(separator: ", ")
    }
}
