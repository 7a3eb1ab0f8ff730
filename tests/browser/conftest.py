"""Browser tests: the app served from a thread, driven by Debian's Chromium through Playwright.

Only the system Chromium is used (never a downloaded browser). Without it, or without the built browser
assets, every browser test errors: CI must never pass with the browser tests silently skipped. A developer on a
machine without Chromium may opt out explicitly with LEVENSLOOP_BROWSER_TESTS=skip.
"""
import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from engine.security import users
from tests.browser.chromium import CHROMIUM, launch
from tests.web.conftest import PASSWORD, driver  # noqa: F401 — driver: the Ketenveldnorm processes

VENDOR = Path(__file__).resolve().parents[2] / "api" / "static" / "vendor"



def _missing() -> str | None:
    if not CHROMIUM.exists():
        return "Debian's Chromium (/usr/bin/chromium) is not installed: run `make install` as root or `apt-get install chromium`"
    if not (VENDOR / ".stamp").exists():
        return "browser assets missing: run `make vendor`"
    return None


@pytest.fixture(scope="session", autouse=True)
def browser_available():
    """Fail (or, when asked for explicitly, skip) every browser test on a machine that cannot run them."""
    if (reason := _missing()) is None:
        return
    if os.environ.get("LEVENSLOOP_BROWSER_TESTS") == "skip":
        pytest.skip(reason)
    pytest.fail(f"{reason} (or set LEVENSLOOP_BROWSER_TESTS=skip to skip the browser tests on purpose)", pytrace=False)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def server(app):
    """Serve the test app on a free local port for the length of one test."""
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join()
    httpd.server_close()


@pytest.fixture
def page(browser):
    """A fresh browser context; any Content-Security-Policy violation or script error fails the test."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 860})
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda err: problems.append(f"script error: {err}"))
    page.on("console", lambda msg: problems.append(f"{msg.text} at {msg.location}") if "Content Security Policy" in msg.text else None)
    yield page
    context.close()
    assert problems == []


@pytest.fixture
def sign_in(rt, page, server):
    """Create a user with the given roles and log in through the login form."""

    def _sign_in(*roles: str, username: str | None = None):
        """``roles`` create the user; an existing user (a duo worker of the driver) is signed in as is."""
        name = username or "_".join(roles)
        if roles:
            users.add_user(rt, name, PASSWORD, list(roles), "Gelderland-Zuid")
        page.goto(f"{server}/inloggen")
        page.get_by_label("Gebruikersnaam").fill(name)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        return page

    return _sign_in

