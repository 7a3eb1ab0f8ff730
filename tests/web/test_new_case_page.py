""""Nieuwe zaak" offers a role only the deployed processes it starts itself: the casusregie gezin to the verwijzer,
the Wmo traject to the sociaal team; never an intake (that begins by registering a casus), a cycle or a called
process, and a refused start writes nothing."""
import re

import pytest

from engine.instances import queries
from engine.persistence.pages import WHOLE_LIST
from tests.conftest import actor
from tests.scenarios.driver import deploy_processes


def offered(page: str) -> list[str]:
    return re.findall(r'<option value="([^"]+)"', page)


@pytest.mark.parametrize("role, models", [
    ("verwijzer", ["casusregie_gezin"]), ("sociaal_team", ["wmo_traject"]), ("aanmelder", []),
    ("procesregisseur", []), ("casemanager_zorg", []), ("auditor", []),
])
def test_nieuwe_zaak_lists_only_the_models_the_role_starts(rt, client, web_login, role, models):
    deploy_processes(rt)
    web_login(role)
    page = client.get("/zaken").get_data(as_text=True)
    assert offered(page) == models
    assert ("Nieuwe zaak" in page) == bool(models)


def test_an_intake_is_not_started_bare_but_through_a_casus(rt, client, web_login):
    deploy_processes(rt)
    token = web_login("aanmelder")
    response = client.post("/zaken", data={"csrf_token": token, "process_model": "levensloop_intake"})
    assert response.status_code == 422
    assert "een intake begint met het aanmelden van een casus" in response.get_data(as_text=True)
    assert 'href="/casussen"' in response.get_data(as_text=True)
    assert queries.list_instances(rt, actor("auditor"), None, page=WHOLE_LIST).items == []


def test_the_sociaal_team_starts_a_wmo_traject_from_the_page(rt, client, web_login):
    deploy_processes(rt)
    token = web_login("sociaal_team")
    response = client.post("/zaken", data={"csrf_token": token, "process_model": "wmo_traject"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Vraagverheldering" in page
