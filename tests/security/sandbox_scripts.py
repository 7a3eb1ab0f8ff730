"""Run one script in the sec_script.bpmn model and check how the sandbox refused it."""
from xml.sax.saxutils import escape

from engine.instances import service as instances
from engine.process_models import service as model_service
from tests.conftest import OWNER, actor, bpmn_files

WORKER = actor("procesregisseur")
PLACEHOLDER = 'resultaat = "klaar"'


def run_script(rt, script: str) -> dict:
    """Deploy sec_script.bpmn with ``script`` in its script task and start an instance."""
    [(name, text)] = bpmn_files("sec_script.bpmn").items()
    model_service.deploy(rt, {name: text.replace(PLACEHOLDER, escape(script))}, OWNER)
    return instances.start(rt, "sec_script", {"naam": "J. Jansen"}, WORKER)


def assert_refused(view: dict, reason: str, kind="Script", element="Script_Onveilig"):
    assert view["status"] == "error"
    assert view["incident"]["element"] == element
    assert view["incident"]["message"].startswith(f"{kind} in {element} geweigerd: "), view["incident"]
    assert reason in view["incident"]["message"]
    assert "bezocht" not in view["data"]  # the refused code never ran, not even its first line
