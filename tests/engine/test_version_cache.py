"""Form schemas are cached per deployed version and per database: never another database's form."""
import json
import shutil

import pytest

from engine.bootstrap import build_runtime
from engine.errors import Invalid
from engine.instances import service as instances
from engine.persistence.tables import ProcessVersion
from engine.process_models import deployments
from engine.process_models import service as model_service
from tests.conftest import ON_POSTGRES, OWNER, actor, bpmn_files

WORKER = actor("aanmelder")


def form_of(rt, name: str) -> dict:
    with rt.uow() as uow:
        version = uow.session.query(ProcessVersion).one()
        return deployments.form_file(uow.session, version.id, name)


@pytest.mark.skipif(ON_POSTGRES, reason="needs two databases")
def test_two_databases_with_the_same_version_id_each_validate_against_their_own_form(rt, _template_db, tmp_path):
    files = bpmn_files("user_task_lane.bpmn", "gegevens-schema.json")
    model_service.deploy(rt, files, OWNER)
    stricter = json.loads(files["gegevens-schema.json"])
    stricter["required"].append("toelichting")
    stricter["properties"]["toelichting"] = {"type": "string"}
    other_path = tmp_path / "other.sqlite3"
    shutil.copy(_template_db, other_path)
    other = build_runtime(f"sqlite:///{other_path}", clock=rt.clock)
    model_service.deploy(other, {**files, "gegevens-schema.json": json.dumps(stricter)}, OWNER)

    assert form_of(rt, "gegevens-schema.json")["required"] == ["naam", "datum"]
    assert form_of(other, "gegevens-schema.json")["required"] == ["naam", "datum", "toelichting"]
    data = {"naam": "Jansen", "datum": "2027-01-05"}
    task = instances.start(rt, "user_task_lane", {}, WORKER)["ready_tasks"][0]
    assert instances.complete_task(rt, task["id"], data, WORKER)["status"] == "completed"
    task = instances.start(other, "user_task_lane", {}, WORKER)["ready_tasks"][0]
    with pytest.raises(Invalid) as refused:
        instances.complete_task(other, task["id"], data, WORKER)
    assert refused.value.fields == {"toelichting": "Dit veld is verplicht."}
    other.session_factory.kw["bind"].dispose()


def test_a_form_the_version_does_not_have_is_none_and_stays_none(rt):
    model_service.deploy(rt, bpmn_files("user_task_lane.bpmn", "gegevens-schema.json"), OWNER)
    assert form_of(rt, "onbekend-schema.json") is None
    assert form_of(rt, "onbekend-schema.json") is None
    assert form_of(rt, "gegevens-schema.json")["title"] == "Gegevens"
