"""Workflow <-> JSON-able dict with SpiffWorkflow's spiff serializer; the spec by reference.

A stored state holds the instance (workflow data, tasks, subprocess instances) and, as long as its
spec is still the version's as parsed, not the spec: that comes from the version the instance row
names. SpiffWorkflow changes a running workflow's spec objects (an event-triggered subprocess is
connected to the start task when it first starts), so every workflow gets spec objects of its own,
restored from the version's serialized spec, and a state whose spec was changed that way keeps it
embedded. States written before this embed their spec too and load with it.
"""
import copy
import json
import logging
import pickle
from functools import lru_cache

from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG
from SpiffWorkflow.spiff.specs.defaults import BusinessRuleTask

from engine.spiff.decision_tasks import DecisionTaskConverter

SPEC_KEYS = ("spec", "subprocess_specs")
log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def serializer() -> BpmnWorkflowSerializer:
    return BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure({**SPIFF_CONFIG, BusinessRuleTask: DecisionTaskConverter}))


def serialized_specs(spec, subprocess_specs) -> str:
    """A version's specs as one JSON text (what a state leaves out when its spec is unchanged)."""
    convert = serializer().to_dict
    return _encoded({"spec": convert(spec), "subprocess_specs": {n: convert(s) for n, s in subprocess_specs.items()}})


def _encoded(spec_dicts: dict) -> str:
    return json.dumps(spec_dicts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@lru_cache(maxsize=64)
def _spec_dicts(version_specs: str) -> dict:
    """The version's spec dicts, to compare with (never to restore from: restoring changes what it is given)."""
    return json.loads(version_specs)


def fresh_specs(version_specs: str) -> tuple:
    """New ``(spec, subprocess_specs)`` objects of a version, for one workflow to run on."""
    pickled = _pickled_specs(version_specs)
    return pickle.loads(pickled) if pickled is not None else _restored_specs(version_specs)


def _restored_specs(version_specs: str) -> tuple:
    dicts = json.loads(version_specs)
    restore = serializer().from_dict
    return restore(dicts["spec"]), {name: restore(s) for name, s in dicts["subprocess_specs"].items()}


@lru_cache(maxsize=64)
def _pickled_specs(version_specs: str) -> bytes | None:
    """A version's spec objects, restored once and pickled: unpickling gives each workflow objects of its own
    in a third of the time restoring them from JSON takes. Only our own objects, and only in this process's
    memory (never stored, never read from outside); None for a spec that does not pickle."""
    try:
        return pickle.dumps(_restored_specs(version_specs), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError) as err:
        log.info("spec not pickled, restored from JSON per workflow (%s)", err)
        return None


def dump(workflow, version_specs: str) -> dict:
    """The instance, without its spec if that is still ``version_specs``; tagged with the serializer
    version so old states can be migrated on load."""
    state = serializer().to_dict(workflow)
    version = _spec_dicts(version_specs)
    if all(state[key] == version[key] for key in SPEC_KEYS):
        state = without_spec(state)
    state[serializer().VERSION_KEY] = serializer().VERSION
    return state


def load(state: dict, script_engine, version_specs: str | None = None, owned: bool = False):
    """Rebuild a workflow from stored state, on the spec of its version unless it embeds its own (then
    ``version_specs`` may be None). Migrating and converting change the dict in place, so it is copied first
    unless the caller ``owned`` it (fresh from decryption and not used again)."""
    if not owned:
        state = copy.deepcopy(state)
    serializer().migrate(state)
    if not embeds_spec(state):  # spec objects in place of their dicts: the converter passes objects through
        state["spec"], state["subprocess_specs"] = fresh_specs(version_specs)
    workflow = serializer().from_dict(state)
    workflow.script_engine = script_engine
    return workflow


def embeds_spec(state: dict) -> bool:
    return "spec" in state


def without_spec(state: dict) -> dict:
    return {key: value for key, value in state.items() if key not in SPEC_KEYS}


def with_spec(state: dict, version_specs: str) -> dict:
    """``state`` as states were written before they referred to their version: with its spec embedded
    (a state that embeds its own keeps it)."""
    return state if embeds_spec(state) else {**state, **json.loads(version_specs)}


def workflow_specs(workflow) -> str:
    """The specs of a running workflow, as they are now."""
    return serialized_specs(workflow.spec, workflow.subprocess_specs)
