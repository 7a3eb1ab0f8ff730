"""Demo casussen in several phases, so a newcomer running ``make run`` sees a living system.

Each casus is driven through the engine's service layer by the demo workers, exactly as people
would; dates are relative to the runtime's clock. Seeding twice adds nothing: a casus whose id
already appears in an instance is skipped.
"""
from datetime import date, timedelta

from sqlalchemy import select

from engine.errors import Conflict
from engine.instances import queries
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance, User
from engine.security import users
from engine.security.actors import Actor
from engine.timers import scheduler
from handlers.werkdagen import lokale_datum

REGION = "Gelderland-Zuid"
REGIO = "gelderland_zuid"
#: (username, role, name, organisation): extra workers beside the one-per-role demo users.
DEMO_WORKERS = [
    ("casemanager_zorg", "casemanager_zorg", "Demo casemanager_zorg", "Pro Persona"),
    ("casusregisseur_gemeente", "casusregisseur_gemeente", "Demo casusregisseur_gemeente", "Gemeente Nijmegen"),
    ("casemanager_zorg_2", "casemanager_zorg", "Sanne Bakker", "GGNet"),
    ("casusregisseur_gemeente_2", "casusregisseur_gemeente", "Ruud Hendriks", "Gemeente Tiel"),
]
#: Looks cases up between steps: reading every case is the auditor's right (need-to-know).
LOOKUP = Actor("demo", frozenset({"auditor"}))
PHASES = {"DEMO-1": "aangemeld", "DEMO-2": "adviestafel", "DEMO-3": "plan", "DEMO-4": "monitoring"}
PERSONEN = {"DEMO-1": ("Jan Voorbeeld", "1979-06-14"), "DEMO-2": ("Kees Proef", "1990-01-30"),
            "DEMO-3": ("Fatima Demo", "1985-11-02"), "DEMO-4": ("Henk Casus", "1968-08-21")}


def ensure_workers(rt, password: str) -> None:
    """Duo workers with an organisation (shown in the assignment letter), in the demo region."""
    for username, role, name, organisation in DEMO_WORKERS:
        try:
            users.add_user(rt, username, password, [role], REGION, full_name=name, organisation=organisation)
        except Conflict:
            with rt.uow() as uow:
                user = uow.session.scalars(select(User).where(User.username == username)).one()
                user.organisation = user.organisation or organisation
                uow.commit()


def seed_casussen(rt) -> list[str]:
    """Start the demo casussen that do not exist yet; returns their ids."""
    existing = _existing_casus_ids(rt)
    today = lokale_datum(rt.clock.now())
    seeded = []
    for casus_id, phase in PHASES.items():
        if casus_id not in existing:
            _Seeder(rt, casus_id, today).run(phase)
            seeded.append(casus_id)
    scheduler.tick(rt)  # e.g. the overdue risicotaxatie escalates now
    return seeded


def _existing_casus_ids(rt) -> set[str]:
    with rt.uow() as uow:
        return {queries.process_data(i).get("casus_id") for i in uow.session.scalars(select(ProcessInstance))}


class _Seeder:
    def __init__(self, rt, casus_id: str, today: date):
        self.rt, self.casus_id, self.today = rt, casus_id, today

    def day(self, offset: int = 0) -> str:
        return (self.today + timedelta(days=offset)).isoformat()

    def complete(self, instance_id: str, element: str, data: dict) -> None:
        view = queries.get_instance(self.rt, instance_id, LOOKUP)
        task = next(t for t in view["ready_tasks"] if t["element"] == element)
        instances.complete_task(self.rt, task["id"], data, Actor(task["lane"], frozenset({task["lane"]}), REGION))

    def run(self, phase: str) -> None:
        intake = self.register()
        if phase == "aangemeld":
            return
        self.to_adviestafel(intake)
        if phase == "adviestafel":
            return
        cycle = self.include(intake)
        self.complete(cycle, "plan_zorg", self.plan_zorg(overdue=phase == "monitoring"))
        if phase == "monitoring":
            self.complete(cycle, "plan_gemeente", PLAN_GEMEENTE)

    def register(self) -> str:
        naam, geboren = PERSONEN[self.casus_id]
        intake = instances.start(self.rt, "levensloop_intake", {"casus_id": self.casus_id, "regio": REGIO},
                                 Actor("aanmelder", frozenset({"aanmelder"}), REGION))["id"]
        self.complete(intake, "aanmelding", {
            "persoon": {"naam": naam, "geboortedatum": geboren}, "gemeente": "Nijmegen",
            "aanmelder_organisatie": "Politie Oost-Nederland", "strafrechtelijke_titel": False,
            "problematiek": {"gevaarlijk_gedrag": True, "stoornis": "psychische_stoornis",
                             "toelichting": "Herhaaldelijk dreigend gedrag in de wijk."},
            "partners": [{"organisatie": "GGNet"}], "eerder_geprobeerd": "Ambulante begeleiding."})
        return intake

    def to_adviestafel(self, intake: str) -> None:
        self.complete(intake, "melding_aan_persoon", {"melding_besluit": "geinformeerd", "melding_datum": self.day()})
        self.complete(intake, "casus_op_maat", {"com_datum": self.day(), "com_besluit": "ketenveldnorm",
                                                "com_toelichting": "Passend volgens alle partners."})
        self.complete(intake, "partnerinformatie", {"partner_bijdrage": {
            "organisatie": "GGNet", "informatie": "Eerder in behandeling geweest.", "ontvangen_op": self.day()}})
        self.complete(intake, "adviestafel_voorbereiden", {
            "casusbeschrijving_anoniem": "Volwassene met dreigend gedrag bij psychische problematiek.",
            "adviestafel_vraag": "Is de levensloopfunctie passend?"})

    def include(self, intake: str) -> str:
        self.complete(intake, "adviestafel", {"adviestafel_datum": self.day(), "adviestafel_besluit": "includeren",
                                              "adviestafel_motivering": "Langdurig risico, geen strafrechtelijke titel."})
        self.complete(intake, "terugkoppeling_aanmelder", {"terugkoppeling_ontvangen": True})
        self.complete(intake, "duo_bevestigen", {"duo_akkoord": True})
        self.complete(intake, "eerste_casus_op_maat", {
            "eerste_com_datum": self.day(), "in_zorg_wijze": "vrijwillig", "informatiedeling_grondslag": "toestemming",
            "toestemmingsformulier_getekend": True, "procesregie_bij_zvh": True,
            "eerste_com_afspraken": "Duo maakt kennis binnen twee weken."})
        return self.cycle(intake)

    def cycle(self, intake: str) -> str:
        """The cycle the intake's end event chains to; started here when no casus engine chained it."""
        with self.rt.uow() as uow:
            for instance in uow.session.scalars(select(ProcessInstance).where(
                    ProcessInstance.process_id == "levensloop_cyclus", ProcessInstance.status == "running")):
                if queries.process_data(instance).get("casus_id") == self.casus_id:
                    return instance.id
        data = queries.get_instance(self.rt, intake, LOOKUP)["data"]
        carried = {k: data[k] for k in ("casus_id", "persoon", "regio", "gemeente", "duo", "adviestafel_dossier")}
        return instances.start(self.rt, "levensloop_cyclus", carried,
                               Actor("procesregisseur", frozenset({"procesregisseur"}), REGION))["id"]

    def plan_zorg(self, overdue: bool) -> dict:
        """An overdue case had its last risicotaxatie (outcome 'laag': yearly) fourteen months ago."""
        last = self.day(-430) if overdue else self.day(-30)
        return {"zorg_psychisch_functioneren": "Wisselend stabiel.", "zorg_lichamelijk_functioneren": "Goed.",
                "zorg_veiligheidsrisicos": "Dreiging naar buren bij terugval.", "zorg_behandeling": "FACT.",
                "risicotaxatie_datum": last, "risicotaxatie_uitkomst": "laag", "risicotaxatie_instrument": "hkt_r",
                "risicotaxatie_uitgevoerd_door": "casemanager"}


PLAN_GEMEENTE = {"gemeente_financien": "Bewindvoering.", "gemeente_werk_inkomen": "Uitkering.",
                 "gemeente_dagbesteding": "Zorgboerderij.", "gemeente_wmo": "Begeleiding.",
                 "gemeente_wonen": "Zelfstandig.", "gemeente_netwerk": "Broer.",
                 "gemeente_scenarios": [{"omschrijving": "Terugval: klinische opname", "beveiligd_bed": True}]}
