"""An incident resolved from the zaak page in Chromium: the procesregisseur reads the Dutch incident and takes
the zaak back to the task before the failing step, which is then in the worklist again."""
from playwright.sync_api import expect

from tests.browser.checks import heading_problems, unlabelled_inputs
from tests.web.test_incident_panel import stuck  # noqa: F401 (fixture: an incident at the duo assignment)


def test_an_incident_is_resolved_from_the_zaak_page(sign_in, server, stuck):
    _, intake = stuck
    page = sign_in("procesregisseur")
    page.goto(f"{server}/zaken/{intake}")
    panel = page.locator("#storing")
    expect(panel.get_by_role("heading", name="Storing oplossen")).to_be_visible()
    expect(panel).to_contain_text("Stap 'Duo vaststellen' (svc_duo_vaststellen)")
    assert unlabelled_inputs(page) == [] and heading_problems(page) == []

    page.get_by_label("Terug naar taak").select_option(label="Duo bevestigen of wijzigen")
    page.get_by_role("button", name="Terug naar deze taak").click()
    expect(page.get_by_role("status")).to_contain_text("De zaak staat weer bij de gekozen taak.")
    expect(page.locator("#storing")).to_have_count(0)
    page.get_by_role("link", name="Duo bevestigen of wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Duo bevestigen of wijzigen")
    expect(page.get_by_text("Om te beslissen")).to_be_visible()
