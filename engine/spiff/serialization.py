"""Workflow <-> JSON-able dict with SpiffWorkflow's spiff serializer, the specs left out.

A stored state holds the instance only (workflow data, tasks, subprocess instances); the process
spec is the version's, which the instance row names, and is put back on load from the per-version
cache as already-parsed objects (the serializer's ``restore`` passes objects through as they are).
States written before this still embed their spec dicts and load with them.
"""
import copy
from functools import lru_cache

from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG
from SpiffWorkflow.spiff.specs.defaults import BusinessRuleTask

from engine.spiff.decision_tasks import DecisionTaskConverter

SPEC_KEYS = ("spec", "subprocess_specs")


@lru_cache(maxsize=1)
def serializer() -> BpmnWorkflowSerializer:
    return BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure({**SPIFF_CONFIG, BusinessRuleTask: DecisionTaskConverter}))


def dump(workflow) -> dict:
    """The instance without its specs, tagged with the serializer version so old states can be migrated on load."""
    state = without_spec(serializer().to_dict(workflow))
    state[serializer().VERSION_KEY] = serializer().VERSION
    return state


def load(state: dict, script_engine, specs: tuple | None = None):
    """Rebuild a workflow from stored state and its version's ``(spec, subprocess_specs)``; the stored
    dict itself is never mutated. A state that embeds its spec needs no ``specs``."""
    state = copy.deepcopy(state)
    serializer().migrate(state)
    if not embeds_spec(state):
        state["spec"], state["subprocess_specs"] = specs
    workflow = serializer().from_dict(state)
    workflow.script_engine = script_engine
    return workflow


def embeds_spec(state: dict) -> bool:
    """Whether ``state`` was written before states referred to their version (it carries the spec)."""
    return "spec" in state


def without_spec(state: dict) -> dict:
    return {key: value for key, value in state.items() if key not in SPEC_KEYS}


def with_spec(state: dict, specs: tuple) -> dict:
    """``state`` as states were written before they referred to their version: with the spec dicts of
    ``specs`` embedded (a state written then keeps its own)."""
    if embeds_spec(state):
        return state
    spec, subprocess_specs = specs
    convert = serializer().to_dict
    return {**state, "spec": convert(spec), "subprocess_specs": {name: convert(s) for name, s in subprocess_specs.items()}}
