"""HTML routes get Dutch error pages, never a traceback; the API keeps its JSON errors."""


def test_unknown_page_is_dutch_html(client):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "Pagina niet gevonden" in response.get_data(as_text=True)


def test_unknown_api_path_stays_json(client):
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404 and response.json["error"] == "not_found"


def test_server_error_is_a_dutch_page_without_traceback(app, client):
    def broken():
        raise RuntimeError("geheime interne details")

    app.add_url_rule("/kapot", view_func=broken)
    response = client.get("/kapot")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Er ging iets mis aan onze kant" in body
    assert "geheime interne details" not in body and "Traceback" not in body


def test_forbidden_case_is_a_dutch_page(client, web_login, rt, deploy):
    from engine.instances import service as instances
    from tests.conftest import actor

    deploy("web_form_task.bpmn", "gegevens-schema.json")
    case = instances.start(rt, "web_form_task", {}, actor("aanmelder"))
    web_login("proceseigenaar")
    response = client.get(f"/zaken/{case['id']}")
    assert response.status_code == 403
    assert "Uw rol heeft geen toegang tot zaakgegevens." in response.get_data(as_text=True)
