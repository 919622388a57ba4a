"""The staff pages in a real headless browser (Debian chromium, driven by Selenium and chromium-driver).

The flow of a front-desk morning: log in as a seeded demo consultant, search a person, take a
crisis request, clarify it, pass it on to a partner with the citizen's consent, and open the
work list (screenshot in docs/screenshots/werklijst.png). Around it: the refusals a desk must
get right (login required, invalid BSN, missing consent, oversized text, another
municipality's person, a form without CSRF token).
"""

import os
import re
import uuid

ANNA = ("anna.arnhem", "wmo-demo-anna", "Anna de Boer")
BRAM = ("bram.arnhem", "wmo-demo-bram", "Bram Visser")   # coordinator (regisseur)
JAN_BSN = "908301662"          # Jan Pieter van der Berg, Arnhem (demo data)
SANNE_ID = "00000000-0000-4000-8000-000000000268"   # Sanne de Vries, Nijmegen (demo data)


def login(page, base_url, user=ANNA):
    """Logs in as `user` (logging out first when someone else is logged in)."""
    page.goto(f"{base_url}/werklijst")
    if "/login" not in page.url():
        if user[2] in page.text(".who"):
            return
        page.click_and_wait("form[action='/uitloggen'] button")
        page.goto(f"{base_url}/werklijst")
    page.type("#username", user[0])
    page.type("#password", user[1])
    page.click_and_wait("form[action='/login'] button[type=submit]")
    assert page.url().endswith("/werklijst"), page.url()


def flash(page):
    return page.text(".flash") if page.exists(".flash") else ""


def test_pages_need_a_login_and_are_dutch(page, base_url):
    page.goto(f"{base_url}/")
    if "/login" not in page.url():   # an earlier run of this tab is still logged in
        page.click_and_wait("form[action='/uitloggen'] button")
    status = page.goto(f"{base_url}/personen/nieuw")
    assert status == 200
    assert "/login" in page.url()
    assert page.attribute("html", "lang") == "nl"
    assert page.text("h1") == "Inloggen"
    # Every input has a label, and the skip link leads to the content.
    assert page.evaluate(
        "[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
        ".every(i => document.querySelector(`label[for='${i.id}']`))")
    assert page.attribute(".skip-link", "href") == "#inhoud"

    page.type("#username", ANNA[0])
    page.type("#password", "fout-wachtwoord")
    status = page.click_and_wait("form[action='/login'] button[type=submit]")
    assert status == 422
    assert "klopt niet" in page.text("#login-error")

    page.type("#password", ANNA[1])
    page.click_and_wait("form[action='/login'] button[type=submit]")
    # Back where the staff member wanted to go.
    assert page.url().endswith("/personen/nieuw"), page.url()
    cookie = next(c for c in page.cookies() if c["name"] in ("wmo-session", "__Host-wmo-session"))
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"


def search_by_bsn(page, base_url, bsn):
    page.goto(f"{base_url}/personen")
    page.type("#search-bsn", bsn)
    page.select("#search-reason", "intake")
    page.type("#search-reasonText", "balie")
    assert page.click_and_wait("form[action='/personen'] button[type=submit]") == 200
    # The search is a POST: the BSN never appears in the address bar or the server's logs.
    assert bsn not in page.url()


def take_request(page, text, categories, urgency):
    """On a person's page: take a request and return its URL."""
    page.click_and_wait("a.button[href$='/hulpvragen/nieuw']")
    page.check("input[name=kind][value=notification]")
    page.select("#request-channel", "phone")
    page.type("#request-text", text)
    for category in categories:
        page.check(f"input[name='categories[]'][value={category}]")
    page.check(f"input[name=urgency][value={urgency}]")
    assert page.click_and_wait("form button[type=submit]:not(.link-button)") == 200
    assert re.search(r"/hulpvragen/[0-9a-f-]{36}$", page.url()), page.url()
    assert "aangenomen" in flash(page)
    return page.url()


def test_search_take_clarify_pass_on_and_work_list(page, base_url, screenshot_dir):
    login(page, base_url)
    marker = uuid.uuid4().hex[:6]

    # Search by family name and birth date; take a crisis request that stays on today's list.
    page.goto(f"{base_url}/personen")
    page.type("#search-name", "Bakkali")
    page.type("#search-birthDate", "14-07-1985")
    assert page.click_and_wait("form[action='/personen'] button[type=submit]") == 200
    page.click_and_wait("#resultaten + table a")
    assert page.text("h1") == "Fatima Bakkali"
    waiting = take_request(
        page, f"Huisuitzetting dreigt morgen, geen geld voor de huur ({marker}).", ["housing", "finances"], "crisis")

    # Search by BSN; take a crisis request, clarify it and pass it on: acting meets its term.
    search_by_bsn(page, base_url, JAN_BSN)
    assert "Jan Pieter van der Berg" in page.text("#resultaten + table")
    page.click_and_wait("#resultaten + table a")
    assert page.text("h1") == "Jan Pieter van der Berg"
    passed = take_request(
        page, f"Mantelzorger valt weg, meneer zit alleen thuis ({marker}).", ["social-network"], "crisis")
    page.type("#clarify-question", "Ondersteuning bij eenzaamheid en het wegvallen van de mantelzorger.")
    page.click_and_wait("section[aria-labelledby=verheldering] button[type=submit]")
    assert "vastgelegd" in flash(page)

    # Pass on: the social map suggests a partner for the life domain; no consent is refused.
    page.click_and_wait("ul.actions a[href$='/doorverwijzen']")
    assert page.text("h1") == "Hulpvraag doorzetten naar een partner"
    assert page.attribute("input[name=partner]:checked", "value") == "sociaal-werk-arnhem"
    assert "Aanbevolen" in page.text("#passon-partner")
    assert page.click_and_wait("form[action$='/doorverwijzen'] button[type=submit]") == 422
    assert "geen toestemming" in page.text("#passon-consentItems-error")
    assert "passon-consentItems-error" in page.attribute("#passon-consentItems fieldset", "aria-describedby")
    assert page.exists(".error-summary a[href='#passon-consentItems']")

    # With consent for name and phone number it goes through.
    page.check("input[name='consentItems[]'][value=name]")
    page.check("input[name='consentItems[]'][value=phone]")
    assert page.click_and_wait("form[action$='/doorverwijzen'] button[type=submit]") == 200
    assert page.url() == passed
    message = flash(page)
    assert "doorgezet naar sociaal-werk-arnhem" in message
    assert "naam, telefoonnummer" in message
    assert "sociaal-werk-arnhem" in page.text("#doorverwijzingen + table")
    assert "Naam, Telefoonnummer" in page.text("#toestemmingen + table")

    # The work list: counts; each row says who and what, with both terms side by side.
    assert page.goto(f"{base_url}/werklijst") == 200
    assert page.text("h1") == "Mijn werklijst"
    today = int(re.search(r"(\d+)\s*Vandaag", page.text(".counts")).group(1))
    assert today >= 1
    rows = page.text("#work-list")
    assert "Fatima Bakkali" in rows
    assert "Ondersteuning bij eenzaamheid" in rows
    # Only what needs action today: the waiting crisis (same-day term), not the passed-on one
    # (its partner has until the end of today).
    assert page.click_and_wait("#work-filter") == 200
    attention = page.text("#work-list")
    assert "Fatima Bakkali" in attention
    assert "Tijdelijke voorziening (crisis)" in attention
    assert "Ondersteuning bij eenzaamheid" not in attention
    assert page.exists(f"#work-list a[href$='{waiting.rsplit('/', 1)[1]}']")
    # Sorting by due day is a link in the column header.
    assert page.click_and_wait("#sort-due") == 200
    assert "sorteer=aflopend" in page.url()
    page.screenshot(os.path.join(screenshot_dir, "werklijst.png"))

    # The team's list is one click away.
    assert page.click_and_wait(".tabs a[href='/werklijst/team']") == 200


def test_form_errors_come_back_next_to_the_field(page, base_url):
    login(page, base_url)

    # Invalid BSN (eleven-test) on the search form.
    page.goto(f"{base_url}/personen")
    page.type("#search-bsn", "123456789")
    assert page.click_and_wait("form[action='/personen'] button[type=submit]") == 422
    assert "elfproef" in page.text("#search-bsn-error")
    assert page.attribute("#search-bsn", "aria-invalid") == "true"
    assert "search-bsn-error" in page.attribute("#search-bsn", "aria-describedby")
    assert page.attribute("#search-bsn", "value") == "123456789"

    # Registering: invalid BSN and missing family name, both at once, nothing stored.
    page.goto(f"{base_url}/personen/nieuw")
    page.type("#person-bsn", "123456789")
    page.type("#person-birthDate", "01-02-1960")
    assert page.click_and_wait("form[action='/personen/nieuw'] button[type=submit]") == 422
    assert page.exists("#person-bsn-error")
    assert "Achternaam" in page.text("#person-familyName-error")
    assert len(page.evaluate("[...document.querySelectorAll('.error-summary li')].map(l => l.innerText)")) >= 2

    # Oversized request text.
    page.goto(f"{base_url}/personen")
    page.type("#search-bsn", JAN_BSN)
    page.click_and_wait("form[action='/personen'] button[type=submit]")
    page.click_and_wait("#resultaten + table a")
    page.click_and_wait("a.button[href$='/hulpvragen/nieuw']")
    page.type("#request-text", "x" * 4001)
    assert page.click_and_wait("form button[type=submit]:not(.link-button)") == 422
    assert "te lang" in page.text("#request-text-error")


def test_another_municipalitys_person_is_not_shown(page, base_url):
    login(page, base_url)
    assert page.goto(f"{base_url}/personen/{SANNE_ID}") == 404
    assert "niet gevonden in uw gemeente" in page.text("main")
    assert "Sanne" not in page.text("main")
    assert page.goto(f"{base_url}/personen/{SANNE_ID}/hulpvragen/nieuw") == 404


def test_a_form_without_its_csrf_token_is_refused(page, base_url):
    login(page, base_url)
    page.goto(f"{base_url}/werklijst")
    # Tamper with the logout form's token, as a forged cross-site form would lack it.
    page.evaluate("document.querySelector(\"form[action='/uitloggen'] input[name=_csrf]\").value = 'vervalst'")
    assert page.click_and_wait("form[action='/uitloggen'] button") == 403
    assert page.text("h1") == "Formulier niet geaccepteerd"
    # Still logged in: the forged request changed nothing.
    assert page.goto(f"{base_url}/werklijst") == 200
    assert "/login" not in page.url()


def test_household_with_one_plan_and_one_coordinator(page, base_url):
    login(page, base_url, BRAM)
    household = f"{base_url}/personen/00000000-0000-4000-8000-000000000202/huishouden"
    assert page.goto(household) == 200
    # The demo data has no household yet (fresh instance): every step must be offered.
    assert page.exists("form[action$='/huishouden'] button"), "no form to create the household"
    page.click_and_wait("form[action$='/huishouden'] button")
    assert "aangemaakt" in flash(page)
    assert "Hoofdpersoon" in page.text("#gezinsleden + table")
    assert page.exists("form[action$='/regisseur']"), "no form to assign the coordinator"
    # A consultant cannot coordinate: the refusal comes back next to the field.
    page.type("#coordinator-coordinator", "anna.arnhem")
    assert page.click_and_wait("form[action$='/regisseur'] button") == 422
    assert "geen regisseur" in page.text("#coordinator-coordinator-error")
    page.type("#coordinator-coordinator", "bram.arnhem")
    page.click_and_wait("form[action$='/regisseur'] button")
    assert "toegewezen" in flash(page)
    assert page.exists("form[action$='/plan-starten']"), "no form to start the plan"
    page.click_and_wait("form[action$='/plan-starten'] button")
    assert "gestart" in flash(page)
    facts = page.text("#regie + dl")
    assert "bram.arnhem" in facts and "Actief sinds" in facts


def test_logout_ends_the_session(page, base_url):
    login(page, base_url)
    page.click_and_wait("form[action='/uitloggen'] button")
    assert "uitgelogd" in page.url()
    assert "U bent uitgelogd" in page.text("main")
    page.goto(f"{base_url}/werklijst")
    assert "/login" in page.url()
