"""Cancelling the running cycle of a casus: a casus is never left with nothing running and not closed.

Whoever cancels the last active instance of an open casus decides, in the same unit of work, what
becomes of the casus: ``afsluiten`` closes it (the reason is kept in the ``cancelled`` event of the
trail), ``nieuwe_cyclus`` starts the same process again (newest version) from the data the cancelled
cycle started with. Without a decision such a cancel is refused.
"""
from engine.audit import trail
from engine.casus import chain, views
from engine.errors import Conflict, Invalid
from engine.persistence.tables import ProcessInstance

CLOSE, RESTART = "afsluiten", "nieuwe_cyclus"
MAX_REASON = 1000


def decision_needed(session, instance: ProcessInstance) -> bool:
    """Whether cancelling this instance would leave its casus open with nothing running."""
    if instance.casus_id is None:
        return False
    casus = views.load(session, instance.casus_id)
    others = [i for i in views.active_instance_ids(session, casus.id) if i != instance.id]
    return casus.status != "afgesloten" and not others


def check(session, instance: ProcessInstance, decision: dict | None) -> dict | None:
    """The validated decision for this cancel; None when the casus needs none."""
    if not decision_needed(session, instance):
        if decision is not None:
            raise Invalid("Voor deze zaak is geen casusbesluit nodig.",
                          {"casus_besluit": "Alleen bij de lopende cyclus van een open casus."})
        return None
    if decision is None:
        raise Conflict("Dit is de lopende cyclus van een open casus: kies bij het annuleren wat er met de casus "
                       f"gebeurt — '{CLOSE}' (met een reden) of '{RESTART}'.")
    choice, reason = decision.get("casus_besluit"), decision.get("reden")
    if choice not in (CLOSE, RESTART):
        raise Invalid("Onbekend casusbesluit.", {"casus_besluit": f"Kies '{CLOSE}' of '{RESTART}'."})
    if choice == CLOSE and not (isinstance(reason, str) and reason.strip()):
        raise Invalid("Geef een reden om de casus te sluiten.", {"reden": "Verplicht bij afsluiten."})
    if isinstance(reason, str) and len(reason) > MAX_REASON:
        raise Invalid("De reden is te lang.", {"reden": f"Ten hoogste {MAX_REASON} tekens."})
    if choice == RESTART and _start_data(session, instance) is None:
        raise Invalid("De startgegevens van deze cyclus zijn niet meer beschikbaar.",
                      {"casus_besluit": f"'{RESTART}' kan niet; sluit de casus af."})
    return {"casus_besluit": choice, **({"reden": reason.strip()} if isinstance(reason, str) and reason.strip() else {})}


def apply(rt, uow, instance: ProcessInstance, decision: dict, state_hash: str, actor, now) -> None:
    """Close the casus, or start its next cycle from the cancelled cycle's start data."""
    casus = views.load(uow.session, instance.casus_id)
    if decision["casus_besluit"] == CLOSE:
        casus.status = "afgesloten"
        return
    chain.start_cycle(rt, uow, casus, instance, state_hash, instance.process_id,
                      _start_data(uow.session, instance), actor, now, end_event=None)


def _start_data(session, instance: ProcessInstance) -> dict | None:
    events = trail.events_of(session, instance.id)
    inputs = events[0].inputs if events else None
    return dict(inputs.get("data") or {}) if isinstance(inputs, dict) and inputs.get("type") == "start" else None
