"""Replay rebuilds an instance from its trail through the live step code and reproduces every
state hash; the recorded model version is used even after a newer one was deployed."""
import copy

import pytest

from engine.audit import replay
from engine.errors import Forbidden, NotFound
from engine.persistence.tables import ProcessInstance
from engine.process_models import service as model_service
from tests.audit.conftest import AUDITOR, REGISSEUR, event_types, stored_event, tamper
from tests.conftest import OWNER, bpmn_files


@pytest.mark.parametrize("spoed", [True, False])
def test_every_kind_of_step_replays_verified(rt, scenario, outside, spoed):
    instance_id = scenario(spoed=spoed)
    lookups = outside["lookups"]
    types = event_types(rt, instance_id)
    assert types == (["started", "task_completed"] + ([] if spoed else ["task_completed"])
                     + ["message_delivered", "timer_fired", "incident", "retried", "task_completed"])
    result = replay.replay(rt, instance_id, AUDITOR)
    assert result["status"] == "verified", result
    assert (result["events"], result["replayed"]) == (len(types), len(types))
    assert (result["process_model"], result["version"], result["divergence"]) == ("audit_scenario", 1, None)
    assert outside["lookups"] == lookups  # replay used the recorded answer, not the outside world


def test_replay_uses_the_recorded_version_after_a_newer_one_is_deployed(rt, scenario):
    instance_id = scenario()
    files = bpmn_files("audit_scenario.bpmn", "audit-scenario-schema.json")
    files["audit_scenario.bpmn"] = files["audit_scenario.bpmn"].replace('"P1D"', '"P2D"')
    assert model_service.deploy(rt, files, OWNER).version == 2
    result = replay.replay(rt, instance_id, AUDITOR)
    assert (result["status"], result["version"]) == ("verified", 1)


def test_a_different_recorded_service_result_diverges_at_that_event(rt, scenario):
    instance_id = scenario()

    def change(session):  # rewrite the handler's answer and keep the chain consistent-looking
        event = stored_event(session, instance_id, 2)
        inputs = copy.deepcopy(event.inputs)
        inputs["service_calls"][0]["result"]["opvraging"] = 99
        event.inputs = inputs

    tamper(rt, change)
    result = replay.replay(rt, instance_id, AUDITOR)
    assert result["status"] == "broken"
    assert (result["chain_break"]["seq"], result["chain_break"]["kind"]) == (2, "inputs_changed")
    divergence = result["divergence"]
    assert (divergence["seq"], divergence["type"], divergence["kind"]) == (2, "task_completed", "hash_mismatch")
    assert divergence["expected"] != divergence["actual"]
    assert result["replayed"] == 1


@pytest.mark.parametrize("inputs, kind", [
    (None, "not_replayable"),                       # inputs blanked (a retention purge)
    ({"type": "complete_task", "task_position": 999}, "not_replayable"),
    ({"type": "teleport"}, "step_failed"),          # a command no engine version knows
    ({"type": "message", "name": "onbekend"}, "step_failed"),
])
def test_a_corrupted_trail_gives_a_clear_report_not_a_traceback(rt, scenario, inputs, kind):
    instance_id = scenario()
    tamper(rt, lambda session: setattr(stored_event(session, instance_id, 3), "inputs", inputs))
    result = replay.replay(rt, instance_id, AUDITOR)
    assert result["status"] in ("broken", "diverged")
    assert (result["divergence"]["seq"], result["divergence"]["kind"]) == (3, kind)
    assert "gebeurtenis 3" in result["divergence"]["message"].lower()


def test_replaying_does_not_touch_the_instance(rt, scenario):
    instance_id = scenario()
    with rt.uow() as uow:
        before = uow.session.get(ProcessInstance, instance_id).lock_version
    replay.replay(rt, instance_id, AUDITOR)
    with rt.uow() as uow:
        assert uow.session.get(ProcessInstance, instance_id).lock_version == before


def test_only_auditors_replay_and_unknown_instances_are_not_found(rt, scenario):
    instance_id = scenario()
    with pytest.raises(Forbidden):
        replay.replay(rt, instance_id, REGISSEUR)
    with pytest.raises(NotFound):
        replay.replay(rt, "bestaat-niet", AUDITOR)
