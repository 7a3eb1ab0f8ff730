"""The state as of any event, rebuilt by replaying the events up to it: what the auditor's
step-through view shows (data, ready tasks with lane, active and completed elements)."""
import pytest

from engine.audit import replay
from engine.errors import Conflict, Forbidden, NotFound
from tests.audit.conftest import AUDITOR, REGISSEUR, START_DATA, stored_event, tamper


def test_after_the_start_only_the_intake_is_ready(rt, scenario):
    state = replay.state_at(rt, scenario(), 1, AUDITOR)
    assert (state["seq"], state["event"]["type"], state["status"]) == (1, "started", "running")
    assert state["data"] == START_DATA
    assert state["ready_tasks"] == [{"name": "Aanmelding invullen", "element": "intake", "lane": "aanmelder"}]
    assert (state["active_elements"], state["completed_elements"]) == (["intake"], ["start"])


def test_after_the_intake_the_gateway_took_the_urgent_path_with_the_recorded_lookup(rt, scenario):
    state = replay.state_at(rt, scenario(spoed=True), 2, AUDITOR)
    assert state["data"]["opgezocht"] == {"regio": "Gelderland-Zuid", "opvraging": 1}
    assert state["ready_tasks"] == []
    assert state["active_elements"] == ["wacht_signaal"]
    assert {"intake", "spoed_gw", "opzoeken"} <= set(state["completed_elements"])
    assert "beoordelen" not in state["completed_elements"]


def test_the_incident_shows_the_failed_element_and_the_retry_moves_on(rt, scenario):
    instance_id = scenario()
    incident = replay.state_at(rt, instance_id, 5, AUDITOR)
    assert (incident["event"]["type"], incident["status"], incident["active_elements"]) == (
        "incident", "error", ["controleren"])
    retried = replay.state_at(rt, instance_id, 6, AUDITOR)
    assert retried["data"]["controle"]["geregistreerd"] is True
    assert retried["ready_tasks"] == [{"name": "Afronden", "element": "afronden", "lane": "procesregisseur"}]
    done = replay.state_at(rt, instance_id, 7, AUDITOR)
    assert (done["status"], done["active_elements"], "end" in done["completed_elements"]) == ("completed", [], True)


@pytest.mark.parametrize("seq", [0, 8, -1])
def test_an_event_that_does_not_exist_is_not_found(rt, scenario, seq):
    with pytest.raises(NotFound):
        replay.state_at(rt, scenario(), seq, AUDITOR)


def test_a_state_beyond_a_divergence_is_refused_with_the_reason(rt, scenario):
    instance_id = scenario()
    tamper(rt, lambda session: setattr(stored_event(session, instance_id, 2), "inputs", {"type": "teleport"}))
    assert replay.state_at(rt, instance_id, 1, AUDITOR)["status"] == "running"
    with pytest.raises(Conflict, match="Gebeurtenis 2"):
        replay.state_at(rt, instance_id, 3, AUDITOR)


def test_only_auditors_step_through_a_case(rt, scenario):
    with pytest.raises(Forbidden):
        replay.state_at(rt, scenario(), 1, REGISSEUR)
