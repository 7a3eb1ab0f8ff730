"""POST /api/v1/decisions/{id}/evaluate: process owners try a deployed decision."""
import pytest

from engine.process_models import service as model_service
from tests.api.conftest import error
from tests.conftest import OWNER
from tests.decisions.conftest import files


@pytest.fixture(autouse=True)
def deployed(rt):
    model_service.deploy(rt, files("regie_advies.bpmn", "regie_drg.dmn", "hit_policies.dmn"), OWNER)


def evaluate(client, headers, decision_id, variables=None, body=None):
    return client.post(f"/api/v1/decisions/{decision_id}/evaluate",
                       json=body if body is not None else {"variables": variables or {}}, headers=headers)


def test_outputs_and_matched_rules_with_the_required_decisions(client, owner):
    response = evaluate(client, owner, "advies", {"leeftijd": 10, "kader": "vrijwillig"})
    assert response.status_code == 200, response.json
    body = response.json
    assert body["decision"] == "advies"
    assert body["outputs"] == {"advies": "gezinsplan met het wijkteam"}
    assert [(r["row"], r["id"].startswith("DecisionRule_")) for r in body["matched_rules"]] == [(2, True)]
    assert [(r["decision"], r["outputs"]) for r in body["required_decisions"]] == [
        ("leeftijdscategorie", {"categorie": "jeugd"}), ("regiehouder", {"casusregie": "wijkteam"})]


def test_a_multi_hit_table_reports_every_matched_rule(client, owner):
    body = evaluate(client, owner, "output_order_acties", {"risico": 9}).json
    assert body["outputs"] == {"actie": ["melding Veilig Thuis", "Jeugdbeschermingstafel", "gesprek"]}
    assert [r["row"] for r in body["matched_rules"]] == [3, 2, 1]


def test_missing_and_mistyped_inputs_are_dutch_field_errors(client, owner):
    body = error(evaluate(client, owner, "advies", {"leeftijd": "tien"}), 422, "invalid")
    assert body["fields"] == {"leeftijd": "'Leeftijd' moet een getal zijn.", "kader": "Verplicht: 'Kader' ontbreekt."}


def test_a_table_that_cannot_decide_is_a_422_naming_the_rules(client, owner):
    body = error(evaluate(client, owner, "unique_urgentie", {"score": 9}), 422, "invalid")
    assert "UNIQUE" in body["message"] and "regel 2" in body["message"] and "regel 3" in body["message"]


def test_an_unknown_decision_is_404(client, owner):
    error(evaluate(client, owner, "bestaat_niet", {}), 404)


@pytest.mark.parametrize("body", [{"variables": []}, {"variabelen": {}}, {"variables": {"a": 1}, "extra": 1}])
def test_a_malformed_body_is_422(client, owner, body):
    error(evaluate(client, owner, "advies", body=body), 422)


@pytest.mark.parametrize("role", ["aanmelder", "auditor", "beheerder", "casemanager_zorg"])
def test_only_process_owners_may_try_decisions(client, login, role):
    error(evaluate(client, login(role), "advies", {"leeftijd": 10, "kader": "vrijwillig"}), 403)


def test_without_a_token_it_is_401(client):
    error(evaluate(client, {}, "advies", {}), 401)


def test_the_endpoint_is_in_the_openapi_document(client):
    operation = client.get("/api/v1/openapi.json").json["paths"]["/api/v1/decisions/{decision_id}/evaluate"]["post"]
    assert set(operation["responses"]) == {"200", "401", "403", "404", "422"}
