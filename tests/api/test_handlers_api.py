"""GET /api/v1/handlers: the modeler offers service-task handlers with a Dutch description and typed parameters."""
from handlers import HANDLERS
from handlers.descriptions import DESCRIPTIONS
from tests.api.conftest import error


def test_every_handler_with_its_parameters_in_signature_order(client, owner):
    response = client.get("/api/v1/handlers", headers=owner)
    assert response.status_code == 200
    by_name = {h["name"]: h for h in response.json}
    assert sorted(by_name) == sorted(HANDLERS)
    assert by_name["bed_reserveren"]["parameters"] == [
        {"name": "organisatie", "type": "tekst", "required": True},
        {"name": "casus_id", "type": "tekst", "required": True},
        {"name": "datum", "type": "datum (ISO 8601)", "required": True}]
    assert by_name["escalatie_termijnen"]["parameters"][1] == {"name": "vanaf", "type": "datum (ISO 8601)",
                                                               "required": False}
    assert by_name["echo"]["open"] is True and by_name["echo"]["parameters"] == []


def test_descriptions_are_written_for_every_registered_handler_and_its_parameters():
    from handlers.registry import parameters
    assert sorted(DESCRIPTIONS) == sorted(HANDLERS)
    for name, (text, types) in DESCRIPTIONS.items():
        params = parameters(HANDLERS[name])
        assert text and set(types) == set(params["required"] + params["optional"]), name


def test_handlers_need_a_token(client):
    error(client.get("/api/v1/handlers"), 401, "unauthorized")
