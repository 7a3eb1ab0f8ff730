"""The worklist and task page as people use them, in Chromium: no sideways scrolling on a phone, sorting and
filters, claiming and assigning, a data view that stays short, diagrams without "None" labels."""
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from engine.instances import service as instances
from engine.security import users
from tests.conftest import actor
from tests.scenarios.conftest import PASSWORD
from tests.scenarios.paths import registered_with_letter

PHONE = {"width": 390, "height": 844}
NO_SIDEWAYS = "() => document.documentElement.scrollWidth <= innerWidth"
#: the test clock is 4 January 2027, 10:00 Dutch time
DEADLINES = {"2027-02-01": "01-02-2027", "2027-01-03": "03-01-2027", None: "—", "2027-01-10": "10-01-2027"}


@pytest.fixture
def tasks(rt, deploy, clock):
    """Four 'Besluit vastleggen' tasks of lane procesregisseur, a minute apart, one overdue."""
    deploy("claimable_task.bpmn", "gegevens-schema.json")
    started = []
    for deadline in DEADLINES:
        clock.advance(timedelta(minutes=1))
        data = {"deadline": deadline} if deadline else {}
        started.append(instances.start(rt, "claimable_task", data, actor("procesregisseur"))["ready_tasks"][0])
    return started


def due_column(page) -> list[str]:
    return [text.split(" ")[0] for text in page.locator("table.werklijst td[data-label=Uiterlijk]").all_inner_texts()]


def test_the_worklist_and_a_task_fit_a_phone(tasks, sign_in, server):
    page = sign_in("procesregisseur")
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/taken")
    expect(page.locator("table.werklijst tbody tr")).to_have_count(4)
    assert page.evaluate(NO_SIDEWAYS)
    page.get_by_role("link", name="Besluit vastleggen").first.click()
    expect(page.locator("#editor[data-ready=true]")).to_be_attached()
    assert page.evaluate(NO_SIDEWAYS)


def test_sorting_and_filters_work_in_the_page(tasks, sign_in, server):
    page = sign_in("procesregisseur")
    page.goto(f"{server}/taken")
    expect(page.locator("#samenvatting")).to_contain_text("4 open taken")
    expect(page.locator("#samenvatting")).to_contain_text("1 te laat")
    assert due_column(page) == list(DEADLINES.values())  # oldest first
    page.get_by_label("Sorteren op").select_option(label="Uiterlijk, eerst wat het eerst moet")
    page.get_by_role("button", name="Toon").click()
    assert due_column(page) == ["03-01-2027", "10-01-2027", "01-02-2027", "—"]
    expect(page.locator("tr.te-laat")).to_have_count(1)
    page.get_by_label("Alleen te laat").check()
    page.get_by_role("button", name="Toon").click()
    assert due_column(page) == ["03-01-2027"]
    page.get_by_label("Alleen te laat").uncheck()
    page.get_by_label("Proces").select_option(label="Besluit met termijn")
    page.get_by_label("In behandeling").select_option(label="Bij mij")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_text("Geen open taken voor deze filter.")).to_be_visible()


def test_a_task_is_claimed_and_assigned_to_a_colleague_from_its_page(rt, tasks, sign_in, server):
    users.add_user(rt, "bert", PASSWORD, ["procesregisseur"], "Gelderland-Zuid", full_name="Bert Bos")
    users.add_user(rt, "noord", PASSWORD, ["procesregisseur"], "Gelderland-Midden", full_name="Nora Noord")
    page = sign_in("procesregisseur")
    page.goto(f"{server}/taken/{tasks[0]['id']}")
    page.get_by_role("button", name="Oppakken").click()
    expect(page.get_by_role("status")).to_have_text("U heeft de taak opgepakt.")
    options = page.get_by_label("Toewijzen aan").locator("option").all_inner_texts()
    assert options == ["— kies een collega —", "Bert Bos"]  # the lane's colleagues in the region only
    page.get_by_label("Toewijzen aan").select_option(label="Bert Bos")
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.locator(".toewijzing")).to_contain_text("In behandeling bij Bert Bos.")
    page.goto(f"{server}/taken")
    expect(page.get_by_role("row").filter(has_text="Bert Bos")).to_have_count(1)
    page.goto(f"{server}/zaken/{tasks[0]['process_instance']}")
    expect(page.locator(".tijdlijn li").first).to_contain_text("Taak toegewezen — Besluit vastleggen door procesregisseur")


def test_the_data_view_of_a_late_task_stays_short_and_shows_the_letter_as_a_document(driver, sign_in, server):
    intake = registered_with_letter(driver)
    page = sign_in("procesregisseur")
    page.goto(f"{server}/taken/{driver.task(intake, 'eerste_casus_op_maat')['id']}")
    expect(page.locator("#editor[data-ready=true]")).to_be_attached()
    view = page.locator(".bekend")
    expect(view.locator("summary")).to_have_text(["Aanmelding invullen", "Casus Op Maat overleg",
                                                  "Anoniem dossier opstellen", "Adviestafel: besluit vastleggen",
                                                  "Uitkomst en advies ontvangen", "Duo bevestigen of wijzigen",
                                                  "Overige gegevens"])  # by the tasks that wrote it, in flow order
    assert view.bounding_box()["height"] < 700
    for summary in view.locator("summary").all():
        summary.click()
    narrowest = page.evaluate("Math.min(...[...document.querySelectorAll('.bekend dd')].map(d => d.clientWidth))")
    assert narrowest >= 100  # values wrap between words, never a letter per line
    expect(view).not_to_contain_text("casus_id")
    expect(view).to_contain_text("Gelderland-Zuid")
    frame = page.frame_locator(".bekend iframe[sandbox]")
    expect(frame.locator("h1")).to_have_text("Toewijzing levensloopfunctie")


def test_diagrams_have_no_none_labels(driver, sign_in, server):
    intake = registered_with_letter(driver)
    page = sign_in("procesregisseur")
    page.goto(f"{server}/zaken/{intake}")
    expect(page.locator("#diagram[data-ready=true]")).to_be_attached()
    labels = page.locator("#diagram .djs-label").all_text_contents()
    assert any("Duo bevestigen" in label for label in labels)
    assert not [label for label in labels if re.fullmatch(r"\s*None\s*", label)]
    expect(page.locator(".tijdlijn")).to_contain_text("Taak afgerond — Casus Op Maat overleg")
