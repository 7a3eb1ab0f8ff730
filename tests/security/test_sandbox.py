"""Scripts and expressions in a model run sandboxed: escapes end as an incident naming the element."""
import threading

import pytest

from engine.instances import worklist_query
from engine.instances import service as instances
from engine.process_models import service as model_service
from engine.spiff.sandbox import SandboxEnvironment, SandboxViolation
from tests.conftest import OWNER, bpmn_files
from tests.security.sandbox_scripts import WORKER, assert_refused, run_script


@pytest.mark.parametrize("attack, reason", [
    ("import os\nos.system('touch /tmp/levensloop-pwned')", "import is niet toegestaan"),
    ("from subprocess import run", "import is niet toegestaan"),
    ("import socket\nsocket.create_connection(('127.0.0.1', 9))", "import is niet toegestaan"),
    ("inhoud = open('/etc/passwd').read()", "'open' is niet toegestaan"),
    ("os = __import__('os')", "'__import__' is niet toegestaan"),
    ("klassen = ().__class__.__bases__[0].__subclasses__()", "namen die met '_' beginnen zijn verboden"),
    ("k = getattr((), '__cla' + 'ss__')", "'getattr' is niet toegestaan"),
    ("k = '{0.__class__}'.format(1)", "'format' is niet toegestaan"),
    ("g = (i for i in [1])\nf = g.gi_frame.f_back", "'f_back' is niet toegestaan"),
    ("k = vars()", "'vars' is niet toegestaan"),
    ("k = type(naam)", "'type' is niet toegestaan"),
    ("k = eval('1')", "'eval' is niet toegestaan"),
    ("class Ontsnapping:\n    pass", "klassen definiëren is niet toegestaan"),
    ("stap = datetime.mro()[1].now()", "'mro' is niet toegestaan"),
])
def test_escape_attempts_become_an_incident_naming_the_element(rt, attack, reason):
    view = run_script(rt, "bezocht = True\n" + attack)
    assert_refused(view, reason)


def test_runaway_loop_is_stopped_by_the_time_limit(rt):
    assert_refused(run_script(rt, "bezocht = True\nwhile True:\n    pass"), "tijdslimiet overschreden")


def test_a_loop_cannot_swallow_the_time_limit(rt):
    script = "bezocht = True\nwhile True:\n    try:\n        pass\n    except:\n        pass"
    assert_refused(run_script(rt, script), "tijdslimiet overschreden")


def test_time_limit_works_outside_the_main_thread():
    outcome = []

    def worker():
        try:
            SandboxEnvironment().execute("while True: pass", {})
        except SandboxViolation as err:
            outcome.append(err.reason)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=60)
    assert outcome and "tijdslimiet" in outcome[0]


def test_huge_range_is_refused(rt):
    assert_refused(run_script(rt, "bezocht = True\ntotaal = sum(range(10 ** 12))"), "range met meer dan")


def test_scripts_may_only_leave_json_data(rt):
    view = run_script(rt, "bezocht = True\nmoment = now()")
    assert_refused(view, "gegevens moeten JSON zijn, maar moment is van type datetime")


def test_refused_gateway_condition_names_the_gateway(rt):
    [(name, text)] = bpmn_files("sec_gateway.bpmn").items()
    model_service.deploy(rt, {name: text.replace("akkoord == True", "().__class__ is None")}, OWNER)
    view = instances.start(rt, "sec_gateway", {"akkoord": True}, WORKER)
    assert_refused(view, "'__class__' is niet toegestaan", kind="Expressie", element="Gateway_Keuze")


def test_gateway_condition_still_evaluates(rt, deploy):
    deploy("sec_gateway.bpmn")
    view = instances.start(rt, "sec_gateway", {"akkoord": True}, WORKER)
    assert view["status"] == "completed"


def test_legit_script_computes_with_data_and_the_engine_clock(rt, deploy, clock):
    deploy("sec_dates.bpmn")
    signalen = [{"soort": "politie", "score": 6}, {"soort": "zorg", "score": 5}]
    view = instances.start(rt, "sec_dates", {"geboortedatum": "1990-06-15", "signalen": signalen}, WORKER)
    assert view["status"] == "running", view["incident"]
    data = view["data"]
    # SimulatedClock starts at 2027-01-04 09:00 UTC: the script saw that, not the wall clock
    assert data["leeftijd"] == 36 and data["totaal_score"] == 11 and data["urgent"] is True
    assert data["termijn"] == "2027-01-11"
    assert data["soorten"] == ["politie", "zorg"]
    assert [s["positie"] for s in data["signalen"]] == [1, 2]
    assert "geboren" not in data and "vandaag" not in data
    [task] = worklist_query.worklist(rt, WORKER).page.items
    assert (task["element"], task["due_date"]) == ("Task_Spoed", "2027-01-11")


def test_wall_clock_is_not_reachable_from_scripts(rt, clock):
    view = run_script(rt, "a = datetime.now().isoformat()\nb = datetime.today().isoformat()\n"
                          "c = date.today().isoformat()\nd = now().date().today().isoformat()\n"
                          "e = datetime.utcnow().isoformat()")
    assert view["status"] == "completed", view["incident"]
    data = view["data"]
    assert data["a"] == data["b"] == data["e"] == "2027-01-04T09:00:00"
    assert data["c"] == data["d"] == "2027-01-04"
