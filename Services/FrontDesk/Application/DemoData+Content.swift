import Contracts
import Foundation
import WorkingDays

/// The social map and the persons of the demo.
extension DemoData {
    static let partners: [Partner] = [MunicipalityCode.arnhem, .nijmegen].flatMap { code -> [Partner] in
        let city = code == .arnhem ? "arnhem" : "nijmegen"
        func partner(_ id: String, _ name: String, _ categories: Set<LifeDomain>, offer: String, sla: ReferralSLA? = nil) -> Partner {
            Partner(
                id: PartnerID(id),
                name: name,
                municipality: code,
                categories: categories,
                offer: offer,
                slaOverride: sla,
                queueName: FrontDeskTopology.partnerQueueName(FrontDeskTopology.organisation(PartnerID(id), of: code))
            )
        }
        return [
            partner(
                "sociaal-werk-\(city)",
                "Sociaal werk \(city.capitalized)",
                [.socialNetwork, .domesticRelations, .mentalHealth, .socialParticipation],
                offer: "Maatschappelijk werk, ondersteuning bij eenzaamheid en relatieproblemen."
            ),
            partner(
                "schuldhulp-\(city)",
                "Schuldhulpverlening \(city.capitalized)",
                [.finances],
                offer: "Schuldhulpverlening en budgetbeheer.",
                sla: ReferralSLA(acceptWithinWorkingDays: 3, contactWithinWorkingDays: 10)
            ),
            partner(
                "mee-gelderse-poort",
                "MEE Gelderse Poort",
                [.basicADL, .instrumentalADL, .socialParticipation, .timeUse],
                offer: "Onafhankelijke cliëntondersteuning."
            ),
            partner(
                "cjg-\(city)",
                "Centrum voor Jeugd en Gezin \(city.capitalized)",
                [.domesticRelations, .mentalHealth, .workAndEducation],
                offer: "Opvoed- en opgroeiondersteuning."
            ),
            Partner(
                id: PartnerID("wijkcentrum-\(city)"),
                name: "Wijkcentrum \(city.capitalized)",
                municipality: code,
                kind: .generalProvision,
                categories: [.socialNetwork, .timeUse, .socialParticipation],
                offer: "Inloop, maaltijden en activiteiten in de wijk (algemene voorziening)."
            ),
        ]
    }

    /// Persons with one request each; fixed ids so a second run recognises them.
    static func persons(now: Date) -> [(Person, HelpRequest)] {
        struct Seed {
            var id: String
            var municipality: MunicipalityCode
            var bsn: String
            var given: String
            var prefix: String?
            var family: String
            var birth: LocalDate
            var street: String
            var number: Int
            var postcode: String
            var district: String
            var phone: String
            var email: String?
            var channel: ContactChannel
            var kind: RequestKind
            var categories: [LifeDomain]
            var text: String
            var handler: StaffID
            /// Received this many days ago, so the work list has something due or overdue.
            var daysAgo: Int = 0
        }
        let seeds: [Seed] = [
            Seed(
                id: "0202",
                municipality: .arnhem,
                bsn: "908301662",
                given: "Jan Pieter",
                prefix: "van der",
                family: "Berg",
                birth: LocalDate(year: 1948, month: 3, day: 31)!,
                street: "Rijnkade",
                number: 12,
                postcode: "6811 AB",
                district: "Centrum",
                phone: "026 123 45 67",
                email: "jp.vanderberg@example.nl",
                channel: .phone,
                kind: .notification,
                categories: [.socialNetwork, .basicADL],
                text: "Ik red het niet meer alleen thuis sinds mijn vrouw is overleden en voel me eenzaam.",
                handler: "anna.arnhem"
            ),
            Seed(
                id: "0203",
                municipality: .arnhem,
                bsn: "131860914",
                given: "Fatima",
                prefix: nil,
                family: "Bakkali",
                birth: LocalDate(year: 1985, month: 7, day: 14)!,
                street: "Presikhaafseweg",
                number: 88,
                postcode: "6826 AC",
                district: "Presikhaaf",
                phone: "06 12345678",
                email: "f.bakkali@example.nl",
                channel: .email,
                kind: .question,
                categories: [.finances],
                text: "Ik heb betalingsachterstanden en weet niet waar ik moet beginnen.",
                handler: "anna.arnhem"
            ),
            Seed(
                id: "0204",
                municipality: .arnhem,
                bsn: "390996038",
                given: "Gerrit",
                prefix: nil,
                family: "Hendriks",
                birth: LocalDate(year: 1939, month: 11, day: 2)!,
                street: "Sonsbeeksingel",
                number: 5,
                postcode: "6814 AA",
                district: "Sonsbeek",
                phone: "026 765 43 21",
                email: nil,
                channel: .letter,
                kind: .application,
                categories: [.basicADL, .instrumentalADL],
                text: "Ik vraag hulp bij het huishouden aan; ik kan niet meer stofzuigen.",
                handler: "anna.arnhem",
                daysAgo: 16
            ),
            Seed(
                id: "0268",
                municipality: .nijmegen,
                bsn: "948219932",
                given: "Sanne",
                prefix: "de",
                family: "Vries",
                birth: LocalDate(year: 1992, month: 1, day: 20)!,
                street: "Groenestraat",
                number: 140,
                postcode: "6531 HZ",
                district: "Nijmegen-Oost",
                phone: "024 123 45 67",
                email: "sanne.devries@example.nl",
                channel: .email,
                kind: .notification,
                categories: [.domesticRelations, .mentalHealth],
                text: "Ik maak me zorgen over de opvoeding van mijn zoon en ben zelf overbelast.",
                handler: "noor.nijmegen",
                daysAgo: 7
            ),
            Seed(
                id: "0269",
                municipality: .nijmegen,
                bsn: "518190936",
                given: "Wim",
                prefix: nil,
                family: "Peters",
                birth: LocalDate(year: 1951, month: 5, day: 9)!,
                street: "Dorpsstraat",
                number: 3,
                postcode: "6532 AB",
                district: "Lindenholt",
                phone: "024 765 43 21",
                email: nil,
                channel: .phone,
                kind: .notification,
                categories: [.socialParticipation, .timeUse],
                text: "Sinds mijn pensioen kom ik de deur niet meer uit.",
                handler: "noor.nijmegen"
            ),
        ]
        return seeds.map { seed in
            let received = now.addingTimeInterval(-86_400 * Double(seed.daysAgo))
            let personID = UUID(uuidString: "00000000-0000-4000-8000-00000000\(seed.id)")!
            let person = Person(
                id: personID,
                municipality: seed.municipality,
                subjectRef: SubjectRef(UUID(uuidString: "00000000-0000-4000-9000-00000000\(seed.id)")!),
                bsn: try! BSN(seed.bsn),
                givenNames: seed.given,
                familyNamePrefix: seed.prefix,
                familyName: seed.family,
                birthDate: seed.birth,
                address: Address(
                    street: seed.street,
                    houseNumber: seed.number,
                    postcode: try! Postcode(seed.postcode),
                    city: seed.municipality == .arnhem ? "Arnhem" : "Nijmegen"
                ),
                district: seed.district,
                core: seed.municipality == .arnhem ? "Arnhem" : "Nijmegen",
                phone: seed.phone,
                email: seed.email,
                preferredChannel: seed.channel
            )
            var request = try! HelpRequest.receive(
                id: UUID(uuidString: "00000000-0000-4000-a000-00000000\(seed.id)")!,
                municipality: seed.municipality,
                personID: personID,
                kind: seed.kind,
                channel: .counter,
                source: .citizen,
                categories: seed.categories,
                text: seed.text,
                handler: seed.handler,
                team: team(seed.municipality),
                at: received
            )
            request.startTerms(StatutoryDeadlines().deadlines(for: request))
            try! request.startClarifying(at: received)
            return (person, request)
        }
    }
}
