"""The matrix's scopes as SQL, over the need-to-know columns only the engine writes.

Every read and every write asks the database which cases the actor reaches: lists filter with
``instance_visible(actor, action)`` and never load a row they may not show; one case is
looked up with the same expression (``instance_in_scope``/``casus_in_scope``), so a list and a
detail page can never disagree. Facts of a casus instance are its casus's; an instance without
a casus is its own case.
"""
from sqlalchemy import and_, case, exists, false, literal, or_, select, true

from engine.errors import NotFound
from engine.persistence.tables import CaseAssignment, Casus, ProcessInstance
from engine.ports.casemanagers import region_code
from engine.security import authorization, scope_changes
from engine.security.actors import SYSTEM, Actor
from engine.security.authorization import (ANY, ASSIGNED, FULL, INCLUDED_STATUSES, NONE, OWN, READ, REFERRED,
                                           REGION, STARTED, rules)


def _assigned_casussen(actor: Actor):
    """Ids of the casussen the actor is in the duo of now (an index range on the actor's name)."""
    return select(CaseAssignment.casus_id).where(CaseAssignment.username == actor.username,
                                                 CaseAssignment.assigned_until.is_(None),
                                                 CaseAssignment.casus_id.is_not(None))


def _assigned_instances(actor: Actor):
    """Ids of the instances without a casus the actor is in the duo of now."""
    return select(CaseAssignment.instance_id).where(CaseAssignment.username == actor.username,
                                                    CaseAssignment.assigned_until.is_(None),
                                                    CaseAssignment.casus_id.is_(None))


def _unassigned(*case):
    """No duo in force for the case (``case``: the clauses naming its assignment rows)."""
    return ~exists().where(CaseAssignment.assigned_until.is_(None), or_(*case))


class _Instances:
    """Scope clauses over ``process_instances``. The user-keyed scopes are ``IN`` lists that start
    from the actor's own rows, so a caseworker's list costs the same with 100 or 20,000 cases."""

    @staticmethod
    def region():
        return ProcessInstance.region

    @staticmethod
    def assigned(actor: Actor):
        return or_(ProcessInstance.casus_id.in_(_assigned_casussen(actor)),
                   ProcessInstance.id.in_(_assigned_instances(actor)))

    @staticmethod
    def own(actor: Actor):
        open_casussen = select(Casus.id).where(Casus.aanmelder == actor.username,
                                               Casus.status.not_in(INCLUDED_STATUSES))
        bare = and_(ProcessInstance.casus_id.is_(None), ProcessInstance.started_by == actor.username)
        return and_(or_(ProcessInstance.casus_id.in_(open_casussen), bare),
                    _unassigned(CaseAssignment.casus_id == ProcessInstance.casus_id,
                                CaseAssignment.instance_id == ProcessInstance.id))

    @staticmethod
    def referred():
        return or_(ProcessInstance.referred_at.is_not(None),
                   ProcessInstance.casus_id.in_(select(Casus.id).where(Casus.referred_at.is_not(None))))

    @staticmethod
    def started(actor: Actor):
        return ProcessInstance.started_by == actor.username


class _Casussen:
    """Scope clauses over ``casussen``."""

    @staticmethod
    def region():
        return Casus.region

    @staticmethod
    def assigned(actor: Actor):
        return Casus.id.in_(_assigned_casussen(actor))

    @staticmethod
    def own(actor: Actor):
        return and_(Casus.aanmelder == actor.username, Casus.status.not_in(INCLUDED_STATUSES),
                    _unassigned(CaseAssignment.casus_id == Casus.id))

    @staticmethod
    def referred():
        return Casus.referred_at.is_not(None)

    @staticmethod
    def started(actor: Actor):
        return Casus.id.in_(select(ProcessInstance.casus_id).where(ProcessInstance.started_by == actor.username))


def _clause(subject, scope: str, actor: Actor):
    if scope == ANY:
        return true()
    if scope == REGION:
        code = region_code(actor.region)
        return subject.region() == code if code else false()
    if scope == ASSIGNED:
        return subject.assigned(actor)
    if scope == OWN:
        return subject.own(actor)
    if scope == REFERRED:
        return subject.referred()
    if scope == STARTED:
        return subject.started(actor)
    raise ValueError(f"unknown scope {scope!r}")


def _view(subject, actor: Actor, action: str):
    """SQL for the widest view the actor's rules for ``action`` grant of the row: FULL, PSEUDONYMISED or NONE."""
    if actor is SYSTEM:
        return literal(FULL)
    by_view: dict[int, list] = {}
    for rule in rules(actor, action):
        by_view.setdefault(rule.view, []).append(_clause(subject, rule.scope, actor))
    whens = [(or_(*clauses), view) for view, clauses in sorted(by_view.items(), reverse=True)]
    return case(*whens, else_=NONE) if whens else literal(NONE)


#: Scopes that reach a large share of all cases: their lists read best in the list's own order.
BROAD = (ANY, REGION)


def _visible(subject, actor: Actor, action: str):
    """SQL for "the actor reaches the row at all". For narrow scopes (the duo, what one registered, started or
    was referred) the clauses OR-ed, so the database starts from the indexes behind each instead of scanning
    every row; for a broad scope the view expression, so a first page is read in the list's order and stops."""
    if actor is SYSTEM:
        return true()
    found = rules(actor, action)
    if _broad(found):
        return _view(subject, actor, action) > NONE
    clauses = [_clause(subject, rule.scope, actor) for rule in found]
    return or_(*clauses) if clauses else false()


def _broad(found: list) -> bool:
    return any(rule.scope in BROAD for rule in found)


def instance_reached(instance_id, actor: Actor, action: str = READ):
    """SQL for "the instance the column ``instance_id`` names is reached" (rows of other tables, e.g. tasks):
    narrow scopes as an IN-list of the few instances reached, broad ones checked per row by primary key."""
    visible = instance_visible(actor, action)
    if actor is not SYSTEM and _broad(rules(actor, action)):
        return exists().where(ProcessInstance.id == instance_id, visible)
    return instance_id.in_(select(ProcessInstance.id).where(visible))


def instance_visible(actor: Actor, action: str = READ):
    """Whether the actor reaches a ``process_instances`` row for ``action`` (lists filter on this)."""
    return _visible(_Instances, actor, action)


def casus_visible(actor: Actor, action: str = READ):
    """Whether the actor reaches a ``casussen`` row for ``action``."""
    return _visible(_Casussen, actor, action)


def instance_view(actor: Actor, action: str = READ):
    """The actor's view of a ``process_instances`` row, as a SQL expression."""
    return _view(_Instances, actor, action)


def casus_view(actor: Actor, action: str = READ):
    """The actor's view of a ``casussen`` row, as a SQL expression."""
    return _view(_Casussen, actor, action)


def view_of_instance(session, actor: Actor, instance_id: str, action: str = READ) -> int:
    """The actor's view of one instance (NONE also when it does not exist)."""
    found = session.scalar(select(instance_view(actor, action)).where(ProcessInstance.id == instance_id))
    return found or NONE


def view_after_step(session, actor: Actor, instance: ProcessInstance, checked: int, action: str) -> int:
    """The actor's view of an instance after its own step in this session: the view ``checked`` for ``action``
    before the step while READ follows the same rules and the step changed no scope fact (``scope_changes``);
    else looked up again (an aanmelder's step at inclusion takes the case out of its scope)."""
    if actor is not SYSTEM and rules(actor, action) == rules(actor, READ) and not scope_changes.changed(session):
        return checked
    return view_of_instance(session, actor, instance.id)


def instance_in_scope(session, actor: Actor, instance_id: str, action: str = READ) -> tuple[ProcessInstance, int]:
    """The instance and the actor's view of it. A role without ``action`` is Forbidden; an instance out of
    the actor's scope is NotFound, worded as for one that does not exist."""
    authorization.require(actor, action)
    found = session.execute(select(ProcessInstance, instance_view(actor, action))
                            .where(ProcessInstance.id == instance_id)).first()
    if found is None or found[1] == NONE:
        raise NotFound(f"Procesinstantie '{instance_id}' bestaat niet.")
    return found[0], found[1]


def casus_in_scope(session, actor: Actor, casus_id: str, action: str = READ) -> tuple[Casus, int]:
    """The casus and the actor's view of it; Forbidden / NotFound as ``instance_in_scope``."""
    authorization.require(actor, action)
    found = session.execute(select(Casus, casus_view(actor, action)).where(Casus.id == casus_id)).first()
    if found is None or found[1] == NONE:
        raise NotFound(f"Casus '{casus_id}' bestaat niet.")
    return found[0], found[1]
