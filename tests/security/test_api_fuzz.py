"""Schemathesis fuzzes every documented operation: no 5xx, and every answer matches the OpenAPI document.

Bounded and deterministic (a fixed number of examples per operation, derandomized), so it fits in
the normal test run; the failures found are reported per operation with a reproducing request.
"""
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from engine.instances import service as instances
from tests.conftest import actor

MAX_EXAMPLES = 25
ROLES = ("proceseigenaar", "procesregisseur", "aanmelder", "auditor", "beheerder")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
#: operations that end the caller's tokens fuzz with a user of their own, so the others keep a valid token
OWN_USER = {"POST /api/v1/auth/logout": "uitlogger"}
FUZZ_SETTINGS = settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                         suppress_health_check=list(HealthCheck), print_blob=False)


@pytest.fixture
def real_ids(rt, deploy) -> dict:
    """A deployed model and decision and a running instance with a ready task: ids that lead to real rows."""
    deploy("user_task_lane.bpmn", "gegevens-schema.json")
    deploy("eng_dmn.bpmn", "eng_dmn.dmn")
    view = instances.start(rt, "user_task_lane", {"deadline": "2027-02-01"}, actor("aanmelder"))
    return {"process_id": "user_task_lane", "instance_id": view["id"], "task_id": view["ready_tasks"][0]["id"],
            "seq": 1, "decision_id": "eng_urgentie"}


def operation_failures(operation, headers: dict, mode: GenerationMode, path_parameters: dict) -> list[str]:
    """Run one operation's examples; return the failures (operation, check message, reproduction)."""
    failures = []

    @FUZZ_SETTINGS
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    def fuzz(case):
        try:
            case.call_and_validate(headers=headers, checks=CHECKS)
        except (AssertionError, FailureGroup) as err:  # one failed check, or several
            failures.append(f"{operation.label} [{mode}]: {err}")

    fuzz()
    return failures


@pytest.mark.parametrize("mode, with_real_ids", [
    (GenerationMode.POSITIVE, False), (GenerationMode.NEGATIVE, False), (GenerationMode.POSITIVE, True),
])
def test_every_operation_survives_fuzzing_and_matches_the_schema(app, login, real_ids, mode, with_real_ids):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    headers = {None: login(*ROLES, username="fuzzer")}
    headers.update({label: login(*ROLES, username=name) for label, name in OWN_USER.items()})
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        names = re.findall(r"{(\w+)}", operation.path)
        fixed = {name: real_ids[name] for name in names if name in real_ids} if with_real_ids else {}
        failures += operation_failures(operation, headers.get(operation.label, headers[None]), mode, fixed)
    assert operations >= 10
    assert not failures, "\n\n".join(failures[:20])


def test_the_fuzzer_reports_a_server_error_and_a_wrong_response_shape(app, login, real_ids, monkeypatch):
    """The harness itself can fail: a crashing and a misshapen endpoint are both reported."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    headers = login(*ROLES, username="fuzzer")
    models = schema["/api/v1/process-models"]["GET"]
    monkeypatch.setattr("engine.instances.queries.process_models", lambda rt: [{"id": 1}])
    assert any("Response violates schema" in f
               for f in operation_failures(models, headers, GenerationMode.POSITIVE, {}))
    monkeypatch.setattr("engine.instances.queries.process_models", lambda rt: 1 / 0)
    assert any("Server error" in f for f in operation_failures(models, headers, GenerationMode.POSITIVE, {}))


@pytest.mark.parametrize("method, path, body", [
    ("get", "/api/v1/process-instances/%00", None),
    ("get", "/api/v1/process-instances?process_model=a%00b", None),
    ("post", "/api/v1/auth/token", {"username": "a\x00b", "password": "x"}),
])
def test_a_nul_character_is_refused_as_input_not_a_server_error(client, login, method, path, body):
    """Found by fuzzing on PostgreSQL, which cannot store or compare NUL: it used to answer 500."""
    response = getattr(client, method)(path, json=body, headers=login(*ROLES, username="fuzzer"))
    assert response.is_json and response.status_code in (200, 401, 404, 422), response.json
