"""Lint of the flow in each process and subprocess: the server-side essentials of bpmnlint's recommended set
(start and end event required, no disconnected elements or flows, no implicit split or join, labelled and
conditional gateway flows) plus unreachable elements and dead ends.
"""
from collections import defaultdict

from lxml import etree

from engine.process_models.problems import problem
from engine.process_models.references import FLOW_NODES

SCOPES = ("process", "subProcess", "transaction", "adHocSubProcess")
GATEWAYS = {"exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway"}
CHOICE_GATEWAYS = {"exclusiveGateway", "inclusiveGateway"}


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def flow_findings(refs, found) -> None:
    """Append the flow findings of every scope of one process to ``found`` (errors and warnings)."""
    for scope in refs.element.iter():
        if _local(scope) in SCOPES and _local(scope) != "adHocSubProcess":
            _scope(refs.file, scope, found)


def _scope(file: str, scope, found) -> None:
    nodes = {el.get("id"): el for el in scope if _local(el) in FLOW_NODES and el.get("id")}
    flows = [el for el in scope if _local(el) == "sequenceFlow"]
    outgoing, incoming = defaultdict(list), defaultdict(list)
    for flow in flows:
        source, target = flow.get("sourceRef"), flow.get("targetRef")
        if source not in nodes or target not in nodes:
            found.errors.append(problem(file, "stroom is niet verbonden: bron of doel ontbreekt of ligt buiten dit "
                                              "(deel)proces", flow))
            continue
        outgoing[source].append(flow)
        incoming[target].append(flow)
    regular = {i: n for i, n in nodes.items() if not _is_event_subprocess(n)}
    kinds = {i: _local(n) for i, n in regular.items()}
    label = "deelproces" if _local(scope) != "process" else "proces"
    if "startEvent" not in kinds.values():
        found.errors.append(problem(file, f"het {label} heeft geen startgebeurtenis", scope))
    if "endEvent" not in kinds.values():
        found.errors.append(problem(file, f"het {label} heeft geen eindgebeurtenis", scope))
    for node_id, node in regular.items():
        kind = kinds[node_id]
        if not incoming[node_id] and not outgoing[node_id] and kind not in ("startEvent", "boundaryEvent"):
            found.errors.append(problem(file, "element is met niets verbonden", node))
        _splits_and_joins(file, node, kind, outgoing[node_id], incoming[node_id], found)
    _reachability(file, regular, kinds, outgoing, found, _ended_from_outside(scope, nodes))


def _ended_from_outside(scope, nodes: dict) -> bool:
    """A subprocess with an interrupting boundary event, or a scope with an event subprocess, may loop
    on purpose: something outside the flow ends it."""
    if any(_is_event_subprocess(n) for n in nodes.values()):
        return True
    siblings = scope.getparent() if _local(scope) != "process" else None
    return siblings is not None and any(
        _local(el) == "boundaryEvent" and el.get("attachedToRef") == scope.get("id") and el.get("cancelActivity") != "false"
        for el in siblings)


def _is_event_subprocess(node) -> bool:
    return _local(node) == "subProcess" and node.get("triggeredByEvent") == "true"


def _splits_and_joins(file, node, kind, out, into, found) -> None:
    if kind in CHOICE_GATEWAYS and len(out) > 1:
        default = node.get("default")
        for flow in out:
            if not (flow.get("name") or "").strip():
                found.warnings.append(problem(file, "uitgaande stroom van een keuze zonder label: zet de uitkomst "
                                                    "erbij (bijv. \"ja\" / \"nee\")", flow))
            if flow.get("id") != default and next(flow.iter("{*}conditionExpression"), None) is None:
                found.errors.append(problem(file, "uitgaande stroom van een gateway zonder voorwaarde en niet de "
                                                  "standaardstroom", flow))
    if kind in GATEWAYS and len(out) > 1 and len(into) > 1:
        found.warnings.append(problem(file, "gateway splitst en voegt tegelijk samen: gebruik twee gateways", node))
    if kind not in GATEWAYS and len(out) > 1:
        found.errors.append(problem(file, "impliciete splitsing: meerdere uitgaande stromen zonder gateway; "
                                            "gebruik een gateway", node))
    if kind not in GATEWAYS and len(into) > 1:
        found.warnings.append(problem(file, "impliciete samenvoeging: meerdere inkomende stromen zonder gateway; "
                                            "gebruik een gateway", node))


def _reachability(file, nodes, kinds, outgoing, found, ended_from_outside: bool) -> None:
    """No path from a start event: the element never runs. No path to an end event: a case gets stuck."""
    successors = {i: [f.get("targetRef") for f in outgoing[i]] for i in nodes}
    for node_id, node in nodes.items():
        host = node.get("attachedToRef") if kinds[node_id] == "boundaryEvent" else None
        if host in successors:
            successors[host].append(node_id)  # a boundary event runs when its host does
    starts = [i for i, k in kinds.items() if k == "startEvent"]
    reached = _closure(starts, successors)
    predecessors = defaultdict(list)
    for source, targets in successors.items():
        for target in targets:
            predecessors[target].append(source)
    ends = [i for i, k in kinds.items() if k == "endEvent"]
    finishing = _closure(ends, predecessors)
    for node_id, node in nodes.items():
        if starts and node_id not in reached:
            found.errors.append(problem(file, "onbereikbaar: geen pad vanaf een startgebeurtenis naar dit element", node))
        elif ends and not ended_from_outside and node_id in reached and node_id not in finishing:
            found.errors.append(problem(file, "doodlopend: vanaf dit element is geen eindgebeurtenis bereikbaar", node))


def _closure(roots: list, edges: dict) -> set:
    seen, todo = set(roots), list(roots)
    while todo:
        for nxt in edges.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
