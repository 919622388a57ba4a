import Contracts
import Testing

@testable import FrontDesk

@Suite("Social map suggestions")
struct SocialMapTests {
    let map = SocialMap(partners: [
        Partner(
            id: "buurtteam-presikhaaf",
            name: "Buurtteam Presikhaaf",
            municipality: .arnhem,
            categories: [.socialNetwork, .socialParticipation],
            districts: ["Presikhaaf"],
            queueName: "partner.bt-p"
        ),
        Partner(
            id: "rijnstad",
            name: "Rijnstad",
            municipality: .arnhem,
            categories: [.socialNetwork, .domesticRelations],
            queueName: "partner.rijnstad"
        ),
        Partner(
            id: "mee",
            name: "MEE Gelderse Poort",
            municipality: .arnhem,
            categories: [.socialNetwork, .finances],
            queueName: "partner.mee"
        ),
        Partner(
            id: "taalcafe",
            name: "Taalcafé",
            municipality: .arnhem,
            kind: .generalProvision,
            categories: [.socialNetwork]
        ),
        Partner(
            id: "buurtteam-malburgen",
            name: "Buurtteam Malburgen",
            municipality: .arnhem,
            categories: [.socialNetwork],
            districts: ["Malburgen"],
            queueName: "partner.bt-m"
        ),
        Partner(
            id: "oud",
            name: "Opgeheven stichting",
            municipality: .arnhem,
            categories: [.socialNetwork],
            queueName: "partner.oud",
            isActive: false
        ),
        Partner(
            id: "nijmegen-welzijn",
            name: "Sterker",
            municipality: .nijmegen,
            categories: [.socialNetwork],
            queueName: "partner.sterker"
        ),
        Partner(
            id: "schuldhulp",
            name: "Schuldhulp",
            municipality: .arnhem,
            categories: [.finances],
            queueName: "partner.schuldhulp"
        ),
    ])

    @Test("district entries first, then municipality-wide; more matched domains first")
    func ranking() {
        let suggestions = map.suggestions(for: [.socialNetwork, .finances], district: " presikhaaf ", in: .arnhem)
        #expect(suggestions.map(\.partner.id) == ["buurtteam-presikhaaf", "mee", "rijnstad", "schuldhulp", "taalcafe"])
        #expect(suggestions.first?.scope == .district)
        #expect(suggestions.dropFirst().allSatisfy { $0.scope == .municipality })
        #expect(suggestions[1].matchedCategories == [.socialNetwork, .finances])
    }

    @Test("other districts, other municipalities and inactive entries are left out")
    func exclusions() {
        let ids = map.suggestions(for: [.socialNetwork], district: "Presikhaaf", in: .arnhem).map(\.partner.id)
        #expect(!ids.contains("buurtteam-malburgen"))
        #expect(!ids.contains("nijmegen-welzijn"))
        #expect(!ids.contains("oud"))
        let noDistrict = map.suggestions(for: [.socialNetwork], district: nil, in: .arnhem).map(\.partner.id)
        #expect(noDistrict == ["mee", "rijnstad", "taalcafe"])
    }

    @Test("restrict to partner organisations for the pass-on form")
    func kindFilter() {
        let ids = map.suggestions(for: [.socialNetwork], district: "Malburgen", in: .arnhem, kind: .partnerOrganisation)
            .map(\.partner.id)
        #expect(ids == ["buurtteam-malburgen", "mee", "rijnstad"])
    }

    @Test("lookup by id within the municipality")
    func lookup() throws {
        #expect(try map.partner("mee", in: .arnhem).name == "MEE Gelderse Poort")
        #expect(throws: FrontDeskError.unknownPartner("nijmegen-welzijn")) { try map.partner("nijmegen-welzijn", in: .arnhem) }
        #expect(FrontDeskError.unknownPartner("x").httpStatus == 404)
        #expect(try !map.partner("taalcafe", in: .arnhem).canReceiveReferrals)
    }
}
