"""A process owner tries a decision in the browser: from the process model page to the outcome."""
from playwright.sync_api import expect

from engine.process_models import service as model_service
from tests.browser.checks import focus_outlines, heading_problems, sideways_overflow, unlabelled_inputs
from tests.conftest import OWNER
from tests.decisions.conftest import files


def test_a_process_owner_tries_a_decision_with_a_form_of_its_inputs(rt, sign_in, server):
    model_service.deploy(rt, files("regie_advies.bpmn", "regie_drg.dmn"), OWNER)
    page = sign_in("proceseigenaar")
    page.goto(f"{server}/procesmodellen/regie_advies")
    page.get_by_role("link", name="Advies").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beslissing Advies")
    assert unlabelled_inputs(page) == [] and heading_problems(page) == []
    assert all(f["style"] != "none" and f["width"] >= 2 for f in focus_outlines(page))

    page.get_by_label("Leeftijd").fill("tien")
    page.get_by_role("button", name="Beslissing uitvoeren").click()
    expect(page.get_by_role("alert")).to_contain_text("'Kader' ontbreekt")
    expect(page.locator("#fout-leeftijd")).to_have_text("'Leeftijd' moet een getal zijn.")

    page.get_by_label("Leeftijd").fill("34")
    page.get_by_label("Kader").fill("vrijwillig")
    page.get_by_role("button", name="Beslissing uitvoeren").click()
    expect(page.get_by_role("status").last).to_contain_text('"plan met het sociaal team"')
    expect(page.locator("tr.huidig")).to_have_count(1)
    page.set_viewport_size({"width": 768, "height": 1024})
    assert sideways_overflow(page) <= 0
