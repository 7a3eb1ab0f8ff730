"""Need-to-know, written as data: which role may do what, to which cases, and how much it sees.

``MATRIX[role][action]`` is a ``Rule`` (or a list of them): the scope of cases the role reaches for that action and the
view it gets of them. Scopes: ``any`` case; cases of the user's own ``region``; cases the user is
``assigned`` to (in the duo); cases the user registered (``own``) until inclusion; cases
``referred`` to the Adviestafel; instances the user ``started``; ``lane``: decided per task by its
BPMN lane. A user with several roles gets the widest view any of them grants. The service layer
asks ``require_case``/``case_view`` before it returns case data, ``require`` before an action, and
shows data through ``visible_data``/``visible_inputs``.
"""
from dataclasses import dataclass

from engine.errors import Forbidden
from engine.ports import casemanagers
from engine.security.actors import SYSTEM, Actor

# actions
READ = "case.read"        # instances, casussen, their tasks, events, diagrams (API and web pages)
START = "case.start"      # start an instance or register a casus
ACT = "case.act"          # deliver a message, retry a failed step
CANCEL = "case.cancel"
COMPLETE = "task.complete"
AUDIT = "audit.read"      # replay, verify, point-in-time state, export, access log
MODELS = "model.manage"   # deploy and validate process models and versions
DECIDE = "decision.try"   # evaluate a deployed decision with given inputs (no case data involved)
USERS = "user.manage"

# scopes
ANY, REGION, ASSIGNED, OWN, REFERRED, STARTED, LANE = "any", "region", "assigned", "own", "referred", "started", "lane"
# views of a case, narrowest first
NONE, PSEUDONYMISED, FULL = 0, 1, 2


@dataclass(frozen=True)
class Rule:
    scope: str
    view: int = FULL


def _worker(*read: str) -> dict:
    """A worker role: reads cases in the ``read`` scopes; acts on and completes tasks in its own lanes."""
    return {READ: [Rule(scope) for scope in read], START: Rule(ANY), ACT: Rule(ANY), COMPLETE: Rule(LANE)}


MATRIX: dict[str, dict[str, Rule | list[Rule]]] = {
    "aanmelder": _worker(OWN),
    "procesregisseur": {**_worker(REGION, STARTED), CANCEL: Rule(ANY)},
    "coordinator": {**_worker(REGION, STARTED), CANCEL: Rule(ANY)},
    "casemanager_zorg": _worker(ASSIGNED, STARTED),
    "casusregisseur_gemeente": _worker(ASSIGNED, STARTED),
    "regiebehandelaar": _worker(REGION, STARTED),
    "opnamecoordinator": _worker(REGION, STARTED),
    "gedragsdeskundige": _worker(REGION, STARTED),
    "sociaal_team": _worker(REGION, STARTED),
    "gezinsmanager": _worker(REGION, STARTED),
    "verwijzer": _worker(STARTED),
    "aanbieder": _worker(REGION, STARTED),
    "adviestafel": {READ: Rule(REFERRED, PSEUDONYMISED), START: Rule(ANY), ACT: Rule(ANY), COMPLETE: Rule(LANE)},
    "auditor": {READ: Rule(ANY), AUDIT: Rule(ANY)},
    "proceseigenaar": {MODELS: Rule(ANY), DECIDE: Rule(ANY)},
    "beheerder": {USERS: Rule(ANY), MODELS: Rule(ANY)},
}

#: What the Adviestafel sees of a case's data: the pseudonymised dossier and its own decision.
PSEUDONYMISED_KEYS = ("adviestafel_dossier", "adviestafel_datum", "adviestafel_besluit", "adviestafel_motivering",
                      "adviestafel_advies", "adviestafel_gevraagde_informatie", "regio")
#: What a pseudonymised audit event keeps of its inputs: which step it was, never the data.
PSEUDONYMISED_EVENT_KEYS = ("type", "element", "name")
INCLUDED_STATUSES = ("geincludeerd", "in_zorg", "overgedragen")


@dataclass(frozen=True)
class CaseFacts:
    """What the rules need to know about one case, from the casus row or the instance's own data."""

    region: str | None
    assigned: frozenset
    registrant: str | None
    starter: str
    referred: bool
    included: bool


def case_facts(instance, data: dict, casus=None) -> CaseFacts:
    """Facts of an instance (``data``: its process data); its casus, when it has one, adds to them."""
    duo = data.get("duo") if isinstance(data.get("duo"), dict) else {}
    assigned = {str(m["id"]) for m in duo.values() if isinstance(m, dict) and m.get("id")}
    if casus is not None:
        assigned |= {u for u in (casus.casemanager_zorg, casus.casusregisseur_gemeente) if u}
    return CaseFacts(
        region=casemanagers.region_code(casus.region if casus is not None else data.get("regio")),
        assigned=frozenset(assigned),
        registrant=casus.aanmelder if casus is not None else instance.started_by,
        starter=instance.started_by,
        referred=isinstance(data.get("adviestafel_dossier"), dict),
        included=bool(assigned) or (casus is not None and casus.status in INCLUDED_STATUSES),
    )


def in_scope(scope: str, actor: Actor, facts: CaseFacts | None) -> bool:
    if scope == ANY:
        return True
    if facts is None:
        return False
    if scope == REGION:
        return facts.region is not None and facts.region == casemanagers.region_code(actor.region)
    if scope == ASSIGNED:
        return actor.username in facts.assigned
    if scope == OWN:
        return facts.registrant == actor.username and not facts.included
    if scope == REFERRED:
        return facts.referred
    if scope == STARTED:
        return facts.starter == actor.username
    return False


def rules(actor: Actor, action: str) -> list[Rule]:
    found = [MATRIX[role][action] for role in sorted(actor.roles) if action in MATRIX.get(role, {})]
    return [rule for entry in found for rule in (entry if isinstance(entry, list) else [entry])]


def allows(actor: Actor, action: str) -> bool:
    """Whether any of the actor's roles may ``action`` at all (some case, or none needed)."""
    return actor is SYSTEM or bool(rules(actor, action))


def require(actor: Actor, action: str, message: str) -> None:
    if not allows(actor, action):
        raise Forbidden(message)


def case_view(actor: Actor, facts: CaseFacts | None, action: str = READ) -> int:
    """The widest view of this case the actor's roles grant: FULL, PSEUDONYMISED or NONE."""
    if actor is SYSTEM:
        return FULL
    return max((rule.view for rule in rules(actor, action) if in_scope(rule.scope, actor, facts)), default=NONE)


def role_view(actor: Actor) -> int:
    """The widest view the actor's roles give of any case they may read (its scope checked elsewhere)."""
    return FULL if actor is SYSTEM else max((rule.view for rule in rules(actor, READ)), default=NONE)


def require_case(actor: Actor, facts: CaseFacts | None) -> int:
    """The actor's view of the case; Forbidden when the actor may not see it at all."""
    view = case_view(actor, facts)
    if view == NONE:
        if not allows(actor, READ):
            raise Forbidden("Uw rol heeft geen toegang tot zaakgegevens.")
        raise Forbidden("U heeft geen toegang tot deze zaak: die hoort niet bij uw regio, uw casussen of uw aanmeldingen.")
    return view


def visible_data(data: dict, view: int) -> dict:
    if view == FULL:
        return data
    if view == PSEUDONYMISED:
        return {k: v for k, v in data.items() if k in PSEUDONYMISED_KEYS}
    return {}


def visible_inputs(inputs, view: int):
    """An audit event's inputs as a view may show them (pseudonymised: only which step it was)."""
    if view == FULL:
        return inputs
    if view == PSEUDONYMISED and isinstance(inputs, dict):
        return {k: v for k, v in inputs.items() if k in PSEUDONYMISED_EVENT_KEYS}
    return None
