"""The assessors' pages of indication in the same headless browser, end to end through the chain.

A consultant at the desk asks for an indication; the assessor finds it on indication's work
list, takes it, records the self-sufficiency scores, confirms the suggested client profile,
tries an individual provision without saying why the earlier layers do not suffice (refused
next to the field: P4), gives the reason, decides; the desk then shows the decision letter, and
a neighbourhood team's report that the arrangement no longer suffices reopens the case.
The person's name never appears on indication's pages: indication knows only a pseudonym.
"""

import os
import re
import time
import uuid

from staff_pages_test import ANNA, JAN_BSN, flash, login, search_by_bsn, take_request

IRIS = ("iris.arnhem", "wmo-demo-iris", "Iris Bakker")   # assessor, Arnhem (indication demo data)


def wait_for(page, url, condition, what, timeout=30):
    """Reloads `url` until `condition()` holds: the chain is asynchronous (outbox, broker,
    inbox), so the state arrives a moment after the click that caused it."""
    deadline = time.monotonic() + timeout
    while True:
        page.goto(url)
        if condition():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        time.sleep(0.3)


def test_work_list_scores_arrangement_with_p4_decision_and_the_desks_letter(page, base_url, indication_url, screenshot_dir):
    marker = uuid.uuid4().hex[:6]
    question = f"Ondersteuning bij het huishouden na een heupoperatie ({marker})."

    # At the desk: a clarified request for Jan, sent on for an indication.
    login(page, base_url, ANNA)
    search_by_bsn(page, base_url, JAN_BSN)
    page.click_and_wait("#resultaten + table a")
    request_url = take_request(page, f"Kan het huishouden niet meer aan ({marker}).", ["instrumental-adl"], "normal")
    page.type("#clarify-question", question)
    page.click_and_wait("section[aria-labelledby=verheldering] button[type=submit]")
    assert "vastgelegd" in flash(page)
    page.type("#indication-findings", "Zelfstandig wonend, kan na de operatie niet bukken of tillen.")
    assert page.click_and_wait("form[action$='/indicatie'] button[type=submit]") == 200

    # In indication: the request arrives on the work list, without the person's name.
    login(page, indication_url, IRIS)
    assert page.text(".brand").startswith("Indicatiestelling")
    wait_for(page, f"{indication_url}/werklijst",
             lambda: page.exists("#work-list") and marker in page.text("#work-list"),
             "the request reaching indication's work list")
    assert "Jan" not in page.text("#work-list") and "Berg" not in page.text("#work-list")
    row = page.evaluate(
        "[...document.querySelectorAll('#work-list tbody tr')]"
        f".find(r => r.innerText.includes('{marker}')).querySelector('a').getAttribute('href')")
    assert page.goto(f"{indication_url}{row}") == 200
    case_url = page.url()
    assert question in page.text("#question")
    assert "Jan" not in page.text("main")

    page.click_and_wait("#take-case")
    assert "U behandelt" in flash(page)

    # Scores: household and personal care low, the rest where the consultant left them.
    page.select("#scores-score-instrumental-adl", "2")
    page.select("#scores-score-basic-adl", "3")
    page.select("#scores-score-physical-health", "2")
    page.select("#scores-score-social-network", "4")
    assert page.click_and_wait("form[action$='/scores'] button[type=submit]") == 200
    assert "vastgelegd" in flash(page)
    assert page.exists("#score-table")
    assert "Suggestie" in page.text("#profile-suggestion")

    # The suggested profile is preselected; confirming it needs no reason.
    assert page.attribute("#profile-profileId option[selected]", "value")
    assert page.click_and_wait("form[action$='/profiel'] button[type=submit]") == 200
    assert page.exists("#current-profile")

    # An individual provision without the P4 reason is refused next to that field.
    page.select("#line-layer", "individual-provision")
    page.type("#line-deliveredBy", "Gecontracteerde aanbieder")
    page.type("#line-activity", "Schoonmaken van woonkamer, keuken en sanitair")
    page.select("#line-category", "household-help")
    page.type("#line-volume", "3")
    page.select("#line-unit", "hours-per-week")
    page.type("#line-intendedResult", "Een schoon en leefbaar huis")
    assert page.click_and_wait("form[action$='/onderdelen'] button[type=submit]") == 422
    assert page.exists("#line-whyEarlierLayersDoNotSuffice-error")
    assert page.exists(".error-summary a[href='#line-whyEarlierLayersDoNotSuffice']")
    assert "line-whyEarlierLayersDoNotSuffice-error" in page.attribute("#line-whyEarlierLayersDoNotSuffice", "aria-describedby")
    # What was typed is kept.
    assert page.attribute("#line-activity", "value") == "Schoonmaken van woonkamer, keuken en sanitair"

    page.type("#line-whyEarlierLayersDoNotSuffice",
              "Geen netwerk in de buurt; de dochter woont ver weg; een algemene voorziening voor schoonmaak is er niet.")
    assert page.click_and_wait("form[action$='/onderdelen'] button[type=submit]") == 200
    assert "toegevoegd" in flash(page)
    assert "Hulp bij het huishouden" in page.text("#arrangement-lines")

    # The decision: granted as a personal budget, with grounds.
    grounds = f"Kan door de heupoperatie tijdelijk niet schoonmaken ({marker})."
    page.check("input[name=l0-granted][value=ja]")
    page.type("#decision-l0-grounds", grounds)
    page.select("#decision-l0-form", "personal-budget")
    page.type("#decision-l0-validFrom", "7-12-2026")
    page.type("#decision-l0-validUntil", "6-12-2027")
    assert page.click_and_wait("form[action$='/besluit'] button[type=submit]") == 200
    assert "besluit is genomen" in flash(page)
    assert grounds in page.text("#decisions")
    assert page.url().startswith(case_url)
    page.screenshot(os.path.join(screenshot_dir, "indicatie-aanvraag.png"))

    # Back at the desk: the decision arrives and its letter shows the provision and the grounds.
    login(page, base_url, ANNA)
    wait_for(page, request_url, lambda: page.exists("#beschikkingen"), "the decision reaching the desk")
    page.click_and_wait("section[aria-labelledby=beschikkingen] a")
    letter = page.text("main")
    assert "Hulp bij het huishouden" in letter
    assert grounds in letter
    assert re.search(r"Jan Pieter van der Berg|Van der Berg", letter)

    # Months later the neighbourhood team reports that it no longer suffices: the assessment
    # reopens at indication as a re-indication, with the report on the work list.
    page.goto(request_url)
    page.type("#insufficient-reportedBy", "Wijkteam Arnhem-Oost")
    page.type("#insufficient-reason", f"Na een val zijn de uren niet meer genoeg ({marker}).")
    assert page.click_and_wait("form[action$='/arrangement-tekort'] button[type=submit]") == 200
    assert "herindicatie" in flash(page)
    login(page, indication_url, IRIS)
    wait_for(page, f"{indication_url}/werklijst",
             lambda: page.exists("#work-list") and marker in page.text("#work-list")
             and "Arrangement schiet tekort" in page.text("#work-list"),
             "the report reopening the case at indication")
    assert page.goto(case_url) == 200
    assert "Wijkteam Arnhem-Oost" in page.text(".facts")
    assert "Herindicaties" in page.text(".facts")
