"""Deployed decisions for process owners: find one, describe its inputs, try it with given values.

A decision is found in the deployments holding the newest version of each process model (the
newest deployment wins when two hold the same decision id), parsed once per content.
"""
import json
from functools import lru_cache

from sqlalchemy import func, select

from engine.clock import clock_scope
from engine.decisions import inputs
from engine.decisions.errors import DecisionFailed
from engine.decisions.evaluate import evaluate
from engine.decisions.graph import closure
from engine.errors import Invalid, NotFound
from engine.persistence.tables import Deployment, ProcessVersion
from engine.process_models.deployments import latest_version
from engine.security import authorization
from engine.security.actors import Actor
from engine.spiff.bpmn_files import parse_models


def _require_owner(actor: Actor) -> None:
    authorization.require(actor, authorization.DECIDE)


@lru_cache(maxsize=64)
def _parsed(files_json: str) -> dict:
    return parse_models(json.loads(files_json)).decisions


def _decisions_of(deployment: Deployment) -> dict:
    files = {**deployment.resolved, **deployment.files}
    return _parsed(json.dumps({n: t for n, t in files.items() if n.endswith((".bpmn", ".dmn"))}, sort_keys=True))


def _deployed(session) -> dict:
    newest = (select(ProcessVersion.process_id, func.max(ProcessVersion.version).label("version"))
              .group_by(ProcessVersion.process_id).subquery())
    deployment_ids = select(ProcessVersion.deployment_id).join(
        newest, (ProcessVersion.process_id == newest.c.process_id) & (ProcessVersion.version == newest.c.version))
    found = {}
    for deployment in session.scalars(select(Deployment).where(Deployment.id.in_(deployment_ids)).order_by(Deployment.id)):
        found.update(_decisions_of(deployment))
    return found


def _graph(session, decision_id: str) -> dict:
    decisions = _deployed(session)
    if decision_id not in decisions:
        raise NotFound(f"Beslissing '{decision_id}' is niet gedeployed.")
    return closure(decisions, decision_id)


def describe(rt, decision_id: str, actor: Actor) -> dict:
    """A decision with the inputs a caller gives (for the form to try it) and its table."""
    _require_owner(actor)
    with rt.uow() as uow:
        graph = _graph(uow.session, decision_id)
    decision = graph[decision_id]
    return {"id": decision.id, "name": decision.name, "file": decision.file,
            "hit_policy": decision.table.hit_policy if decision.table else None,
            "aggregation": decision.table.aggregation if decision.table else None,
            "required": [graph[d].name for d in graph if d != decision_id],
            "inputs": [{"name": n.name, "label": n.label, "type": inputs.declared_type(n.type_ref)}
                       for n in inputs.needed(graph, decision_id)],
            "table": decision.table}


def try_decision(rt, decision_id: str, variables: dict, actor: Actor) -> dict:
    """Evaluate with ``variables``; missing or mistyped inputs and undecidable tables are Invalid (Dutch)."""
    _require_owner(actor)
    with rt.uow() as uow:
        graph = _graph(uow.session, decision_id)
    problems = inputs.problems(graph, decision_id, variables)
    if problems:
        raise Invalid(f"De invoer voor beslissing '{decision_id}' is niet compleet of niet juist.", problems)
    try:
        with clock_scope(rt.clock):  # a Python cell asking the time gets the engine clock, as in a step
            return evaluate(graph, decision_id, variables).to_dict()
    except DecisionFailed as err:
        raise Invalid(err.message, err.fields) from None


def of_process(rt, process_id: str, actor: Actor) -> list[dict]:
    """Decisions in the deployment of a process model's newest version, for its page (owners only)."""
    if not authorization.allows(actor, authorization.DECIDE):
        return []
    with rt.uow() as uow:
        version = latest_version(uow.session, process_id, required=False)
        if version is None:
            return []
        decisions = _decisions_of(uow.session.get(Deployment, version.deployment_id))
    return [{"id": d.id, "name": d.name} for d in sorted(decisions.values(), key=lambda d: d.id)]
