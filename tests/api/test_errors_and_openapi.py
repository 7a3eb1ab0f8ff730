"""Every error is JSON {error, message}; the OpenAPI document is valid and covers every route."""
import json
import re

import pytest

from engine.instances import queries
from tests.api.conftest import error

HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


def test_unknown_api_path_is_json_404(client, login):
    error(client.get("/api/v1/bestaat-niet", headers=login("aanmelder")), 404)


def test_wrong_method_is_json_405(client):
    error(client.delete("/api/v1/auth/token"), 405)


def test_an_unexpected_failure_is_a_json_500_without_details(client, login, monkeypatch):
    def broken(rt):
        raise RuntimeError("geheime interne details")

    headers = login("aanmelder")
    monkeypatch.setattr(queries, "process_models", broken)
    body = error(client.get("/api/v1/process-models", headers=headers), 500, "internal")
    assert "geheime" not in body["message"]


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json


def test_openapi_document_is_valid(document):
    validator = pytest.importorskip("openapi_spec_validator", reason="structure is checked by the next test")
    validator.validate(document)


def test_openapi_document_structure_and_references(document):
    assert document["openapi"].startswith("3.")
    assert {"title", "version"} <= set(document["info"])
    schemas = document["components"]["schemas"]
    assert document["components"]["securitySchemes"]["bearer"] == {"type": "http", "scheme": "bearer"}
    for path, operations in document["paths"].items():
        assert path.startswith("/api/v1/")
        for method, operation in operations.items():
            assert method in HTTP_METHODS, (path, method)
            assert operation["responses"], (path, method)
            for name in re.findall(r"\{(\w+)\}", path):
                assert any(p["name"] == name and p["in"] == "path" for p in operation.get("parameters", [])), path
    for ref in re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(document)):
        assert ref in schemas, ref


def test_openapi_lists_every_api_route_and_method(app, document):
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or rule.endpoint.startswith("openapi."):
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        assert path in document["paths"], path
        for method in rule.methods & {m.upper() for m in HTTP_METHODS}:
            assert method.lower() in document["paths"][path], (path, method)
            responses = document["paths"][path][method.lower()]["responses"]
            if rule.endpoint != "auth.token":
                assert "401" in responses, (path, method)
