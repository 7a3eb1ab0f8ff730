"""Write the README's screenshots of the main pages to docs/: `.venv/bin/python -m tests.browser.screenshots`.

Runs the real processes/ on a throw-away SQLite database with the demo users, in Debian's Chromium.
"""
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from api import create_app
from api.cli import read_model_files
from api.demo import DEMO_PASSWORD, create_demo_users
from engine import instances, model_service
from engine.actors import Actor
from engine.clock import SimulatedClock
from engine.migrate import upgrade
from engine.runtime import PROJECT_ROOT, build_runtime
from tests.browser.chromium import launch

DOCS = PROJECT_ROOT / "docs"


def prepare(url: str):
    upgrade(url)
    rt = build_runtime(url, clock=SimulatedClock())
    create_demo_users(rt)
    model_service.deploy(rt, read_model_files([PROJECT_ROOT / "processes"]), Actor("demo", frozenset({"proceseigenaar"})))
    case = instances.start(rt, "levensloop_intake", {}, Actor("aanmelder", frozenset({"aanmelder"})))
    return rt, case


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def shoot(page, name: str) -> None:
    page.screenshot(path=str(DOCS / name), full_page=True)
    print(f"docs/{name}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'screens.sqlite3'}"
        rt, case = prepare(url)
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "screenshots"}, runtime=rt)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright, ["--lang=nl-NL"])
                page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="nl-NL")
                page.goto(f"{base}/inloggen")
                shoot(page, "ui-inloggen.png")
                sign_in(page, base, "aanmelder")
                shoot(page, "ui-mijn-taken.png")
                page.get_by_role("link", name=case["ready_tasks"][0]["name"]).first.click()
                page.locator("#editor[data-ready=true]").wait_for(state="attached")
                page.get_by_role("button", name="Taak afronden").click()
                page.locator("#editor[data-ready=true]").wait_for(state="attached")
                shoot(page, "ui-taak.png")
                page.goto(f"{base}/zaken/{case['id']}")
                page.locator("#diagram[data-ready=true]").wait_for(state="attached")
                shoot(page, "ui-zaak.png")
                page.context.clear_cookies()
                sign_in(page, base, "proceseigenaar")
                page.goto(f"{base}/procesmodellen")
                shoot(page, "ui-procesmodellen.png")
                browser.close()
        finally:
            server.shutdown()
            rt.session_factory.kw["bind"].dispose()


if __name__ == "__main__":
    main()
