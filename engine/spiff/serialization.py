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


def load(state: dict, script_engine):
    """Rebuild a workflow from stored state; the stored dict itself is never mutated."""
    state = copy.deepcopy(state)
    serializer().migrate(state)
    workflow = serializer().from_dict(state)
    workflow.script_engine = script_engine
    return workflow
