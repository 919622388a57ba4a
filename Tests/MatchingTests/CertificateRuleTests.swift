import Contracts
import Matching
import Testing
import WorkingDays

@Suite struct CertificateRuleTests {
    let scorer = MatchScorer(certificateValidityYears: 3)
    let today = Examples.today

    @Test func respiteCareAndYouthMentoringAlwaysRequireAVOG() {
        #expect(Examples.request(task: .respiteCare).certificateRequired)
        #expect(Examples.request(task: .youthMentoring).certificateRequired)
        #expect(!Examples.request(task: .shopping).certificateRequired)
        #expect(Examples.request(task: .shopping, certificateRequired: true).certificateRequired)
    }

    @Test func withoutAValidVOGNobodyIsProposedWhereOneIsRequired() throws {
        let request = Examples.request(task: .respiteCare)
        let issued = try CertificateOfConduct(status: .issued, issuedOn: today.adding(days: -30), today: today)
        let applied = try CertificateOfConduct(status: .applied, issuedOn: nil, today: today)
        let old = try CertificateOfConduct(status: .issued, issuedOn: today.adding(days: -(4 * 365)), today: today)
        for certificate in [CertificateOfConduct.absent, applied, old] {
            let volunteer = Examples.volunteer(tasks: [.respiteCare], certificate: certificate)
            #expect(scorer.score(request, .init(volunteer: volunteer, load: 0), on: today).exclusion == .certificateMissing)
        }
        let valid = Examples.volunteer(tasks: [.respiteCare], certificate: issued)
        #expect(scorer.score(request, .init(volunteer: valid, load: 0), on: today).exclusion == nil)
        let ranking = scorer.rank(
            request,
            candidates: [.init(volunteer: Examples.volunteer(tasks: [.respiteCare]), load: 0), .init(volunteer: valid, load: 0)],
            on: today
        )
        #expect(ranking.ranked.map(\.volunteerId) == [valid.id])
    }

    @Test func aVOGDatedInTheFutureOrIssuedWithoutADateIsRefused() {
        #expect(throws: MatchingError.self) { try CertificateOfConduct(status: .issued, issuedOn: today.adding(days: 1), today: today) }
        #expect(throws: MatchingError.self) { try CertificateOfConduct(status: .issued, issuedOn: nil, today: today) }
        #expect(throws: MatchingError.self) { try CertificateOfConduct(status: .none, issuedOn: today, today: today) }
    }
}
