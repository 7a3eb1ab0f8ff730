"""Whether a unit of work changed a fact need-to-know is decided from: a casus row, a duo assignment, or an
instance's own region, casus or starter. Until one changed, a view of a case checked earlier in the unit
of work still holds, so a step's response need not look it up again."""
from itertools import chain

from sqlalchemy import event, inspect

from engine.persistence.tables import CaseAssignment, Casus, ProcessInstance

INSTANCE_FACTS = ("region", "casus_id", "started_by")
TRACKED, CHANGED = "levensloop_scope_tracked", "levensloop_scope_changed"


def track(session_factory) -> None:
    """Mark the sessions of ``session_factory`` whose flushes write a scope fact."""
    session_factory.kw["info"] = {**session_factory.kw.get("info", {}), TRACKED: True}
    event.listen(session_factory, "before_flush", _mark)


def changed(session) -> bool:
    """True also for a session nobody tracks: then nothing is known to hold."""
    return not session.info.get(TRACKED) or session.info.get(CHANGED, False)


def _mark(session, _context, _instances) -> None:
    if not changed(session) and any(_changes_scope(obj) for obj in chain(session.new, session.dirty, session.deleted)):
        session.info[CHANGED] = True


def _changes_scope(obj) -> bool:
    if isinstance(obj, (Casus, CaseAssignment)):
        return True
    if isinstance(obj, ProcessInstance):
        attrs = inspect(obj).attrs
        return any(attrs[name].history.has_changes() for name in INSTANCE_FACTS)
    return False
