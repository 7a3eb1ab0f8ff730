"""Stretches of the Ketenveldnorm flow that several scenarios share, built on the driver."""
from engine.casus import service as casus
from tests.scenarios import formdata as f
from tests.scenarios.driver import Driver, worker

INTAKE = "levensloop_intake"
CYCLE = "levensloop_cyclus"
PARTNERS = [p["organisatie"] for p in f.AANMELDING["partners"]]


def register(d: Driver, casus_id: str = "C-1") -> str:
    """A new aanmelding, filled in and accepted: Casus Op Maat and the melding are both open."""
    intake = d.start(INTAKE, {"casus_id": casus_id, "regio": "gelderland_zuid"})
    d.complete(intake, "aanmelding", f.AANMELDING)
    return intake


def partner_information(d: Driver, intake: str) -> None:
    for organisatie in PARTNERS:
        d.complete(intake, "partnerinformatie", f.partner(organisatie))
    d.complete(intake, "adviestafel_voorbereiden", f.ANONIEM)


def to_adviestafel(d: Driver, casus_id: str = "C-1", intake: str | None = None) -> str:
    """Take a registered intake (registered here unless given) to the Adviestafel."""
    intake = intake or register(d, casus_id)
    d.complete(intake, "melding_aan_persoon", f.MELDING_GEDAAN)
    d.complete(intake, "casus_op_maat", f.casus_op_maat("ketenveldnorm"))
    partner_information(d, intake)
    return intake


def assign_duo(d: Driver, intake: str) -> None:
    """Adviestafel includes; the procesregisseur accepts the proposed duo (the letter is made); first Casus Op
    Maat waits."""
    d.complete(intake, "adviestafel", f.adviestafel("includeren"))
    d.complete(intake, "terugkoppeling_aanmelder", f.TERUGKOPPELING)
    d.complete(intake, "duo_bevestigen", f.DUO_AKKOORD)


def include(d: Driver, intake: str) -> None:
    """Duo assigned, then the first Casus Op Maat."""
    assign_duo(d, intake)
    d.complete(intake, "eerste_casus_op_maat", f.EERSTE_CASUS_OP_MAAT)


def duo(casemanager: str = "cm_anna", casusregisseur: str = "cr_carla") -> dict:
    """A duo as the intake's duo_vaststellen records it (enough for caseloads and the cycle)."""
    return {"casemanager_zorg": {"id": casemanager, "naam": casemanager},
            "casusregisseur_gemeente": {"id": casusregisseur, "naam": casusregisseur}}


def start_cycle(d: Driver, casus_id: str = "C-1", **data) -> str:
    """A cycle of an included casus, as the intake's end event 'chain_to' starts it, with its duo assigned."""
    data = {"duo": duo(), **data}
    cycle = d.start(CYCLE, {"casus_id": casus_id, "regio": "gelderland_zuid", **data}, role="procesregisseur")
    d.assign(cycle, {role: member["id"] for role, member in data["duo"].items()})
    assert d.ready(cycle) == ["plan_gemeente", "plan_zorg"]
    return cycle


def plan(d: Driver, cycle: str) -> None:
    """Both halves of the integraal plan van aanpak, each by its own case manager."""
    d.complete(cycle, "plan_zorg", f.PLAN_ZORG)
    d.complete(cycle, "plan_gemeente", f.PLAN_GEMEENTE)


def registered_with_letter(d: Driver) -> str:
    """A registered casus's intake past the duo assignment: the toewijzingsbrief is made, first Casus Op Maat waits."""
    view = casus.register(d.rt, f.PERSOON, "gelderland_zuid", worker("aanmelder"), data={"persoon": f.PERSOON})
    intake = view["current_instance"]
    d.complete(intake, "aanmelding", f.AANMELDING)
    to_adviestafel(d, intake=intake)
    assign_duo(d, intake)
    return intake


def give_caseload(d: Driver, casemanager: str, count: int) -> list[str]:
    """``count`` active casussen (running cycles) with ``casemanager`` in the duo."""
    return [start_cycle(d, f"{casemanager}-{n}", duo=duo(casemanager, "cr_elders")) for n in range(count)]


def stuck_at_duo(d: Driver, intake: str) -> dict:
    """An intake at the Adviestafel is included, but the proposed casemanager (cm_anna) fills up before the
    procesregisseur agrees: an incident at the duo assignment."""
    d.complete(intake, "adviestafel", f.adviestafel("includeren"))
    d.complete(intake, "terugkoppeling_aanmelder", f.TERUGKOPPELING)
    assert d.data(intake)["duo_voorstel"]["casemanager_zorg"]["id"] == "cm_anna"
    give_caseload(d, "cm_anna", 6)
    view = d.complete(intake, "duo_bevestigen", f.DUO_AKKOORD)
    assert (view["status"], view["incident"]["element"]) == ("error", "svc_duo_vaststellen")
    return view
