"""Matching's pages for the municipality's matching coordinator in the same headless browser.

The coordinator finds the demo's overburdened carer on "Mantelzorgers onder druk", asks respite
care for her (an empty question is refused next to its field), sees the new request on "Open
verzoeken" first in line, with the volunteer proposed and the proposal's score parts, records
the volunteer's answer given by phone, and records the carer's lower burden after a
conversation, which takes her off the list. No page shows a client's name: matching has none.
The desk shows the carer matching flagged (`matching.carer.overburdened`) on its work list until
a staff member records that they reached out.
"""

import os
import uuid

import pytest

from assessor_pages_test import wait_for
from staff_pages_test import ANNA, flash
from staff_pages_test import login as desk_login

MILA = ("mila.arnhem", "wmo-demo-mila", "Mila de Boer")   # matching coordinator, Arnhem (demo)


@pytest.fixture(scope="module")
def matching_url():
    url = os.environ.get("WMO_MATCHING_URL")
    if not url:
        pytest.skip("WMO_MATCHING_URL is not set: run scripts/browser-test.sh")
    return url.rstrip("/")


def login(page, url):
    page.goto(f"{url}/verzoeken")
    if "/login" not in page.url():
        return
    page.type("#username", MILA[0])
    page.type("#password", MILA[1])
    page.click_and_wait("form[action='/login'] button[type=submit]")
    assert page.url().endswith("/verzoeken"), page.url()


def carer_section(page):
    """The id of the demo carer's section on /mantelzorgers."""
    found = page.evaluate(
        "[...document.querySelectorAll('section.carer')].filter(s => s.textContent.includes('Ria Hendriks')).map(s => s.id)")
    assert len(found) == 1, found
    return found[0]


def test_respite_for_an_overburdened_carer_with_the_score_parts_and_an_answer(page, matching_url):
    url = matching_url
    # Deny by default: the pages need a login.
    page.goto(f"{url}/mantelzorgers")
    assert "/login" in page.url()
    login(page, url)
    assert page.text(".brand").startswith("Vrijwillige inzet")
    assert MILA[2] in page.text(".who")

    # The demo's overburdened carer, with her burden.
    page.goto(f"{url}/mantelzorgers")
    section = carer_section(page)
    assert "belasting 8" in page.text(f"#{section}")
    assert "30 uur per week" in page.text(f"#{section}")
    short = section.removeprefix("carer-")

    # Asking respite care without saying what is needed: refused next to the field.
    assert page.click_and_wait(f"#respite-{short}") == 422
    assert page.exists(f"#respite-{short}-question-error"), page.text("main")
    assert page.exists(".error-summary a[href='#respite-" + short + "-question']")

    marker = uuid.uuid4().hex[:6]
    page.type(f"#respite-{short}-question", f"Twee avonden per week iemand bij haar man, zodat zij kan sporten ({marker}).")
    page.type(f"#respite-{short}-durationWeeks", "12")
    assert page.click_and_wait(f"#respite-{short}") == 200
    assert "Respijtzorg is aangevraagd" in flash(page)
    assert page.url().split("#")[0].endswith("/verzoeken")

    # The request comes first (an overburdened carer's respite), with Fatma proposed and why.
    first = page.evaluate("document.querySelector('section.request').id")
    request = page.text(f"#{first}")
    assert marker in request, request
    assert "mantelzorger zwaar belast" in request
    assert "Een geldige VOG is nodig" in request
    headers = page.evaluate(f"[...document.querySelectorAll('#{first} table.proposals th')].map(h => h.textContent)")
    assert headers[:8] == ["Vrijwilliger", "Stand", "Totaal", "Taak", "Beschikbaarheid", "Afstand", "Taal", "Belasting"], headers
    cells = page.evaluate(f"[...document.querySelectorAll('#{first} table.proposals tbody tr:first-child td')].map(c => c.textContent.trim())")
    assert cells[0] == "Fatma" and cells[1].startswith("Voorgesteld"), cells
    parts = [int(cells[i].split()[0]) for i in (3, 4, 5, 6, 7)]
    assert int(cells[2]) == sum(parts), cells

    # Fatma phoned: she takes it on. The request is no longer open.
    answer = page.evaluate(f"document.querySelector('#{first} select[name=answer]').id")
    page.select(f"#{answer}", "accepted")
    assert page.click_and_wait(f"#{first} form button[type=submit]") == 200
    assert "geaccepteerd" in flash(page)
    assert marker not in page.text("main")

    # A follow-up conversation: the burden is lower now, so she leaves the list.
    page.goto(f"{url}/mantelzorgers")
    section = carer_section(page)
    page.type(f"#burden-{short}-burden", "5")
    assert page.click_and_wait(f"#{section} form[action$='/belasting'] button") == 200
    assert "niet meer op deze lijst" in flash(page)
    assert not page.exists("section.carer"), page.text("main")


def test_the_desk_shows_the_overburdened_carer_for_outreach(page, base_url):
    # Matching's demo data flagged Ria Hendriks (burden 8) with `matching.carer.overburdened`;
    # the desk puts her on its work lists. She cares for nobody the desk knows, and the desk
    # has no name of hers: staff ask matching's coordinator by the reference.
    desk_login(page, base_url, ANNA)
    wait_for(page, f"{base_url}/werklijst", lambda: page.exists("#carer-outreach tbody tr"), "the flagged carer on the desk's work list")
    row = page.text("#carer-outreach tbody tr")
    assert "geen cliënt van het loket" in row and "8" in row and "30" in row, row
    assert "Ria" not in page.text("main")
    assert page.click_and_wait("#carer-outreach tbody tr form button[type=submit]") == 200
    assert "contact is opgenomen" in flash(page)
    assert not page.exists("#carer-outreach")
