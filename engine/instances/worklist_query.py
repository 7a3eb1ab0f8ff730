"""The worklist: ready tasks in the caller's lanes of cases the caller may see, filtered, sorted and paged in
SQL, with the Dutch name of each task's process and the number of overdue tasks."""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, or_, select

from engine.instances.queries import task_view
from engine.local_time import LOCAL_ZONE
from engine.persistence import pages
from engine.persistence.pages import Page, PageRequest
from engine.persistence.tables import Casus, ProcessInstance, WorkTask
from engine.process_models import element_names
from engine.security import scope
from engine.security.actors import Actor

#: Due dates are ISO text; as a sort key a date ends its day ("T24:00") and a date-time (written in Dutch time,
#: as the models compute them) counts to the minute, so both compare as text, in the database.
DUE = case((func.length(WorkTask.due_date) == 10, WorkTask.due_date + "T24:00"),
           else_=func.substr(WorkTask.due_date, 1, 16))
SORTS = {
    "created": (WorkTask.created_at, WorkTask.id),
    "-created": (WorkTask.created_at.desc(), WorkTask.id),
    "due": (WorkTask.due_date.is_(None), DUE, WorkTask.created_at, WorkTask.id),
    "process": (WorkTask.process_id, WorkTask.created_at, WorkTask.id),
}
HOLDERS = ("mij", "vrij")  # held by the caller; held by nobody


@dataclass(frozen=True)
class WorklistFilter:
    process_instance: str | None = None
    casus: str | None = None  # pseudonym or id
    lane: str | None = None
    process: str | None = None  # the (sub)process the task is in
    overdue: bool = False
    holder: str | None = None  # one of HOLDERS
    sort: str = "created"  # one of SORTS


@dataclass(frozen=True)
class Worklist:
    page: Page
    overdue: int  # among all the caller's tasks under the same lane and case filters
    processes: dict  # (sub)process id → Dutch name, of every process the caller has tasks in


def worklist(rt, actor: Actor, filters: WorklistFilter = WorklistFilter(), page: PageRequest = PageRequest()) -> Worklist:
    visible = _visible(actor, filters)
    query = select(WorkTask).where(*visible).order_by(*SORTS[filters.sort])
    if filters.process:
        query = query.where(WorkTask.process_id == filters.process)
    if filters.overdue:
        query = query.where(overdue_clause(rt.clock.now()))
    if filters.holder == "mij":
        query = query.where(WorkTask.claimed_by == actor.username)
    elif filters.holder == "vrij":
        query = query.where(WorkTask.claimed_by.is_(None))
    with rt.uow() as uow:
        found, total = pages.rows(uow.session, query, page)
        late = uow.session.scalar(select(func.count()).select_from(WorkTask)
                                  .where(*visible, overdue_clause(rt.clock.now())))
        processes = dict(uow.session.execute(select(WorkTask.process_id, func.min(WorkTask.instance_id))
                                             .where(*visible).group_by(WorkTask.process_id)).all())
        names = element_names.of_instances(uow.session, {row.instance_id for row, in found} | set(processes.values()))
        items = [{**task_view(row), "process_name": names.get(row.instance_id, {}).get(row.process_id, row.process_id)}
                 for row, in found]
    return Worklist(Page(items, total, page.limit, page.offset), late,
                    {pid: names.get(iid, {}).get(pid, pid) for pid, iid in sorted(processes.items())})


def _visible(actor: Actor, filters: WorklistFilter) -> list:
    """Ready, in the caller's lanes (tasks without a lane are every worker's), of cases in scope."""
    lanes = sorted(actor.roles if filters.lane is None else (actor.roles & {filters.lane}))
    in_lanes = [WorkTask.lane.in_(lanes)]
    if filters.lane is None and actor.is_worker:
        in_lanes.append(WorkTask.lane.is_(None))
    clauses = [WorkTask.state == "ready", or_(*in_lanes), scope.instance_reached(WorkTask.instance_id, actor)]
    if filters.process_instance:
        clauses.append(WorkTask.instance_id == filters.process_instance)
    if filters.casus:
        clauses.append(WorkTask.instance_id.in_(
            select(ProcessInstance.id).join(Casus, Casus.id == ProcessInstance.casus_id)
            .where(or_(Casus.pseudonym == filters.casus, Casus.id == filters.casus))))
    return clauses


def overdue_clause(now: datetime):
    """Past its due date: a date from the next day on, a date-time from its minute (Dutch time)."""
    return DUE < now.astimezone(LOCAL_ZONE).strftime("%Y-%m-%dT%H:%M")
