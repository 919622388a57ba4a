import Contracts
import Foundation
import Testing

@testable import FrontDesk

/// The pure parts of the work list (the list itself is SQL, tested against PostgreSQL in
/// FrontDeskIntegrationTests.WorkListTests).
@Suite("Work list")
struct WorkListTests {
    func row(statutory: DeadlineStatus? = nil, escalated: Bool? = nil) -> WorkListRow {
        let day = Fixtures.day(2026, 4, 14)
        return WorkListRow(
            requestId: UUID(),
            kind: .notification,
            urgency: .normal,
            handler: Fixtures.anna,
            team: Fixtures.teamNoord,
            personName: "Jan Pieter van der Berg",
            question: "Meneer zoekt contact",
            statutoryTerm: statutory.map { .init(kind: .investigation, dueDay: day, status: $0) },
            referralTerm: escalated.map { .init(term: .accept, partnerId: Fixtures.mee, dueDay: day, escalated: $0) },
            nextDue: day
        )
    }

    @Test("a row needs attention when a term is due or overdue, or a referral escalated")
    func attention() {
        #expect(row(statutory: .overdue).needsAttention)
        #expect(row(statutory: .dueToday).needsAttention)
        #expect(!row(statutory: .upcoming).needsAttention)
        #expect(row(statutory: .upcoming, escalated: true).needsAttention)
        #expect(!row(escalated: false).needsAttention)
        #expect(!row().needsAttention)
    }

    @Test("the question's first words are cut at a word, with an ellipsis")
    func firstWords() {
        #expect(WorkListRow.firstWords(of: "Kort.") == "Kort.")
        #expect(WorkListRow.firstWords(of: "een  twee\ndrie", limit: 80) == "een twee drie")
        #expect(WorkListRow.firstWords(of: "hulp bij het huishouden en boodschappen", limit: 20) == "hulp bij het…")
    }

    @Test("pages are counted over what the filter selects; queries are clamped")
    func paging() {
        let counts = WorkList.Counts(overdue: 1, dueToday: 0, escalations: 2, open: 120, attention: 3)
        let all = WorkList(
            scope: .mine,
            day: Fixtures.day(2026, 4, 14),
            sort: .dueFirst,
            attentionOnly: false,
            page: 1,
            pageSize: 50,
            counts: counts,
            rows: []
        )
        #expect(all.pageCount == 3)
        var attention = all
        attention.attentionOnly = true
        #expect(attention.pageCount == 1)
        let query = WorkListQuery(page: 0, pageSize: 5000)
        #expect(query.page == 1)
        #expect(query.pageSize == 200)
    }

    @Test("the page shows who, what and both terms")
    func pageRow() {
        let shown = WorkListPages.row(row(statutory: .overdue, escalated: true), today: Fixtures.day(2026, 4, 15))
        #expect(shown.who == "Jan Pieter van der Berg")
        #expect(shown.what == "Meneer zoekt contact")
        #expect(shown.statutory?.isLate == true)
        #expect(shown.referral?.status == "Escalatie")
        #expect(shown.due == "14-04-2026")
    }
}
