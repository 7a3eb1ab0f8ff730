"""Workflow <-> JSON-able dict with SpiffWorkflow's spiff serializer."""
import copy
from functools import lru_cache

from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG
from SpiffWorkflow.spiff.specs.defaults import BusinessRuleTask

from engine.spiff.decision_tasks import DecisionTaskConverter


@lru_cache(maxsize=1)
def serializer() -> BpmnWorkflowSerializer:
    return BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure({**SPIFF_CONFIG, BusinessRuleTask: DecisionTaskConverter}))


def dump(workflow) -> dict:
    """Serialize, tagged with the serializer version so old states can be migrated on load."""
    state = serializer().to_dict(workflow)
    state[serializer().VERSION_KEY] = serializer().VERSION
    return state


def load(state: dict, script_engine, owned: bool = False):
    """Rebuild a workflow from stored state. Migrating and converting change the dict in place, so it is
    copied first unless the caller ``owned`` it (fresh from decryption and not used again)."""
    if not owned:
        state = copy.deepcopy(state)
    serializer().migrate(state)
    workflow = serializer().from_dict(state)
    workflow.script_engine = script_engine
    return workflow
