"""Need-to-know, written as data: which role may do what, to which cases, and how much it sees.

``MATRIX[role][action]`` is a ``Rule`` (or a list of them): the scope of cases the role reaches for that action and the
view it gets of them. Scopes: ``any`` case; cases of the user's own ``region``; cases the user is
``assigned`` to (in the duo); cases the user registered (``own``) until inclusion; cases
``referred`` to the Adviestafel; instances the user ``started``. A user with several roles gets the
widest view any of them grants. The scopes are evaluated in SQL (engine.security.scope) on columns
only the engine writes, for reads and writes alike; completing a task needs its BPMN lane as well.
A case outside the actor's scope answers as if it did not exist (404), so ids reveal nothing.
"""
from dataclasses import dataclass

from engine.errors import Forbidden
from engine.security.actors import SYSTEM, Actor

# actions
READ = "case.read"        # instances, casussen, their tasks, events, diagrams (API and web pages)
START = "case.start"      # start an instance
REGISTER = "casus.register"  # register a new casus (starts its intake)
ACT = "case.act"          # deliver a message to a zaak without a casus
SIGNAL = "case.signal"    # deliver a message (a signal) to a casus's case
RESOLVE = "incident.resolve"  # retry a failed step (with a data correction) or reset to an earlier user task
CANCEL = "case.cancel"
COMPLETE = "task.complete"  # in the task's lane, on a case in scope
AUDIT = "audit.read"      # replay, verify, point-in-time state, export, access log
MODELS = "model.manage"   # deploy and validate process models and versions
USAGE = "model.usage"     # which instances run which version (ids and pseudonyms only)
MINING = "process.mining"  # process-mining logs: activities, times and roles of all cases, no case data
MIGRATE = "model.migrate"  # move running instances to a newer version of their model (ids only, no case data)
DECIDE = "decision.try"   # evaluate a deployed decision with given inputs (no case data involved)
USERS = "user.manage"

# scopes
ANY, REGION, ASSIGNED, OWN, REFERRED, STARTED = "any", "region", "assigned", "own", "referred", "started"
# views of a case, narrowest first
NONE, PSEUDONYMISED, FULL = 0, 1, 2


@dataclass(frozen=True)
class Rule:
    scope: str
    view: int = FULL


def _worker(*scopes: str, view: int = FULL) -> dict:
    """A worker role: reads, acts on and completes tasks of the cases in ``scopes``; starts instances.
    Signals come from the case's duo and the region's workers only (not from whoever registered or was referred)."""
    reach = [Rule(scope, view) for scope in scopes]
    signals = [rule for rule in reach if rule.scope in (ASSIGNED, REGION)]
    return {READ: reach, ACT: reach, COMPLETE: reach, SIGNAL: signals, START: Rule(ANY)}


def _director(*scopes: str) -> dict:
    """A worker who also registers casussen and cancels instances of the cases it reaches."""
    return {**_worker(*scopes), REGISTER: Rule(ANY), CANCEL: [Rule(scope) for scope in scopes]}


MATRIX: dict[str, dict[str, Rule | list[Rule]]] = {
    "aanmelder": {**_worker(OWN), REGISTER: Rule(ANY)},
    "procesregisseur": {**_director(REGION, STARTED), RESOLVE: [Rule(REGION)]},
    "coordinator": _director(REGION, STARTED),
    "casemanager_zorg": _worker(ASSIGNED, STARTED),
    "casusregisseur_gemeente": _worker(ASSIGNED, STARTED),
    "regiebehandelaar": _worker(REGION, STARTED),
    "opnamecoordinator": _worker(REGION, STARTED),
    "gedragsdeskundige": _worker(REGION, STARTED),
    "sociaal_team": _worker(REGION, STARTED),
    "casusregisseur_gezin": _worker(REGION, STARTED),
    "verwijzer": _worker(STARTED),
    "aanbieder": _worker(REGION, STARTED),
    "adviestafel": _worker(REFERRED, view=PSEUDONYMISED),
    "auditor": {READ: Rule(ANY), AUDIT: Rule(ANY), USAGE: Rule(ANY), MINING: Rule(ANY)},
    "proceseigenaar": {MODELS: Rule(ANY), USAGE: Rule(ANY), DECIDE: Rule(ANY), MINING: Rule(ANY), MIGRATE: Rule(ANY)},
    "beheerder": {USERS: Rule(ANY), MODELS: Rule(ANY), USAGE: Rule(ANY), MIGRATE: Rule(ANY), RESOLVE: Rule(ANY)},
}

#: What the Adviestafel sees of a case's data: the pseudonymised dossier and its own decision.
PSEUDONYMISED_KEYS = ("adviestafel_dossier", "adviestafel_datum", "adviestafel_besluit", "adviestafel_motivering",
                      "adviestafel_advies", "adviestafel_gevraagde_informatie", "regio")
#: What a pseudonymised audit event keeps of its inputs: which step it was, never the data.
PSEUDONYMISED_EVENT_KEYS = ("type", "element", "name")
INCLUDED_STATUSES = ("geincludeerd", "in_zorg", "overgedragen")


def rules(actor: Actor, action: str) -> list[Rule]:
    found = [MATRIX[role][action] for role in sorted(actor.roles) if action in MATRIX.get(role, {})]
    return [rule for entry in found for rule in (entry if isinstance(entry, list) else [entry])]


def allows(actor: Actor, action: str) -> bool:
    """Whether any of the actor's roles may ``action`` at all (some case, or none needed)."""
    return actor is SYSTEM or bool(rules(actor, action))


#: Why a role is refused an action altogether (not about one case: that answers 404).
REFUSALS = {
    READ: "Uw rol heeft geen toegang tot zaakgegevens.",
    START: "Uw rol mag geen zaken starten.",
    REGISTER: "Alleen een aanmelder, procesregisseur of coördinator mag een casus aanmelden.",
    ACT: "Uw rol mag geen zaken wijzigen.",
    RESOLVE: "Alleen een beheerder of de procesregisseur van de regio mag een storing oplossen.",
    SIGNAL: "Alleen het duo van de casus en medewerkers van de regio melden signalen.",
    CANCEL: "Alleen procesregisseur of coördinator mag een zaak annuleren.",
    COMPLETE: "Uw rol mag geen taken afronden.",
    AUDIT: "Alleen een auditor mag dit inzien.",
    MODELS: "Alleen een proceseigenaar mag procesmodellen beheren.",
    USAGE: "Alleen een proceseigenaar, beheerder of auditor ziet welke zaken een versie gebruiken.",
    MINING: "Alleen een proceseigenaar of auditor mag procesmining-exports maken.",
    MIGRATE: "Alleen een proceseigenaar of beheerder mag zaken naar een nieuwere versie migreren.",
    DECIDE: "Alleen een proceseigenaar mag beslissingen uitproberen.",
    USERS: "Alleen een beheerder mag gebruikers beheren.",
}


def require(actor: Actor, action: str) -> None:
    if not allows(actor, action):
        raise Forbidden(REFUSALS[action])


def role_view(actor: Actor) -> int:
    """The widest view the actor's roles give of any case they may read (its scope checked elsewhere)."""
    return FULL if actor is SYSTEM else max((rule.view for rule in rules(actor, READ)), default=NONE)


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
