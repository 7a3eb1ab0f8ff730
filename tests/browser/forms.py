"""Filling RJSF forms in the browser by field path, as a user would: type, pick, tick."""
from playwright.sync_api import expect


def field(page, path: str):
    """The container the form renders for the field at ``path`` ('persoon.naam', 'partners.0.organisatie')."""
    return page.locator(f'#editor .veld[data-pad="{path}"]')


def open_task(page, name: str):
    page.get_by_role("link", name=name).first.click()
    expect(page.locator("#editor[data-ready=true]")).to_be_attached()


def fill(page, values: dict[str, str]) -> None:
    """Type text into the fields at the given paths (dates as people write them: dd-mm-jjjj)."""
    for path, value in values.items():
        field(page, path).locator("input:not([type=radio]):not([type=checkbox]), textarea").first.fill(value)


def choose(page, choices: dict[str, str]) -> None:
    """Pick an option by its visible title: a radio button or a select option."""
    for path, title in choices.items():
        container = field(page, path)
        select = container.locator("select")
        if select.count():
            select.select_option(label=title)
        else:
            container.get_by_label(title, exact=True).check()


def tick(page, *paths: str) -> None:
    for path in paths:
        field(page, path).locator("input[type=checkbox]").check()


def submit(page) -> None:
    page.get_by_role("button", name="Taak afronden").click()
