"""The referral index's pages for professionals in the same headless browser.

A youth-care professional registers a signal (a wrong BSN is refused next to its field and not
sent back to the browser); a school's professional signals the same young person; both then
see the match with the other's contact details, and one records the central contact and that
they coordinated. No page shows a BSN: the index keeps only a keyed hash.
"""

import os
import random

import pytest

from staff_pages_test import flash

SANNE = ("sanne.jeugdzorg", "wmo-demo-sanne", "Sanne de Wit")   # Jeugdzorg Gelderland (demo)
JOOST = ("joost.school", "wmo-demo-joost", "Joost Visser")      # Scholengroep Rijnstad (demo)


@pytest.fixture(scope="module")
def referral_index_url():
    url = os.environ.get("WMO_REFERRAL_INDEX_URL")
    if not url:
        pytest.skip("WMO_REFERRAL_INDEX_URL is not set: run scripts/browser-test.sh")
    return url.rstrip("/")


def valid_bsn():
    """A random nine-digit number that passes the eleven-test."""
    while True:
        digits = [random.randint(0, 9) for _ in range(8)]
        last = sum((9 - i) * d for i, d in enumerate(digits)) % 11
        if last < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(last)


def login(page, url, user):
    page.goto(f"{url}/matches")
    if "/login" not in page.url():
        if user[2] in page.text(".who"):
            return
        page.click_and_wait("form[action='/uitloggen'] button")
        page.goto(f"{url}/matches")
    page.type("#username", user[0])
    page.type("#password", user[1])
    page.click_and_wait("form[action='/login'] button[type=submit]")
    assert page.url().endswith("/matches"), page.url()


def register(page, url, bsn, reference):
    page.goto(f"{url}/meldingen")
    page.type("#signal-bsn", bsn)
    page.type("#signal-birthDate", "01-05-2011")
    page.type("#signal-reference", reference)
    page.check("#signal-youngPersonInformed-0")   # ja
    page.check("#signal-parentsInformed-0")       # ja
    return page.click_and_wait("#register-signal")


def test_register_see_the_match_with_the_other_professional_and_record_the_central_contact(page, referral_index_url):
    url = referral_index_url
    bsn = valid_bsn()

    login(page, url, SANNE)
    assert page.text(".brand").startswith("Verwijsindex")
    # A BSN that fails the eleven-test: refused next to the field, and not sent back.
    assert register(page, url, bsn[:8] + str((int(bsn[8]) + 1) % 10), "JZ-1") == 422
    assert "elfproef" in page.text("#signal-bsn-error")
    assert page.attribute("#signal-bsn", "value") in ("", None)
    status = register(page, url, bsn, "JZ-1")
    assert status == 200, page.text("main")
    assert "geregistreerd" in flash(page)
    assert "JZ-1" in page.text("#signals")

    login(page, url, JOOST)
    assert register(page, url, bsn, "SCH-7") == 200
    assert "match" in flash(page)

    # Both see the match with the other's contact details, never the BSN.
    page.goto(f"{url}/matches")
    match = page.text("section.match")
    assert "Sanne de Wit" in match and "sanne@jeugdzorg.example" in match and "026 123 4567" in match
    assert bsn not in page.evaluate("document.documentElement.outerHTML")
    login(page, url, SANNE)
    page.goto(f"{url}/matches")
    assert "Joost Visser" in page.text("section.match") and "joost@rijnstad.example" in page.text("section.match")

    # Sanne records herself as the central contact and that they coordinated.
    contact = page.evaluate("document.querySelector('section.match select[name=centralContact]').id")
    options = page.evaluate(
        f"[...document.querySelectorAll('#{contact} option')].map(o => [o.value, o.textContent])")
    own = next(value for value, label in options if label.startswith("Sanne de Wit"))
    page.select(f"#{contact}", own)
    checkbox = page.evaluate("document.querySelector('section.match input[name=coordinated]').id")
    page.check(f"#{checkbox}")
    assert page.click_and_wait("section.match form button[type=submit]") == 200
    assert "vastgelegd" in flash(page)
    assert "Regievoerder: Sanne de Wit" in page.text("section.match")
    assert "Afgestemd: op" in page.text("section.match")
