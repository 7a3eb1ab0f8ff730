"""DMN files from any modeler: every DMN namespace, SpiffArena's Python tables, and what deploy refuses."""
import pytest

from engine.decisions.evaluate import evaluate
from engine.errors import DeployRefused
from engine.process_models import service as model_service
from engine.spiff.bpmn_files import parse_models
from tests.conftest import OWNER, bpmn_files
from tests.decisions.conftest import files

NAMESPACES = {
    "1.1": "http://www.omg.org/spec/DMN/20151101/dmn.xsd", "1.2": "http://www.omg.org/spec/DMN/20180521/MODEL/",
    "1.3": "https://www.omg.org/spec/DMN/20191111/MODEL/", "1.4": "https://www.omg.org/spec/DMN/20211108/MODEL/",
    "1.5": "https://www.omg.org/spec/DMN/20230324/MODEL/",
}


def dmn(*decisions: str, version: str = "1.3", language: str | None = None) -> str:
    lang = f' expressionLanguage="{language}"' if language else ""
    return (f'<definitions xmlns="{NAMESPACES[version]}" id="defs" name="Test" namespace="http://test"{lang}>'
            + "".join(decisions) + "</definitions>")


def table(decision_id: str, *rules: tuple[str, str], hit: str = "UNIQUE", extra: str = "", required: str = "",
          output: str = '<output id="o" name="uitkomst" typeRef="string"/>') -> str:
    requirement = (f'<informationRequirement id="ir_{decision_id}"><requiredDecision href="#{required}"/>'
                   '</informationRequirement>') if required else ""
    body = "".join(f'<rule id="{decision_id}_r{n}"><inputEntry id="{decision_id}_i{n}"><text>{i}</text></inputEntry>'
                   f'<outputEntry id="{decision_id}_o{n}"><text>{o}</text></outputEntry></rule>'
                   for n, (i, o) in enumerate(rules, 1))
    return (f'<decision id="{decision_id}" name="{decision_id}">{requirement}<decisionTable id="t_{decision_id}" '
            f'hitPolicy="{hit}"{extra}><input id="i" label="Score"><inputExpression id="ie" typeRef="number">'
            f'<text>score</text></inputExpression></input>{output}{body}</decisionTable></decision>')


def decisions_of(text: str):
    return parse_models({"test.dmn": text}).decisions


@pytest.mark.parametrize("version", sorted(NAMESPACES))
def test_every_dmn_version_is_read(version):
    decisions = decisions_of(dmn(table("d", ("&lt; 5", '"laag"'), ("&gt;= 5", '"hoog"')), version=version))
    assert evaluate(decisions, "d", {"score": 7}).outputs == {"uitkomst": "hoog"}


def test_the_existing_spiffarena_style_table_keeps_working():
    decisions = parse_models(bpmn_files("eng_dmn.dmn")).decisions
    assert evaluate(decisions, "eng_urgentie", {"score": 12}).outputs == {"urgentie": "hoog"}


@pytest.mark.parametrize("language", [None, "python"])
def test_python_tables_as_spiffarena_writes_them(language):
    text = dmn(table("py", ("in [1, 2]", "'laag'"), ("&gt; 2", "'hoog' if score &lt; 10 else 'zeer hoog'"),
                     ("", "'geen'"), hit="FIRST"), language=language)
    decisions = decisions_of(text)
    assert decisions["py"].table.language == "python"
    assert [evaluate(decisions, "py", {"score": s}).outputs["uitkomst"] for s in (1, 5, 12, 0)] == [
        "laag", "hoog", "zeer hoog", "geen"]


def test_a_table_that_is_valid_feel_is_read_as_feel():
    assert decisions_of(dmn(table("f", ("[1..2]", '"laag"'))))["f"].table.language == "feel"


def refused(files_: dict[str, str], rt) -> DeployRefused:
    with pytest.raises(DeployRefused) as err:
        model_service.deploy(rt, files_, OWNER)
    return err.value


def with_process(text: str) -> dict[str, str]:
    return {"test.dmn": text, **bpmn_files("eng_dmn.bpmn"), "eng_dmn.dmn": bpmn_files("eng_dmn.dmn")["eng_dmn.dmn"]}


@pytest.mark.parametrize(("text", "element", "words"), [
    (dmn(table("d", ("&lt; 5", "foo(score)"))), "d_r1",
     "beslissing 'd', regel 1 (d_r1), uitvoer 'uitkomst': 'foo(score)' is geen ondersteunde FEEL: onbekende FEEL-functie 'foo'"),
    (dmn(table("d", ("[1..", '"x"'))), "d_r1", "regel 1 (d_r1), invoer 'Score': '[1..' is geen ondersteunde FEEL"),
    (dmn(table("d", ("1", '"x"'), hit="SOMETIMES")), "d", "onbekend hitPolicy 'SOMETIMES'"),
    (dmn(table("d", ("1", '"x"'), hit="FIRST", extra=' aggregation="SUM"')), "d", "bij hitPolicy COLLECT"),
    (dmn(table("d", ("1", '"x"'), hit="PRIORITY")), "d", "outputValues"),
    (dmn(table("d", ("1", '"x"')), language="https://www.omg.org/spec/JUEL"), "d", "expressietaal"),
    (dmn(table("d", ("1", '"x"')).replace('<inputEntry id="d_i1">', '<inputEntry id="d_i1" expressionLanguage="juel">')),
     "d", "expressietaal 'juel' wordt niet ondersteund"),
    (dmn(table("d", ("1", '"x"')).replace('<inputEntry id="d_i1">', '<inputEntry id="d_i1" expressionLanguage="juel">'),
         language="https://www.omg.org/spec/DMN/20191111/FEEL/"), "d", "cellen met verschillende expressietalen"),
    (dmn(table("a", ("1", '"x"'), required="b"), table("b", ("1", '"x"'), required="a")), "a",
     "in een kring: a → b → a"),
    (dmn(table("a", ("1", '"x"'), required="niet_er")), "a", "vereist beslissing 'niet_er', die niet bestaat"),
    (dmn(table("eng_urgentie", ("1", '"x"'))), "eng_urgentie", "is al gedefinieerd in een ander bestand van de upload"),
    (dmn('<decision id="ctx" name="Context"><context id="c"/></decision>'), "ctx",
     "alleen beslistabellen en literal expressions"),
    ("<beslissing/>", None, "geen DMN-bestand"),
])
def test_unsupported_constructs_are_refused_at_deploy_naming_decision_and_rule(rt, text, element, words):
    err = refused(with_process(text), rt)
    [problem] = err.errors
    assert problem["element_id"] == element
    assert words in problem["message"]
    assert err.message.startswith(problem["file"])


def test_a_business_rule_task_calling_an_unknown_decision_is_refused(rt):
    err = refused({**bpmn_files("eng_dmn.bpmn"), "test.dmn": dmn(table("iets_anders", ("1", '"x"')))}, rt)
    assert "beslissing 'eng_urgentie' bestaat niet" in err.message


def test_the_same_decision_in_two_files_is_read_once():
    same = bpmn_files("eng_dmn.dmn")["eng_dmn.dmn"]
    assert list(parse_models({"a.dmn": same, "b.dmn": same}).decisions) == ["eng_urgentie"]


def test_a_camunda_file_with_several_decisions_deploys(rt):
    result = model_service.deploy(rt, files("regie_advies.bpmn", "regie_drg.dmn", "hit_policies.dmn",
                                            "feel_constructs.dmn"), OWNER)
    assert (result.process_id, result.created) == ("regie_advies", True)
