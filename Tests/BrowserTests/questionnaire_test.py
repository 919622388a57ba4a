"""The citizen panel's pages for respondents, in the same headless browser.

A client invited to the yearly satisfaction survey opens the one-time link of the invitation
(made here straight in the panel's table: the chain that makes it, closed request → invitation
→ the desk's letter, is tested in Swift against the real broker), answers the statements and the
background questions, and sends them; the link then stops working. The public results page of
last year's demo survey shows every statement as an inline SVG chart with a table beside it,
readable without JavaScript.
"""

import datetime
import json
import os
import secrets
import subprocess

import pytest


@pytest.fixture(scope="module")
def panel_url():
    url = os.environ.get("WMO_PANEL_URL")
    if not url:
        pytest.skip("WMO_PANEL_URL is not set: run scripts/browser-test.sh")
    return url.rstrip("/")


def invitation(token):
    """An open link to this year's survey in Klarendal, with `token` (its SHA-256 only)."""
    year = datetime.date.today().year
    sql = ("INSERT INTO citizenpanel.open_links (token_hash, municipality, survey_id, district) "
           f"VALUES (sha256('{token}'::bytea), '0202', 'clientervaring-{year}', 'Klarendal')")
    subprocess.run(["psql", os.environ["WMO_PANEL_DATABASE_URL"], "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], check=True)


def test_a_client_answers_the_survey_once_through_the_link(page, panel_url):
    token = secrets.token_hex(16)
    invitation(token)
    page.goto(f"{panel_url}/vragenlijst/{token}")
    assert page.text("h1").startswith("Cliëntervaringsonderzoek Wmo"), page.text("h1")
    assert "los van uw naam" in page.text(".lead")
    # Six statements on a scale of five, each its own fieldset with a legend.
    legends = page.evaluate("[...document.querySelectorAll('fieldset legend')].map(l => l.textContent)")
    assert len(legends) == 8 and "serieus genomen" in legends[1], legends
    page.check("#access-4")
    page.check("#heard-5")
    page.check("#fit-3")
    page.check("#ageBand-65-79")
    assert page.click_and_wait("#submit-answers") == 200
    assert "Bedankt" in page.text("h1")
    # Once: the link no longer works.
    page.goto(f"{panel_url}/vragenlijst/{token}")
    assert "werkt niet" in page.text("h1")


def test_the_public_results_page_shows_charts_with_a_text_alternative(page, panel_url):
    year = datetime.date.today().year - 1
    page.goto(f"{panel_url}/resultaten/{year}?gemeente=0202")
    assert "520 ingevulde vragenlijsten" in page.text(".lead")
    charts = page.evaluate("[...document.querySelectorAll('figure svg[role=img]')].map(s => s.querySelector('title').textContent)")
    assert len(charts) == 6 and "kwaliteit van leven" in charts[5], charts
    rows = page.evaluate("document.querySelectorAll('section table:not(.districts) tbody tr').length")
    assert rows == 30
    assert "gewogen naar wijk" in page.text("#weighted")
    districts = page.evaluate("[...document.querySelectorAll('section table.districts tbody tr th')].map(t => t.textContent)")
    assert districts[:5] == ["Centrum", "Klarendal", "Malburgen", "Presikhaaf", "Schuytgraaf"], districts
    assert page.exists("a[href$='results.csv?municipality=0202']")
    # The same as data, with the breakdown by district × age band.
    page.goto(f"{panel_url}/api/v1/satisfaction/{year}/results?municipality=0202")
    data = json.loads(page.text("body"))
    assert data["publishable"] and data["weighted"] and data["completed"] == 520
    strata = data["questions"][0]["strata"]
    assert len(strata) == 25 and all(cell["respondents"] >= 5 for cell in strata), strata
    # Nobody sees this year's results before the survey closes.
    page.goto(f"{panel_url}/resultaten/{year + 1}?gemeente=0202")
    assert "Nog geen uitkomsten" in page.text("h1")
