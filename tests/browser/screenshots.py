"""Write the README's screenshots of the main pages to docs/: `.venv/bin/python -m tests.browser.screenshots`.

Runs the real processes/ with the demo users and demo casussen on a throw-away SQLite database, in
Debian's Chromium; a second version of the intake (two tasks renamed) shows the diff.
"""
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

from playwright.sync_api import sync_playwright
from sqlalchemy import select
from werkzeug.serving import make_server

from api import create_app
from api.cli import read_model_files
from api.demo import DEMO_PASSWORD
from api.demo_seed import PERSONEN, PHASES, seed_casussen
from api.demo_users import ensure_users
from engine.bootstrap import PROJECT_ROOT, build_runtime
from engine.casus import person as casus_person
from engine.casus import service as casus
from engine.clock import SimulatedClock
from engine.persistence.migrate import upgrade
from engine.persistence.tables import Casus, ProcessInstance
from engine.process_models import service as model_service
from engine.security.actors import Actor
from tests.browser.chromium import launch
from tests.scenarios import formdata as f
from tests.scenarios.driver import Driver
from tests.scenarios.paths import include, partner_information

DOCS = PROJECT_ROOT / "docs"
OWNER = Actor("demo", frozenset({"proceseigenaar"}))
NOW = datetime(2027, 4, 20, 8, 0, tzinfo=timezone.utc)


def prepare(url: str):
    upgrade(url)
    rt = build_runtime(url, clock=SimulatedClock(NOW))
    ensure_users(rt, DEMO_PASSWORD)
    files = read_model_files([PROJECT_ROOT / "processes"])
    model_service.deploy(rt, files, OWNER)
    seed_casussen(rt)
    intake = (files["levensloop_intake.bpmn"].replace('name="Melding aan persoon"', 'name="Persoon informeren"')
              .replace('name="Casus Op Maat overleg"', 'name="Casus Op Maat-overleg"'))
    model_service.deploy(rt, {**files, "levensloop_intake.bpmn": intake}, OWNER)
    return rt, planned_casus(rt)


def planned_casus(rt) -> str:
    """A casus registered, included and halfway its plan: the casus page shows two cycles."""
    driver = Driver(rt, rt.clock)
    aanmelder = Actor("aanmelder", frozenset({"aanmelder"}), "Gelderland-Zuid")
    view = casus.register(rt, f.PERSOON, "gelderland_zuid", aanmelder, data={"persoon": f.PERSOON})
    intake = view["current_instance"]
    for element, data in (("aanmelding", f.AANMELDING), ("melding_aan_persoon", f.MELDING_GEDAAN),
                          ("casus_op_maat", f.casus_op_maat("ketenveldnorm"))):
        driver.complete(intake, element, data)
    partner_information(driver, intake)
    include(driver, intake)
    cycle = casus_cycle(rt, view["id"])
    driver.complete(cycle, "plan_zorg", f.PLAN_ZORG)
    return view["id"]


def casus_cycle(rt, casus_id: str) -> str:
    with rt.uow() as uow:
        return uow.session.scalars(select(ProcessInstance.id).where(ProcessInstance.casus_id == casus_id)
                                   .order_by(ProcessInstance.cycle.desc())).first()


def instance_of(rt, phase: str, process_id: str) -> str:
    """The instance of ``process_id`` in the chain of the Gelderland-Zuid demo casus in ``phase`` (found by its
    demo person)."""
    name = PERSONEN["Gelderland-Zuid"][PHASES.index(phase)][0]
    with rt.uow() as uow:
        casus = next(c for c in uow.session.scalars(select(Casus)) if casus_person.read(c).get("naam") == name)
        return uow.session.scalars(select(ProcessInstance.id).where(ProcessInstance.casus_id == casus.id,
                                                                    ProcessInstance.process_id == process_id)).first()


def sign_in(page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def shoot(page, name: str, ready: str | None = None, full_page: bool = True) -> None:
    if ready:
        page.locator(ready).wait_for(state="attached")
    page.screenshot(path=str(DOCS / name), full_page=full_page)
    print(f"docs/{name}")


def pages(page, base: str, rt, casus_id: str) -> None:
    intake, cycle = instance_of(rt, "adviestafel", "levensloop_intake"), instance_of(rt, "plan", "levensloop_cyclus")
    page.goto(f"{base}/inloggen")
    shoot(page, "ui-inloggen.png")
    sign_in(page, base, "casusregisseur_gemeente")
    shoot(page, "ui-mijn-taken.png")
    sign_in(page, base, "aanmelder")
    page.get_by_role("link", name="Casussen").click()
    page.get_by_label("Naam").fill("Sam Schermafdruk")
    page.get_by_label("Regio").select_option("gelderland_zuid")
    page.get_by_role("button", name="Casus aanmelden").click()
    page.get_by_role("link", name="Aanmelding invullen").first.click()
    page.locator("#editor[data-ready=true]").wait_for(state="attached")
    page.get_by_role("button", name="Taak afronden").click()
    shoot(page, "ui-taak.png", "#editor[data-ready=true]")
    sign_in(page, base, "procesregisseur")
    page.goto(f"{base}/zaken/{cycle}")
    shoot(page, "ui-zaak.png", "#diagram[data-ready=true]")
    page.goto(f"{base}/casussen/{casus_id}")
    shoot(page, "ui-casus.png", "#diagram[data-ready=true]")
    sign_in(page, base, "proceseigenaar")
    page.goto(f"{base}/procesmodellen")
    shoot(page, "ui-procesmodellen.png")
    page.goto(f"{base}/procesmodellen/levensloop_intake")
    shoot(page, "ui-procesmodel-versies.png")
    page.goto(f"{base}/procesmodellen/levensloop_intake/verschil?van=1&naar=2")
    shoot(page, "ui-procesmodel-verschil.png")
    sign_in(page, base, "auditor")
    page.goto(f"{base}/audit/zaken/{intake}/herspelen")
    shoot(page, "ui-audit-herspelen.png")
    page.goto(f"{base}/audit/zaken/{intake}/stappen/4")
    shoot(page, "ui-audit-stap.png", "#diagram[data-ready=true]")
    page.goto(f"{base}/audit/toegang")
    shoot(page, "ui-toegangslog.png", full_page=False)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'screens.sqlite3'}"
        rt, casus_id = prepare(url)
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "screenshots"}, runtime=rt)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright, ["--lang=nl-NL"])
                page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="nl-NL")
                pages(page, f"http://127.0.0.1:{server.server_port}", rt, casus_id)
                browser.close()
        finally:
            server.shutdown()
            rt.session_factory.kw["bind"].dispose()


if __name__ == "__main__":
    main()
