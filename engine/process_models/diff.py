"""What changed between two versions of a process model: flow nodes added, removed or changed.

A process owner deciding whether running instances may stay on the old version wants to see the
difference as BPMN elements, not as an XML text diff. A node counts as changed when its name, type,
lane, outgoing flows (target and condition) or anything else it holds (forms, scripts, timers,
service calls) differ; diagram layout (BPMN DI) is ignored.
"""
from dataclasses import dataclass

from lxml import etree

from engine.process_models.references import FLOW_NODES
from engine.spiff.bpmn_files import check_safe_xml

# children that belong to the graph around a node, compared separately (or not at all)
NOT_SETTINGS = FLOW_NODES | {"sequenceFlow", "laneSet", "incoming", "outgoing", "association", "textAnnotation"}


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    type: str
    lane: str | None
    outgoing: tuple
    settings: bytes


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _settings(element) -> bytes:
    """The node's own XML without the graph around it, in canonical form."""
    copy = etree.fromstring(etree.tostring(element))
    for child in list(copy):
        if _local(child) in NOT_SETTINGS or not isinstance(child.tag, str):
            copy.remove(child)
    for key in ("id", "name"):
        copy.attrib.pop(key, None)
    copy.tag = "node"  # the type is compared on its own
    return etree.tostring(copy, method="c14n")


def flow_nodes(xml: str, process_id: str) -> dict[str, Node]:
    """The flow nodes of one process (subprocesses included), by BPMN id."""
    tree = check_safe_xml(f"{process_id}.bpmn", xml)
    processes = tree.xpath("//*[local-name()='process'][@id=$pid]", pid=process_id)
    if not processes:
        return {}
    process = processes[0]
    lanes = {ref.text.strip(): lane.get("name") or lane.get("id")
             for lane in process.iter("{*}lane") for ref in lane.iter("{*}flowNodeRef") if ref.text}
    flows: dict[str, list] = {}
    for flow in process.iter("{*}sequenceFlow"):
        condition = "".join(c.text or "" for c in flow.iter("{*}conditionExpression")).strip()
        flows.setdefault(flow.get("sourceRef"), []).append((flow.get("targetRef"), condition))
    return {
        el.get("id"): Node(el.get("id"), el.get("name") or "", _local(el), lanes.get(el.get("id")),
                           tuple(sorted(flows.get(el.get("id"), []))), _settings(el))
        for el in process.iter() if _local(el) in FLOW_NODES and el.get("id")
    }


def _aspects(old: Node, new: Node) -> list[str]:
    checks = [("naam", old.name != new.name), ("soort", old.type != new.type), ("rol", old.lane != new.lane),
              ("uitgaande stromen", old.outgoing != new.outgoing), ("instellingen", old.settings != new.settings)]
    return [aspect for aspect, differs in checks if differs]


def _brief(node: Node) -> dict:
    return {"id": node.id, "name": node.name, "type": node.type, "lane": node.lane}


def diff(old_xml: str, new_xml: str, process_id: str) -> dict[str, list[dict]]:
    """Added, removed and changed flow nodes from ``old_xml`` to ``new_xml``, each sorted by id."""
    old, new = flow_nodes(old_xml, process_id), flow_nodes(new_xml, process_id)
    changed = []
    for node_id in sorted(old.keys() & new.keys()):
        aspects = _aspects(old[node_id], new[node_id])
        if aspects:
            changed.append({**_brief(new[node_id]), "aspects": aspects})
    return {"added": [_brief(new[i]) for i in sorted(new.keys() - old.keys())],
            "removed": [_brief(old[i]) for i in sorted(old.keys() - new.keys())],
            "changed": changed}
