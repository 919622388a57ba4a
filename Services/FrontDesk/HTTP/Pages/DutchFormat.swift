import Contracts
import Foundation
import WorkingDays

/// How the pages write dates, times and codes in Dutch.
enum DutchFormat {
    private static let calendar = WorkingDayCalendar()

    /// `06-04-2026 14:05` in Europe/Amsterdam.
    static func dateTime(_ date: Date) -> String {
        let parts = calendar.calendar.dateComponents([.hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(calendar.day(of: date).dutchFormatted) \(time)"
    }

    /// `06-04-2026` in Europe/Amsterdam.
    static func date(_ date: Date) -> String { calendar.day(of: date).dutchFormatted }

    /// The day of `date` in Europe/Amsterdam.
    static func day(of date: Date) -> LocalDate { calendar.day(of: date) }

    /// The start of `day` in Europe/Amsterdam.
    static func startOfDay(_ day: LocalDate) -> Date { calendar.startOfDay(day) }

    /// The last eight characters of an id, enough to tell requests apart on a list (the end, not
    /// the start: seeded ids differ only there).
    static func shortID(_ id: UUID) -> String { String(id.uuidString.suffix(8)).lowercased() }

    /// `Crisis`, `Hoog`, `Normaal`.
    static func urgency(_ urgency: Urgency) -> String {
        switch urgency {
        case .crisis: "Crisis"
        case .high: "Hoog"
        case .normal: "Normaal"
        }
    }

    /// `Boodschappen`, …: the tasks of a matching request.
    static func task(_ task: VolunteerTask) -> String {
        switch task {
        case .shopping: "Boodschappen"
        case .transport: "Vervoer"
        case .visiting: "Bezoek en gezelschap"
        case .oddJobs: "Klusjes"
        case .paperwork: "Administratie en formulieren"
        case .respiteCare: "Respijtzorg (mantelzorg overnemen)"
        case .meals: "Maaltijden"
        case .languageBuddy: "Taalmaatje"
        case .youthMentoring: "Maatje voor jongeren"
        }
    }

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
