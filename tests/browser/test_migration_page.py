"""A process owner moves a waiting case to a new version from the version page: dry run first, then the run."""
from playwright.sync_api import expect

from engine.instances import queries
from engine.instances import service as instances
from engine.process_models import service as model_service
from tests.browser.checks import heading_problems, unlabelled_inputs
from tests.conftest import OWNER, actor, bpmn_files
from tests.web.test_model_diff import MODEL, V1

WORKER = actor("aanmelder")


def test_a_process_owner_migrates_a_waiting_case_from_the_version_page(rt, sign_in, server):
    files = bpmn_files(MODEL, "gegevens-schema.json")
    model_service.deploy(rt, files, OWNER)
    waiting = instances.start(rt, "web_form_task", {}, WORKER)
    model_service.deploy(rt, {**files, MODEL: V1.replace('name="Gegevens invullen"', 'name="Gegevens aanvullen"')},
                         OWNER, "Taak hernoemd")
    page = sign_in("proceseigenaar")
    page.goto(f"{server}/procesmodellen/web_form_task")
    page.get_by_role("link", name="zaken migreren naar versie 2").click()
    expect(page.get_by_role("heading", level=2, name="Zaken migreren naar versie 2")).to_be_visible()
    expect(page.locator("#versie-toelichting")).to_have_text("Taak hernoemd")
    assert unlabelled_inputs(page) == [] and heading_problems(page) == []

    page.get_by_label("Zaken van versie").select_option("1")
    page.get_by_role("button", name="Proefmigratie").click()
    expect(page.locator("#migratierapport")).to_contain_text("1 zaak kan mee, 0 geweigerd")
    assert queries.get_instance(rt, waiting["id"], WORKER)["version"] == 1

    page.get_by_role("button", name="Zaken migreren naar versie 2").click()
    expect(page.locator("#migratierapport")).to_contain_text("Gemigreerd van versie 1 naar versie 2: 1 zaak, 0 geweigerd")
    expect(page.locator("#zaken-op-versie")).to_contain_text(waiting["id"][:8])
    moved = queries.get_instance(rt, waiting["id"], WORKER)
    assert moved["version"] == 2 and [t["name"] for t in moved["ready_tasks"]] == ["Gegevens aanvullen"]
