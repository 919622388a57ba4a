"""The citizen panel's pages for respondents, in the same headless browser.

A resident signs up for the panel, is drawn for a consultation by the municipality's researcher
(over the researchers' API), opens the link of the invitation as the mail service would send it
(read from the panel's mail queue), answers questions of every kind, and proposes a statement.
A client invited to the yearly satisfaction survey opens the one-time link of the invitation
(made here straight in the panel's table: the chain that makes it, closed request → invitation
→ the desk's letter, is tested in Swift against the real broker), answers the statements and the
background questions, and sends them; the link then stops working. The public results page of
last year's demo survey shows every statement as an inline SVG chart with a table beside it,
readable without JavaScript.
"""

import base64
import datetime
import json
import os
import secrets
import subprocess
import time
import urllib.request

import pika
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


def research(panel_url, method, path, body=None):
    """A call of the researchers' API as Arnhem's demo researcher; returns (status, JSON)."""
    credentials = base64.b64encode(b"ilse.arnhem:wmo-demo-ilse").decode()
    request = urllib.request.Request(
        panel_url + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Basic {credentials}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read() or b"null")


def member_mail(email):
    """The e-mail the mail service would send to `email`: read from the panel's queue for it."""
    connection = pika.BlockingConnection(pika.URLParameters(os.environ["WMO_PANEL_AMQP_URL"]))
    try:
        channel = connection.channel()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            method, _, body = channel.basic_get("citizen-panel.member-mail", auto_ack=False)
            if method is None:
                time.sleep(0.1)
                continue
            payload = json.loads(body)["payload"]
            if payload["email"] == email:
                channel.basic_ack(method.delivery_tag)
                return payload
            channel.basic_nack(method.delivery_tag, requeue=True)
        raise AssertionError(f"no invitation for {email} in citizen-panel.member-mail")
    finally:
        connection.close()


def test_a_member_signs_up_is_drawn_and_answers_a_consultation(page, panel_url):
    # A resident joins the panel on the sign-up page, the only member in Elden.
    email = f"lid-{secrets.token_hex(4)}@example.nl"
    page.goto(f"{panel_url}/aanmelden?gemeente=0202")
    page.check("#kind-resident")
    page.select("#district", "Elden")
    page.check("#ageBand-35-49")
    page.type("#email", email)
    page.check("#consent")
    assert page.click_and_wait("#sign-up") == 200
    signed_up = page.text("main").split("/voorstellen/")[1].split()[0]

    # Arnhem's researcher asks Elden, and draws a round of one.
    today = datetime.date.today()
    status, consultation = research(panel_url, "POST", "/api/v1/consultations", {
        "title": "Groen in Elden",
        "introduction": "De gemeente wil het park opknappen.",
        "audience": {"kind": "district", "district": "Elden"},
        "level": "co-produce",
        "opensOn": today.isoformat(),
        "closesOn": (today + datetime.timedelta(days=30)).isoformat(),
        "questions": [
            {"text": "Ik kom graag in het park.", "kind": "scale"},
            {"text": "Wat wilt u in het park?", "kind": "multiple-choice", "options": ["Bankjes", "Speeltuin", "Bloemen"]},
            {"text": "Wat moet er nog meer gebeuren?", "kind": "open-text"},
            {"text": "Honden mogen overal los lopen.", "kind": "statement"},
        ],
    })
    assert status == 201 and consultation["status"] == "open", consultation
    status, round_ = research(panel_url, "POST", f"/api/v1/consultations/{consultation['id']}/rounds",
                              {"target": 1, "expectedResponseRate": 1})
    assert status == 201 and round_["invited"] == 1, round_

    # The member opens the link from the e-mail and answers; each question is its own group.
    mail = member_mail(email)
    link = mail["link"]
    page.goto(link)
    assert page.text("h1") == "Groen in Elden"
    assert "Coproduceren" in page.text("#participation")
    legends = page.evaluate("[...document.querySelectorAll('fieldset legend')].map(l => l.textContent)")
    assert legends == ["Ik kom graag in het park.", "Wat wilt u in het park?", "Honden mogen overal los lopen."], legends
    assert page.exists("label[for='q3-text']")
    page.check("#q1-4")
    page.check("#q2-1")
    page.check("#q2-3")
    page.type("#q3-text", "Meer schaduw bij de speeltuin")
    page.check("#q4-3")
    assert page.click_and_wait("#submit-answers") == 200
    assert "Bedankt" in page.text("h1")
    page.goto(link)
    assert "werkt niet" in page.text("h1")
    status, rate = research(panel_url, "GET", f"/api/v1/consultations/{consultation['id']}/response")
    assert rate["invited"] == 1 and rate["answered"] == 1, rate

    # Through the personal link of the e-mail (the sign-up's stopped working), the member proposes
    # a statement for a next consultation.
    page.goto(f"{panel_url}/voorstellen/{signed_up}")
    page.type("#text", "Een stelling met een oude link.")
    assert page.click_and_wait("#propose") == 404
    page.goto(mail["proposeLink"])
    page.type("#text", "Er moeten meer bankjes langs de Rijn komen.")
    assert page.click_and_wait("#propose") == 200
    status, proposals = research(panel_url, "GET", "/api/v1/proposals?status=pending")
    assert "Er moeten meer bankjes langs de Rijn komen." in [p["text"] for p in proposals], proposals
