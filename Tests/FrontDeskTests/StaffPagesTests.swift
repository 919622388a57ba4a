import Contracts
import Foundation
import ServiceHTTP
import StaffPages
import TestKit
import Testing

@testable import FrontDesk

/// The staff pages' plumbing without a server: form parsing, the CSRF token, the return path
/// after login, the session store, and the templates rendered with real page data (labels,
/// error ids, escaping). The pages in a browser: Tests/BrowserTests.
@Suite("Staff pages")
struct StaffPagesTests {
    static let staff = StaffMember(
        id: "anna",
        municipality: .arnhem,
        displayName: "Anna de Boer",
        role: .consultant,
        team: "noord"
    )

    @Test("a form body (URLEncodedFormDecoder) has list fields as name[] and decodes + and percent-escapes")
    func formData() throws {
        let form = try FormData(urlEncoded: "bsn=1234+56&items[]=name&items[]=phone&text=caf%C3%A9%3F&empty=")
        #expect(form["bsn"] == "1234 56")
        #expect(form.values("items") == ["name", "phone"])
        #expect(form["text"] == "café?")
        #expect(form["empty"] == "" && form.nonBlank("empty") == nil)
        #expect(form["missing"] == nil && !form.isChecked("missing"))
        #expect(form.values("missing").isEmpty)
    }

    @Test("a body that is not a form is refused; a query that is not one reads as empty")
    func formDataRefused() {
        #expect(throws: (any Error).self) { try FormData(urlEncoded: "items=name&items=phone") }
        #expect(throws: (any Error).self) { try FormData(urlEncoded: "bad=%E0%A4%A") }
        #expect(FormData(query: "a=1&a=2")["a"] == nil)
        #expect(FormData(query: nil)["a"] == nil)
        #expect(FormData(query: "reden=intake")["reden"] == "intake")
    }

    @Test("CSRF tokens are 64 hex characters, fresh each time, and compared exactly")
    func csrfToken() {
        let token = CSRFToken.make()
        #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
        #expect(CSRFToken.make() != token)
        #expect(CSRFToken.matches(token, expected: token))
        #expect(!CSRFToken.matches(String(token.dropLast()) + "x", expected: token))
        #expect(!CSRFToken.matches(String(token.prefix(10)), expected: token))
        #expect(!CSRFToken.matches(nil, expected: token))
        #expect(!CSRFToken.matches("", expected: ""))
    }

    @Test(
        "after login only a path on this site is followed",
        arguments: [
            ("/personen/nieuw", "/personen/nieuw"), ("//evil.example/x", nil), ("https://evil.example", nil),
            ("/login", nil), ("/werklijst?x=1", nil), ("/a\\b", nil), ("werklijst", nil),
        ] as [(String, String?)]
    )
    func returnPath(_ path: String, _ expected: String?) {
        #expect(ReturnPath.safe(path) == expected)
    }

    @Test("a form that comes back puts each problem at its field and links the summary to it")
    func formState() throws {
        let submitted = try FormData(urlEncoded: "bsn=123&familyName=")
        let form = DeskForm(
            prefix: "person-",
            submitted: submitted,
            errors: [.invalidBSN(.wrongLength), .missingField(field: "familyName", label: "Achternaam"), .otherMunicipality]
        )
        let bsn = form.input("bsn", label: "BSN", hint: "9 cijfers")
        let family = form.input("familyName", label: "Achternaam", value: "ignored when submitted")
        #expect(bsn.fieldValue == "123" && bsn.fieldError != nil)
        #expect(bsn.describedBy == "person-bsn-hint person-bsn-error")
        #expect(family.fieldValue == "" && family.describedBy == "person-familyName-error")
        #expect(form.summary().map(\.href) == ["#person-bsn", "#person-familyName", "#person-problem"])
        #expect(form.unplaced() == FrontDeskError.otherMunicipality.message)
    }

    // MARK: Templates

    static func render(_ page: Page, flash: String? = nil) async throws -> String {
        let renderer = try await FrontDeskPages.renderer()
        let chrome = Chrome(
            title: page.title,
            site: FrontDeskPages.identity,
            user: staff,
            csrfToken: "token123",
            flash: flash,
            problems: page.problems
        )
        return try #require(renderer.html(page, chrome: chrome))
    }

    /// Every visible input, select and textarea has a `<label for>`; every `aria-describedby`
    /// id exists; every POST form carries the CSRF token.
    static func checkAccessible(_ html: String) {
        let problems = PageChecks.accessibilityProblems(in: html, csrfToken: "token123")
        #expect(problems.isEmpty, "\(problems)")
    }

    static func matches(_ pattern: String, in text: String) -> [String] { PageChecks.matches(pattern, in: text) }

    @Test("the registration form with errors: 422, messages at the fields, values escaped")
    func registrationForm() async throws {
        let submitted = try FormData(urlEncoded: "bsn=123&familyName=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        let errors: [FrontDeskError] = [.invalidBSN(.wrongLength), .invalidDate(field: "birthDate", label: "Geboortedatum")]
        let page = PersonPages.newPage(DeskForm(prefix: "person-", submitted: submitted, errors: errors), status: 422)
        #expect(page.status.code == 422)
        let html = try await Self.render(page)
        Self.checkAccessible(html)
        #expect(html.contains("id=\"person-bsn-error\""))
        #expect(html.contains("aria-describedby=\"person-bsn-hint person-bsn-error\""))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<a href=\"#person-birthDate\">"))
    }

    @Test("the request page shows deadlines, routes and the forms; a refused close shows at the form")
    func requestPage() async throws {
        var request = Fixtures.clarifyingRequest()
        try request.takeRoute(.indication, at: Fixtures.at(2026, 3, 3))
        let details = RequestDetails(
            request: request,
            personName: "Jan Pieter van der Berg",
            deadlines: [Deadline(kind: .investigation, startDay: Fixtures.day(2026, 3, 2), dueDay: Fixtures.day(2026, 4, 13))],
            referrals: [],
            consents: [],
            conversations: [],
            decisions: []
        )
        let plain = try await Self.render(RequestDetailPage.page(details, staff: Self.staff, failed: nil))
        Self.checkAccessible(plain)
        #expect(plain.contains("Onderzoek afronden") && plain.contains("13-04-2026"))

        let failed = RequestDetailPage.page(
            details,
            staff: Self.staff,
            failed: .init(form: .close, submitted: try FormData(urlEncoded: "outcome=resolved"), errors: [.routesStillOpen([.indication])])
        )
        #expect(failed.status.code == 422)
        let html = try await Self.render(failed)
        Self.checkAccessible(html)
        #expect(html.contains("id=\"close-reason-error\""))
        #expect(html.contains("<a href=\"#close-reason\">"))
    }

    @Test("the search form and the person templates render with results")
    func searchPage() async throws {
        let person = Fixtures.person()
        let html = try await Self.render(
            PersonPages.searchPage(form: DeskForm(prefix: "search-"), results: [person]),
            flash: "Gelukt & klaar"
        )
        Self.checkAccessible(html)
        #expect(html.contains("Jan Pieter van der Berg"))
        #expect(!html.contains(person.bsn.rawValue))
        #expect(html.contains("Gelukt &amp; klaar"))
        let intake = try await Self.render(RequestPages.newPage(person: person, form: DeskForm(prefix: "request-")))
        Self.checkAccessible(intake)
    }
}

@Suite("Login throttle")
struct LoginThrottleTests {
    @Test("three failures are free, then the wait doubles up to a maximum")
    func delays() {
        let throttle = LoginThrottle(freeAttempts: 3, maximumWait: 900)
        #expect((0...3).map { throttle.delay(after: $0) } == [0, 0, 0, 0])
        #expect(throttle.delay(after: 4) == 2)
        #expect(throttle.delay(after: 5) == 4)
        #expect(throttle.delay(after: 40) == 900)
    }

    @Test("a key waits after its failures; a success clears the user, not the address")
    func keys() {
        let throttle = LoginThrottle(freeAttempts: 1, freeAttemptsPerClient: 1, maximumWait: 60)
        let start = Date()
        let keys = LoginThrottle.keys(username: "Anna", client: "10.0.0.1")
        #expect(keys == ["user:anna", "client:10.0.0.1"])
        // Each attempt let through counts as a failure at once.
        #expect(throttle.begin(keys, now: start) == .proceed)
        #expect(throttle.begin(keys, now: start) == .proceed)
        #expect(throttle.begin(keys, now: start) == .wait(seconds: 2, audit: true))
        #expect(throttle.begin(keys, now: start) == .wait(seconds: 2, audit: false))
        #expect(throttle.begin(keys, now: start.addingTimeInterval(3)) == .proceed)
        throttle.succeeded(keys)
        #expect(throttle.begin(["user:anna"], now: start.addingTimeInterval(3)) == .proceed)
        #expect(throttle.begin(["client:10.0.0.1"], now: start.addingTimeInterval(3)) == .wait(seconds: 2, audit: true))
    }
}
