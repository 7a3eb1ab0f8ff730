"""Basic accessibility on every main page: Dutch lang, labels, headings, visible focus; tablet width."""
import pytest
from playwright.sync_api import expect

from tests.browser.checks import focus_outlines, heading_problems, sideways_overflow, unlabelled_inputs
from tests.scenarios.paths import INTAKE, register

TABLET = {"width": 768, "height": 1024}


@pytest.fixture
def cases(driver):
    """One aanmelding waiting to be filled in, one registered (Casus Op Maat and the melding open)."""
    waiting = driver.start(INTAKE, {"casus_id": "C-1"})
    registered = register(driver, "C-2")
    return {"waiting": waiting, "registered": registered, "task": driver.task(waiting, "aanmelding")["id"]}


PAGES = [
    ("aanmelder", "/taken"),
    ("aanmelder", "/taken/{task}"),
    ("aanmelder", "/zaken"),
    ("procesregisseur", "/zaken/{registered}"),
    ("proceseigenaar", "/procesmodellen"),
    ("proceseigenaar", "/procesmodellen/levensloop_intake"),
    ("auditor", "/audit/zaken/{registered}"),
    ("auditor", "/audit/zaken/{registered}/herspelen"),
    ("auditor", "/audit/zaken/{registered}/stappen/2"),
    ("auditor", "/audit/toegang"),
]


def visit(page, server, path: str, cases: dict):
    page.goto(server + path.format(**cases))
    if "/taken/" in path:
        expect(page.locator("#editor[data-ready=true]")).to_be_attached()
    if page.locator("#diagram").count():
        expect(page.locator("#diagram[data-ready=true]")).to_be_attached()


@pytest.mark.parametrize("role, path", PAGES)
def test_page_is_dutch_labelled_with_headings_and_visible_focus(cases, sign_in, server, role, path):
    page = sign_in(role)
    visit(page, server, path, cases)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert unlabelled_inputs(page) == []
    assert heading_problems(page) == []
    for focused in focus_outlines(page):
        assert focused["style"] != "none" and focused["width"] >= 2, focused


def test_login_page_is_accessible(page, server):
    page.goto(f"{server}/inloggen")
    assert unlabelled_inputs(page) == [] and heading_problems(page) == []
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_a_refused_form_keeps_every_field_labelled(cases, sign_in, server):
    page = sign_in("aanmelder")
    visit(page, server, "/taken/{task}", cases)
    page.get_by_role("button", name="Taak afronden").click()
    expect(page.locator("#foutoverzicht")).to_be_focused()
    assert unlabelled_inputs(page) == []
    invalid = page.locator("[aria-invalid=true]")
    expect(invalid.first).to_be_attached()
    for i in range(invalid.count()):
        described = invalid.nth(i).get_attribute("aria-describedby").split()
        messages = page.locator(", ".join(f"[id='{name}'].veldfout" for name in described))
        expect(messages).to_have_count(1)
        expect(messages).not_to_be_empty()


@pytest.mark.parametrize("role, path", [("aanmelder", "/taken"), ("aanmelder", "/taken/{task}"),
                                        ("procesregisseur", "/zaken/{registered}"),
                                        ("auditor", "/audit/zaken/{registered}"),
                                        ("auditor", "/audit/zaken/{registered}/stappen/2")])
def test_tablet_shows_pages_without_sideways_scrolling(cases, sign_in, server, role, path):
    page = sign_in(role)
    page.set_viewport_size(TABLET)
    visit(page, server, path, cases)
    assert sideways_overflow(page) <= 0
    expect(page.locator("h1")).to_be_in_viewport()


def test_the_checks_find_what_they_look_for(page):
    page.set_content('<html><body><h2>Kop</h2><h4>Te diep</h4><input id="los"><label>Naam <input></label>'
                     '<button style="outline: none">Knop</button></body></html>')
    assert [html[:15] for html in unlabelled_inputs(page)] == ['<input id="los"']
    assert heading_problems(page) == ["h1 not single and first: [2, 4]", "h2 followed by h4"]
    button = focus_outlines(page, presses=3)[-1]
    assert (button["tag"], button["style"]) == ("BUTTON", "none")
