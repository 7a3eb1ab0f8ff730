"""The task page shows the declared context (``ui:context``) above the form, in Dutch."""
from tests.api.test_task_context_api import included  # noqa: F401 (fixture)


def test_the_task_page_shows_the_context_above_the_form(driver, client, web_login, included):
    web_login("aanmelder")
    tasks = [t for t in driver.view(included)["ready_tasks"] if t["element"] == "terugkoppeling_aanmelder"]
    html = client.get(f"/taken/{tasks[0]['id']}").get_data(as_text=True)
    assert html.index("Om te beslissen") < html.index('id="taakformulier"')
    assert "<dt>Besluit van de Adviestafel</dt><dd>Includeren</dd>" in html
    assert "<dt>Datum Adviestafel</dt><dd>23-04-2027</dd>" in html
