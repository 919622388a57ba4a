import Contracts
import Foundation
import Matching
import WorkingDays

/// Volunteers and requests in Arnhem for the matching rules' tests.
enum Examples {
    static let today = LocalDate(year: 2026, month: 12, day: 7)!
    static let now = Date(timeIntervalSince1970: 1_796_634_000)
    static let map = try! DistrictMap.bundled()
    static let centrum = map.place(district: "Centrum", in: .arnhem)!
    static let presikhaaf = map.place(district: "Presikhaaf", in: .arnhem)!
    static let schuytgraaf = map.place(district: "Schuytgraaf", in: .arnhem)!

    static func volunteer(
        _ name: String = "Anna",
        tasks: Set<VolunteerTask> = [.shopping],
        place: DistrictMap.Place = centrum,
        availability: WeeklyAvailability = WeeklyAvailability([(.monday, .morning), (.wednesday, .afternoon), (.friday, .evening)]),
        maxDistanceKm: Int = 10,
        languages: Set<String> = ["nl"],
        certificate: CertificateOfConduct = .absent,
        maxMatches: Int = 2,
        pauses: [Volunteer.Pause] = []
    ) -> Volunteer {
        Volunteer(
            municipality: .arnhem,
            contact: PersonalContact(stored: name, phone: "026 123 4567", email: nil),
            consentedAt: now,
            postcode: "6811 AB",
            place: place,
            tasks: tasks,
            availability: availability,
            maxDistanceKm: maxDistanceKm,
            languages: languages,
            certificate: certificate,
            maxMatches: maxMatches,
            pauses: pauses
        )
    }

    static func request(
        task: VolunteerTask = .shopping,
        place: DistrictMap.Place? = centrum,
        timeWindows: WeeklyAvailability = .always,
        language: String? = nil,
        certificateRequired: Bool = false,
        urgency: Urgency = .normal,
        carerOverburdened: Bool = false,
        receivedAt: Date = now
    ) -> SupportRequest {
        SupportRequest(
            municipality: .arnhem,
            origin: .frontDesk,
            requestId: UUID(),
            subjectRef: SubjectRef(),
            task: task,
            place: place,
            district: place?.district,
            question: "Wekelijks boodschappen doen",
            timeWindows: timeWindows,
            language: language,
            certificateRequired: certificateRequired,
            urgency: urgency,
            carerOverburdened: carerOverburdened,
            receivedAt: receivedAt,
            failOn: today.adding(days: 14)
        )
    }
}
