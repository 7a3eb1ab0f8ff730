"""A worker logs in, finds a task, corrects a refused form and sees the case diagram, in Chromium."""
import re

import pytest
from playwright.sync_api import expect

from engine.instances import service as instances
from tests.browser.forms import field
from tests.conftest import actor

MODEL = ("web_form_task.bpmn", "gegevens-schema.json")


@pytest.fixture
def case(rt, deploy):
    deploy(*MODEL)
    return instances.start(rt, "web_form_task", {"deadline": "2027-01-01"}, actor("aanmelder"))


def test_login_lands_on_worklist_with_the_task(case, sign_in, server):
    page = sign_in("aanmelder")
    expect(page).to_have_url(f"{server}/taken")
    row = page.get_by_role("row", name=re.compile("Gegevens invullen"))
    expect(row).to_contain_text("Gegevens vastleggen")  # the process by its name
    expect(row).to_contain_text(case["id"][:8])
    expect(row).to_contain_text("te laat")


def test_wrong_password_stays_on_login(rt, page, server):
    page.goto(f"{server}/inloggen")
    page.get_by_label("Gebruikersnaam").fill("niemand")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_have_text("Onjuiste gebruikersnaam of wachtwoord.")


def test_invalid_field_is_shown_then_corrected_task_is_done(case, sign_in, server):
    page = sign_in("aanmelder")
    page.get_by_role("link", name="Gegevens invullen").click()
    expect(page.locator("#editor[data-ready=true]")).to_be_attached()
    page.get_by_label("Naam").fill("Jan")
    page.get_by_role("button", name="Taak afronden").click()

    datum = field(page, "datum")
    expect(datum.locator(".veldfout")).to_have_text("Dit veld is verplicht.")
    expect(datum.locator("input")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Naam")).to_have_value("Jan")

    datum.locator("input").fill("01-02-2027")
    page.get_by_role("button", name="Taak afronden").click()
    expect(page).to_have_url(f"{server}/taken")
    expect(page.get_by_role("status")).to_have_text("De taak is afgerond.")
    expect(page.get_by_text("Geen open taken")).to_be_visible()


def test_case_diagram_highlights_current_task(case, sign_in, server):
    page = sign_in("aanmelder")
    page.goto(f"{server}/zaken/{case['id']}")
    expect(page.locator("#diagram[data-ready=true]")).to_be_attached()
    expect(page.locator('g.djs-element[data-element-id="web_fill"]')).to_have_class(re.compile(r"\bll-huidig\b"))
    expect(page.locator('g.djs-element[data-element-id="web_start"]')).to_have_class(re.compile(r"\bll-afgerond\b"))


def test_waiting_timer_is_highlighted(rt, case, sign_in, server):
    instances.complete_task(rt, case["ready_tasks"][0]["id"], {"naam": "Jan", "datum": "2027-02-01"},
                            actor("aanmelder"))
    page = sign_in("aanmelder")
    page.goto(f"{server}/zaken/{case['id']}")
    expect(page.locator("#diagram[data-ready=true]")).to_be_attached()
    expect(page.locator('g.djs-element[data-element-id="web_wait"]')).to_have_class(re.compile(r"\bll-wacht\b"))
    expect(page.locator('g.djs-element[data-element-id="web_fill"]')).to_have_class(re.compile(r"\bll-afgerond\b"))


def test_unknown_page_is_a_dutch_error_page(sign_in, server):
    page = sign_in("aanmelder")
    response = page.goto(f"{server}/bestaat-niet")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_auditor_steps_through_events_with_the_diagram_of_each(rt, case, sign_in, server):
    instances.complete_task(rt, case["ready_tasks"][0]["id"], {"naam": "Jan", "datum": "2027-02-01"},
                            actor("aanmelder"))
    page = sign_in("auditor")
    page.goto(f"{server}/audit/zaken/{case['id']}")
    page.get_by_role("link", name="Toestand na gebeurtenis 1").click()
    expect(page.locator("#diagram[data-ready=true]")).to_be_attached()
    expect(page.locator('g.djs-element[data-element-id="web_fill"]')).to_have_class(re.compile(r"\bll-huidig\b"))
    page.get_by_role("link", name="Volgende gebeurtenis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("na gebeurtenis 2$"))
    expect(page.locator("#diagram[data-ready=true]")).to_be_attached()
    expect(page.locator('g.djs-element[data-element-id="web_fill"]')).to_have_class(re.compile(r"\bll-afgerond\b"))
    expect(page.locator('g.djs-element[data-element-id="web_wait"]')).to_have_class(re.compile(r"\bll-huidig\b"))
    expect(page.locator(".gegevens")).to_contain_text("2027-02-01")
