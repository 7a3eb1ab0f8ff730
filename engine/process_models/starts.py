"""Which deployed processes people start by hand ("Nieuwe zaak"), and the role that starts each.

A process the engine starts itself is never started bare: the process of a call activity (its caller
starts it), a cycle a casus chains to, and a casus process that chains on (the intake: registering a casus
starts it). Any other process is started by the role of the lane holding its start event; a start event
outside any lane may be started by any worker.
"""
from dataclasses import dataclass

from sqlalchemy import func, select

from engine.persistence.tables import ProcessVersion
from engine.process_models import version_cache
from engine.process_models.catalogue import Catalogue
from engine.process_models.references import ProcessRefs


@dataclass(frozen=True)
class ManualStart:
    id: str
    name: str
    lane: str | None


def _chains_to(refs: ProcessRefs) -> set[str]:
    return {(p.get("value") or "").strip() for p in refs.element.iter("{*}property") if p.get("name") == "chain_to"}


def _start_lane(refs: ProcessRefs) -> str | None:
    starts = {event.get("id") for event in refs.element.findall("{*}startEvent")}
    for lane in refs.element.iter("{*}lane"):
        if any((node.text or "").strip() in starts for node in lane.findall("{*}flowNodeRef")):
            return lane.get("name")
    return None


def casus_processes(session) -> set[str]:
    """The newest processes that belong to a casus: those that chain to a next cycle, and those chained to.
    They start by registering a casus (or by the chain), never bare."""
    found = set()
    for refs in _newest(session).values():
        chained = _chains_to(refs) - {""}
        found |= chained | ({refs.id} if chained else set())
    return found


def _newest(session) -> dict[str, ProcessRefs]:
    """The references of every process's newest version, parsed once per set of newest versions (a deploy
    makes a new set), so a start over the API does not parse every deployed file again."""
    newest = tuple(session.execute(select(ProcessVersion.process_id, func.max(ProcessVersion.id))
                                   .group_by(ProcessVersion.process_id).order_by(ProcessVersion.process_id)).all())

    def parse() -> dict[str, ProcessRefs]:
        catalogue = Catalogue(session, None)
        return {process_id: catalogue.deployment_set(catalogue.newest(process_id).deployment_id)["procs"][process_id]
                for process_id, _file, _text in catalogue.newest_processes()}

    return version_cache.cached(session, ("newest_process_refs", newest), parse)


def manual_starts(session) -> list[ManualStart]:
    """The newest deployed processes that are started by hand, with the lane that starts each."""
    newest = _newest(session)
    started_by_engine = set()
    for refs in newest.values():
        chained = _chains_to(refs)
        started_by_engine |= set(refs.calls) | chained | ({refs.id} if chained else set())
    return [ManualStart(pid, refs.name or pid, _start_lane(refs))
            for pid, refs in sorted(newest.items()) if pid not in started_by_engine]
