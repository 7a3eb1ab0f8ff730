"""The page to try a decision: a Dutch form of its inputs, reached from the process model page."""
import pytest

from engine.process_models import service as model_service
from tests.conftest import OWNER
from tests.decisions.conftest import files

PAGE = "/beslissingen/advies"


@pytest.fixture(autouse=True)
def deployed(rt):
    model_service.deploy(rt, files("regie_advies.bpmn", "regie_drg.dmn"), OWNER)


def test_the_process_model_page_links_to_its_decisions(client, web_login):
    web_login("proceseigenaar")
    html = client.get("/procesmodellen/regie_advies").get_data(as_text=True)
    for decision_id in ("advies", "leeftijdscategorie", "regiehouder"):
        assert f'href="/beslissingen/{decision_id}"' in html


def test_the_form_asks_for_the_inputs_of_the_whole_graph(client, web_login):
    web_login("proceseigenaar")
    html = client.get(PAGE).get_data(as_text=True)
    assert 'lang="nl"' in html and "Beslissing Advies" in html
    assert '<label for="veld-leeftijd">Leeftijd' in html and '<label for="veld-kader">Kader' in html
    assert 'name="casusregie"' not in html  # the result of a required decision, not an input


def test_submitting_shows_outputs_and_marks_the_matched_rule(client, web_login):
    token = web_login("proceseigenaar")
    response = client.post(PAGE, data={"csrf_token": token, "leeftijd": "10", "kader": "gedwongen"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '"overleg met de jeugdbeschermer"' in html and "regel 1 (<code>DecisionRule_" in html
    assert '<tr class="huidig"><th scope="row">1 <span class="visueel-verborgen">(past)</span>' in html
    assert "Vereiste beslissing <code>regiehouder</code>: casusregie = \"gecertificeerde instelling\" (regel 2)" in html


def test_wrong_inputs_are_shown_at_their_fields_in_dutch(client, web_login):
    token = web_login("proceseigenaar")
    response = client.post(PAGE, data={"csrf_token": token, "leeftijd": "tien", "kader": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert '<p class="status-error" id="fout-leeftijd">&#39;Leeftijd&#39; moet een getal zijn.</p>' in html
    assert "Verplicht: &#39;Kader&#39; ontbreekt." in html and 'value="tien"' in html


@pytest.mark.parametrize("role", ["aanmelder", "auditor"])
def test_other_roles_neither_see_the_link_nor_the_page(client, web_login, role):
    web_login(role)
    assert "/beslissingen/" not in client.get("/procesmodellen/regie_advies").get_data(as_text=True)
    assert client.get(PAGE).status_code == 403
