"""A process owner tries the decisions that processes/ ships (seeds 003 and 004) through the API."""
import pytest

from tests.api.conftest import error
from tests.scenarios.driver import deploy_processes


@pytest.fixture(autouse=True)
def deployed(rt):
    deploy_processes(rt)


def evaluate(client, headers, decision_id, variables):
    return client.post(f"/api/v1/decisions/{decision_id}/evaluate", json={"variables": variables}, headers=headers)


def test_the_regiekaart_names_who_holds_regie(client, owner):
    body = evaluate(client, owner, "regiekaart_zeeland", {"fase": 4, "kader": "gedwongen", "doelgroep": "volwassenen"}).json
    assert body["outputs"]["bestuurlijk_verantwoordelijk"] == "Burgemeester en verantwoordelijk wethouder stemmen onderling af."
    assert [rule["row"] for rule in body["matched_rules"]] == [8]


def test_wmo_intensity_with_a_missing_count_is_a_dutch_field_error(client, owner):
    ok = evaluate(client, owner, "wmo_intensiteit", {"aantal_resultaatgebieden": 1, "type_ondersteuning": "behouden",
                                                     "verzwarende_omstandigheden": 3})
    assert ok.json["outputs"] == {"intensiteit": "hoog"}
    body = error(evaluate(client, owner, "wmo_intensiteit", {"aantal_resultaatgebieden": 1,
                                                             "type_ondersteuning": "behouden"}), 422, "invalid")
    assert body["fields"] == {"verzwarende_omstandigheden": "Verplicht: 'Verzwarende omstandigheden' ontbreekt."}
