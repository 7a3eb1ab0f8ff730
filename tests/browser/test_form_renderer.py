"""The RJSF task form in Chromium: a conditional field comes and goes, text is stored exactly as typed, a
hostile title stays text, dates are typed the Dutch way, and a refused value is shown at its field in Dutch —
without a script error, console error or CSP violation (the page fixture fails on the last two)."""
import json

import pytest
from playwright.sync_api import expect

from engine.instances import service as instances
from engine.process_models import service as model_service
from tests.browser.forms import choose, field, fill, open_task, submit
from tests.conftest import OWNER, actor, bpmn_files
from tests.web.conftest import PASSWORD

MODEL = ("plausible_form.bpmn", "melding_persoon-schema.json", "melding_persoon-uischema.json")
TYPED = "Dorpsstraat 1 & <Ede> \"x\" 'y'"
HOSTILE = "<img src=x onerror=\"document.body.dataset.geraakt='ja'\">"


def deploy(rt, **schema_changes):
    files = bpmn_files(*MODEL)
    schema = {**json.loads(files["melding_persoon-schema.json"]), **schema_changes}
    model_service.deploy(rt, {**files, "melding_persoon-schema.json": json.dumps(schema)}, OWNER)
    return instances.start(rt, "plausible_form", {}, actor("aanmelder"))["id"]


@pytest.fixture
def console_errors(page):
    """Console errors of the page's scripts; Chromium's notes on HTTP statuses (the 422 of a refused form, the
    favicon there is none of) are not script errors."""
    errors = []
    page.on("console", lambda msg: errors.append(msg.text)
            if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
    yield errors
    assert errors == []


def stored(app, instance_id: str) -> dict:
    """The instance's data as the REST API returns it to the aanmelder."""
    client = app.test_client()
    token = client.post("/api/v1/auth/token", json={"username": "aanmelder", "password": PASSWORD}).json["token"]
    return client.get(f"/api/v1/process-instances/{instance_id}", headers={"Authorization": f"Bearer {token}"}).json["data"]


def test_a_conditional_field_appears_and_disappears(rt, sign_in, console_errors):
    deploy(rt)
    page = sign_in("aanmelder")
    open_task(page, "Melding invullen")
    expect(field(page, "gemeld_op")).to_be_visible()  # no decision yet: the else branch
    choose(page, {"besluit": "Uitstellen (AVG)"})
    expect(field(page, "uitstel_tot")).to_be_visible()
    expect(field(page, "gemeld_op")).to_have_count(0)
    choose(page, {"besluit": "Nu melden"})
    expect(field(page, "uitstel_tot")).to_have_count(0)
    expect(field(page, "gemeld_op")).to_be_visible()


def test_text_and_dutch_dates_are_stored_exactly_as_typed(rt, app, sign_in, server, console_errors):
    instance_id = deploy(rt)
    page = sign_in("aanmelder")
    open_task(page, "Melding invullen")
    choose(page, {"besluit": "Uitstellen (AVG)"})
    fill(page, {"naam": TYPED, "adres": TYPED, "toelichting": f"{TYPED}\nTweede regel <b>", "geboortedatum": "7-3-1985",
                "uitstel_tot": "01-06-2027"})
    expect(field(page, "geboortedatum").locator("input")).to_have_value("07-03-1985")
    submit(page)
    expect(page).to_have_url(f"{server}/taken")
    assert stored(app, instance_id) == {"naam": TYPED, "adres": TYPED, "toelichting": f"{TYPED}\nTweede regel <b>",
                                        "geboortedatum": "1985-03-07", "besluit": "uitstellen", "uitstel_tot": "2027-06-01"}


def test_titles_and_descriptions_are_shown_as_text(rt, sign_in, console_errors):
    properties = json.loads(bpmn_files(MODEL[1])[MODEL[1]])["properties"]
    deploy(rt, title=HOSTILE, properties={**properties, "naam": {**properties["naam"], "title": f"Naam {HOSTILE}",
                                                                  "description": "<b>vet</b> & <i>schuin</i>"}})
    page = sign_in("aanmelder")
    open_task(page, "Melding invullen")
    expect(page.locator("#editor legend").first).to_have_text(HOSTILE)
    expect(field(page, "naam").locator("label")).to_have_text(f"Naam {HOSTILE}")
    expect(field(page, "naam")).to_contain_text("<b>vet</b> & <i>schuin</i>")
    expect(page.locator("#editor img, #editor b, #editor i")).to_have_count(0)
    assert page.evaluate("document.body.dataset.geraakt") is None


def test_a_refused_value_is_shown_at_its_field_in_dutch_and_kept(rt, sign_in, console_errors):
    deploy(rt)  # the engine's clock stands at 4 January 2027
    page = sign_in("aanmelder")
    open_task(page, "Melding invullen")
    choose(page, {"besluit": "Nu melden"})
    fill(page, {"naam": "Piet Pietersen", "geboortedatum": "05-01-2027", "gemeld_op": "2027-01-03"})
    submit(page)
    birth = field(page, "geboortedatum")
    expect(birth.locator(".veldfout")).to_have_text("De datum mag niet in de toekomst liggen.")
    expect(birth.locator("input")).to_have_attribute("aria-invalid", "true")
    expect(birth.locator("input")).to_have_value("05-01-2027")
    expect(page.locator("#foutoverzicht").get_by_role("listitem")).to_have_text(
        ["Geboortedatum: De datum mag niet in de toekomst liggen."])
    expect(field(page, "naam").locator("input")).to_have_value("Piet Pietersen")
    expect(field(page, "gemeld_op").locator("input")).to_have_value("03-01-2027")
