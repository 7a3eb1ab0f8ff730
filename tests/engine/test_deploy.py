"""Deploying: refusals name the file or element and store nothing; versions are immutable and
numbered, identical content is a no-op, and running instances stay on their version."""
import pytest

from engine.errors import DeployRefused, Forbidden
from engine.instances import queries
from engine.instances import service as instances
from engine.process_models import service as model_service
from tests.conftest import OWNER, bpmn_files
from tests.engine.conftest import WORKER

BPMN_NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"'
XXE = f"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>
<bpmn:definitions {BPMN_NS} id="d"><bpmn:process id="p" isExecutable="true">&geheim;</bpmn:process></bpmn:definitions>"""
LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<bpmn:definitions {BPMN_NS} id="d"><bpmn:process id="p" isExecutable="true" name="&lol3;"/></bpmn:definitions>"""


def refusal(rt, files) -> DeployRefused:
    with pytest.raises(DeployRefused) as err:
        model_service.deploy(rt, files, OWNER)
    assert queries.process_models(rt) == []
    return err.value


@pytest.mark.parametrize(("name", "text"), [
    ("kapot.bpmn", f"<bpmn:definitions {BPMN_NS}><bpmn:process"),
    ("geen_xml.bpmn", "dit is geen XML"),
    ("xxe.bpmn", XXE),
    ("lachsalvo.bpmn", LAUGHS),
    ("geen_dmn.dmn", "<beslissing/>"),
])
def test_unparseable_or_unsafe_xml_is_refused_naming_the_file(rt, name, text):
    err = refusal(rt, {name: text})
    assert err.errors[0]["file"] == name
    assert name in err.message


def test_unsafe_xml_is_called_unsafe(rt):
    assert "onveilige XML" in refusal(rt, {"xxe.bpmn": XXE}).message
    assert "onveilige XML" in refusal(rt, {"lachsalvo.bpmn": LAUGHS}).message


@pytest.mark.parametrize(("files", "element", "words"), [
    (["eng_refuse_handler.bpmn"], "faulty", "bestaat_niet"),
    (["eng_refuse_form.bpmn"], "faulty", "eng_ontbreekt-schema.json"),
    (["eng_refuse_schema.bpmn", "eng_ongeldig-schema.json"], "faulty", "eng_ongeldig-schema.json"),
    (["eng_refuse_timer.bpmn"], "faulty", "PT1X"),
])
def test_model_problems_are_refused_naming_the_element(rt, files, element, words):
    err = refusal(rt, bpmn_files(*files))
    [problem] = err.errors
    assert (problem["file"], problem["element_id"]) == (files[0], element)
    assert words in problem["message"]


def test_only_a_process_owner_may_deploy(rt):
    with pytest.raises(Forbidden):
        model_service.deploy(rt, bpmn_files("eng_script_task.bpmn"), WORKER)


def test_identical_content_returns_the_existing_version(deploy):
    first = deploy("eng_script_task.bpmn")
    again = deploy("eng_script_task.bpmn")
    assert (first.version, first.created) == (1, True)
    assert (again.process_id, again.version, again.created) == ("eng_script_task", 1, False)


def test_changed_content_is_a_new_version_and_old_instances_keep_theirs(rt, deploy, complete):
    deploy("eng_script_task.bpmn")
    old = instances.start(rt, "eng_script_task", {"a": 1, "b": 2}, WORKER)
    changed = bpmn_files("eng_script_task.bpmn")
    changed["eng_script_task.bpmn"] = changed["eng_script_task.bpmn"].replace('f"som {total}"', 'f"totaal {total}"')
    result = model_service.deploy(rt, changed, OWNER)
    assert (result.version, result.created) == (2, True)
    assert queries.process_model(rt, "eng_script_task")["latest_version"] == 2

    new = instances.start(rt, "eng_script_task", {"a": 1, "b": 2}, WORKER)
    assert (new["version"], new["data"]["label"]) == (2, "totaal 3")
    old = queries.get_instance(rt, old["id"], WORKER)
    assert (old["version"], old["data"]["label"]) == (1, "som 3")
    assert complete(old, "check")["status"] == "completed"
