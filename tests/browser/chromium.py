"""How the browser tests launch Debian's Chromium (never a browser downloaded by Playwright)."""
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def launch(playwright, extra_args=()):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS + list(extra_args))
