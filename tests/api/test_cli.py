"""The ``levensloop`` command line: schema, deploy, validate, users and demo."""
import shutil

import pytest
from sqlalchemy import inspect

from api import cli, create_app
from api.demo import DEMO_PASSWORD
from engine.instances import queries
from engine.persistence.db import make_engine
from engine.security import users
from engine.security.actors import ALL_ROLES
from tests.conftest import BPMN_DIR


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def test_db_upgrade_creates_the_schema_on_an_empty_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'nieuw.sqlite3'}"
    app = create_app({"TESTING": True, "DATABASE_URL": url})
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    app.extensions["levensloop"].session_factory.kw["bind"].dispose()
    assert result.exit_code == 0, result.output
    assert "Database bijgewerkt" in result.output
    engine = make_engine(url)
    assert {"process_instances", "tasks", "audit_events", "users"} <= set(inspect(engine).get_table_names())
    engine.dispose()


@pytest.fixture
def model_dir(tmp_path):
    folder = tmp_path / "modellen"
    folder.mkdir()
    for name in ("eng_call_parent.bpmn", "eng_call_child.bpmn"):
        shutil.copy(BPMN_DIR / name, folder / name)
    (folder / "LEESMIJ.txt").write_text("geen model")
    return folder


def test_deploy_a_directory(rt, runner, model_dir):
    result = runner.invoke(args=["deploy", str(model_dir)])
    assert result.exit_code == 0, result.output
    assert "eng_call_parent versie 1" in result.output
    assert sorted(m["id"] for m in queries.process_models(rt)) == ["eng_call_child", "eng_call_parent"]
    again = runner.invoke(args=["deploy", str(model_dir)])
    assert "(ongewijzigd)" in again.output


def test_deploy_refusal_exits_1_in_dutch(rt, runner):
    result = runner.invoke(args=["deploy", str(BPMN_DIR / "eng_refuse_handler.bpmn")])
    assert result.exit_code == 1
    assert "onbekende handler 'bestaat_niet'" in result.output and "faulty" in result.output
    assert queries.process_models(rt) == []


def test_validate_a_valid_file(runner):
    result = runner.invoke(args=["validate", str(BPMN_DIR / "eng_script_task.bpmn")])
    assert (result.exit_code, result.output.strip().splitlines()[-1]) == (0, "Geldig: eng_script_task")
    assert "Waarschuwing: eng_script_task.bpmn regel 7 check (Controleren): gebruikerstaak zonder formulier" in result.output


@pytest.mark.parametrize(("content", "words"), [
    (None, "onbekende handler"),
    ("<bpmn:definitions", "geen geldige XML"),
    ('<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>', "onveilige XML"),
])
def test_validate_an_invalid_file_exits_1_with_a_dutch_message(runner, tmp_path, content, words):
    path = BPMN_DIR / "eng_refuse_handler.bpmn"
    if content is not None:
        path = tmp_path / "fout.bpmn"
        path.write_text(content)
    result = runner.invoke(args=["validate", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("Fout: ")
    assert words in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not an uncaught error


def test_users_add_with_roles(rt, runner):
    result = runner.invoke(args=["users", "add", "anna", "--role", "aanmelder", "--role", "procesregisseur",
                                 "--region", "Utrecht"], input="geheim-genoeg\ngeheim-genoeg\n")
    assert result.exit_code == 0, result.output
    actor = users.authenticate(rt, "anna", "geheim-genoeg").actor
    assert (actor.roles, actor.region) == (frozenset({"aanmelder", "procesregisseur"}), "Utrecht")


@pytest.mark.parametrize(("args", "words"), [
    (["anna", "--password", "geheim-genoeg", "--role", "koning"], "koning"),
    (["anna", "--password", "x", "--role", "aanmelder"], "Wachtwoord"),
])
def test_users_add_refuses_bad_input_in_dutch(runner, args, words):
    result = runner.invoke(args=["users", "add", *args])
    assert result.exit_code == 1
    assert words in result.output and "Traceback" not in result.output


def test_users_add_twice_exits_1(runner):
    args = ["users", "add", "anna", "--password", "geheim-genoeg", "--role", "aanmelder"]
    runner.invoke(args=args)
    result = runner.invoke(args=args)
    assert result.exit_code == 1
    assert "bestaat al" in result.output


def test_demo_creates_a_user_for_every_role_and_deploys_processes(rt, runner):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    for role in sorted(ALL_ROLES):
        account = users.authenticate(rt, role, DEMO_PASSWORD)
        assert account is not None and account.actor.roles == frozenset({role}), role
    assert queries.process_models(rt), "demo deploys processes/"
    again = runner.invoke(args=["demo"])
    assert again.exit_code == 0 and "bestonden al" in again.output


def test_serve_starts_the_app_on_the_given_port(runner, app, monkeypatch):
    """`make run` ends in `levensloop serve`: it must hand this very app to a real server."""
    served = {}
    monkeypatch.setattr(cli, "run_simple", lambda host, port, application, **kw: served.update(
        host=host, port=port, app=application, threaded=kw.get("threaded")))
    result = runner.invoke(args=["serve", "--port", "5051"])
    assert result.exit_code == 0, result.output
    assert served == {"host": "127.0.0.1", "port": 5051, "app": app, "threaded": True}
