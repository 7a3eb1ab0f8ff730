"""One task completion over HTTP stays lean: few SQL statements, one instance UPDATE, one connection.

Before the lean step a completion took 15 statements (two UPDATEs of the instance row, the whole
deployment row for the form schema, the worklist queried again for the response, the routing rows
rewritten, the case's scope asked again) and 3 pool checkouts; these guards keep it at the figures it
has now (bench/step.py measures the time).
"""
import pytest
from sqlalchemy import event, select

from engine.persistence.tables import User
from engine.security import users

MAX_STATEMENTS = 6


@pytest.fixture
def regisseur(login):
    return login("procesregisseur")


@pytest.fixture
def started(client, upload, regisseur):
    """A plain loop with a JSON Schema form, completed once so the version's form is known to the process."""
    upload("loop_plain.bpmn", "loop-evaluatie-schema.json")
    view = client.post("/api/v1/process-instances", json={"process_model": "loop_plain"}, headers=regisseur).json
    return complete(client, view, regisseur)


def complete(client, view: dict, headers: dict) -> dict:
    [task] = view["ready_tasks"]
    response = client.post(f"/api/v1/tasks/{task['id']}/complete", json={"data": {"afsluiten": False}},
                           headers=headers)
    assert response.status_code == 200, response.json
    return response.json


@pytest.fixture
def recorded(rt):
    """Every SQL statement the runtime's engine runs and every connection it checks out, from now on."""
    engine = rt.session_factory.kw["bind"]
    seen = {"statements": [], "checkouts": 0}

    def on_execute(_conn, _cursor, statement, *_):
        seen["statements"].append(statement)

    def on_checkout(*_):
        seen["checkouts"] += 1

    event.listen(engine, "before_cursor_execute", on_execute)
    event.listen(engine.pool, "checkout", on_checkout)
    yield seen
    event.remove(engine, "before_cursor_execute", on_execute)
    event.remove(engine.pool, "checkout", on_checkout)


def test_a_completion_runs_at_most_six_statements_on_one_connection(client, started, regisseur, recorded):
    after = complete(client, started, regisseur)

    statements = recorded["statements"]
    assert len(statements) <= MAX_STATEMENTS, "\n".join(statements)
    assert recorded["checkouts"] == 1
    instance_updates = [s for s in statements if s.lstrip().upper().startswith("UPDATE PROCESS_INSTANCES")]
    assert len(instance_updates) == 1, instance_updates
    assert not [s for s in statements if "deployments.files," in s], "the form is read from the whole deployment"
    # the response is the step's own result: the next round's task, the new data, the version
    [task] = after["ready_tasks"]
    assert task["id"] != started["ready_tasks"][0]["id"] and task["element"] == "evalueren"
    assert after["data"]["rondes"] == 2 and after["version"] == 1


def test_the_response_lists_the_ready_tasks_as_a_later_read_does(client, started, regisseur):
    after = complete(client, started, regisseur)

    read = client.get(f"/api/v1/process-instances/{after['id']}", headers=regisseur).json
    assert after["ready_tasks"] == read["ready_tasks"]
    assert after == read


def test_the_step_after_the_token_lookup_is_still_one_transaction(rt):
    """The user behind a token is read outside a transaction on the request's connection; the step that
    follows on that connection must not inherit autocommit: what it wrote without committing is gone."""
    with rt.one_connection():
        assert users.find_account(rt, "niemand") is None
        with rt.uow() as uow:
            uow.session.add(User(username="half_geschreven", password_hash="x", roles=[]))
            uow.flush()
        # left without commit
    with rt.uow() as uow:
        assert uow.session.scalar(select(User).where(User.username == "half_geschreven")) is None


def test_completing_one_of_two_parallel_tasks_keeps_the_other_and_then_joins(client, upload, regisseur):
    """The ready rows are read with the task asked for: the branch not completed stays ready under its own id,
    a completed one cannot be completed again, and the join opens once both are done."""
    upload("gw_parallel.bpmn", "waarde-schema.json")
    view = client.post("/api/v1/process-instances", json={"process_model": "gw_parallel"}, headers=regisseur).json
    first, second = sorted(view["ready_tasks"], key=lambda t: t["element"])

    after = client.post(f"/api/v1/tasks/{first['id']}/complete", json={"data": {"a": 1}}, headers=regisseur)
    assert after.status_code == 200 and after.json["ready_tasks"] == [second]
    again = client.post(f"/api/v1/tasks/{first['id']}/complete", json={"data": {"a": 2}}, headers=regisseur)
    assert again.status_code == 409 and again.json["message"] == "Deze taak is al afgerond."

    joined = client.post(f"/api/v1/tasks/{second['id']}/complete", json={"data": {"b": 2}}, headers=regisseur).json
    assert [t["element"] for t in joined["ready_tasks"]] == ["after"]
    assert client.get(f"/api/v1/process-instances/{view['id']}", headers=regisseur).json == joined
