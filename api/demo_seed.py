"""Demo casussen in several phases, so a newcomer running ``make run`` sees a living system.

Each casus is registered and driven through the engine's service layer by the demo workers, exactly
as people would: its intake chains to its first cycle, the duo assignment makes the demo casemanagers
its duo. Dates are relative to the runtime's clock. Seeding twice adds nothing: a demo person who
already has a casus is skipped.
"""
from datetime import date, timedelta

from sqlalchemy import select

from engine.casus import person as casus_person
from engine.casus import service as casus_service
from engine.casus import views
from engine.errors import Conflict
from engine.instances import service as instances
from engine.persistence.tables import Casus, User, WorkTask
from engine.ports.casemanagers import open_assignments
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


def seed_casussen(rt) -> dict[str, str]:
    """Register the demo casussen that do not exist yet; returns demo key → casus id of those seeded."""
    existing = _existing_people(rt)
    today = lokale_datum(rt.clock.now())
    seeded = {}
    for key, phase in PHASES.items():
        if PERSONEN[key][0] not in existing:
            seeded[key] = _Seeder(rt, key, today).run(phase)
    scheduler.tick(rt)  # e.g. the overdue risicotaxatie escalates now
    return seeded


def _existing_people(rt) -> set[str]:
    """Names of the people with a casus (a handful in a demo database)."""
    with rt.uow() as uow:
        return {casus_person.read(casus).get("naam") for casus in uow.session.scalars(select(Casus))}


class _Seeder:
    def __init__(self, rt, key: str, today: date):
        self.rt, self.key, self.today = rt, key, today
        self.casus_id = ""

    def day(self, offset: int = 0) -> str:
        return (self.today + timedelta(days=offset)).isoformat()

    def complete(self, element: str, data: dict) -> None:
        """Complete the current instance's task ``element`` as its lane's worker (the duo member for a duo lane)."""
        with self.rt.uow() as uow:
            instance = views.current_instance(uow.session, self.casus_id)
            task = uow.session.scalars(select(WorkTask).where(WorkTask.instance_id == instance.id,
                                                              WorkTask.element == element,
                                                              WorkTask.state == "ready")).first()
            duo = {a.role: a.username for a in open_assignments(uow.session, self.casus_id, instance.id)}
            task_id, lane = task.id, task.lane
        instances.complete_task(self.rt, task_id, data, Actor(duo.get(lane, lane), frozenset({lane}), REGION))

    def run(self, phase: str) -> str:
        self.register()
        if phase == "aangemeld":
            return self.casus_id
        self.to_adviestafel()
        if phase == "adviestafel":
            return self.casus_id
        self.include()
        self.complete("plan_zorg", self.plan_zorg(overdue=phase == "monitoring"))
        if phase == "monitoring":
            self.complete("plan_gemeente", PLAN_GEMEENTE)
        return self.casus_id

    def register(self) -> None:
        naam, geboren = PERSONEN[self.key]
        persoon = {"naam": naam, "geboortedatum": geboren}
        aanmelder = Actor("aanmelder", frozenset({"aanmelder"}), REGION)
        self.casus_id = casus_service.register(self.rt, persoon, REGIO, aanmelder, data={"persoon": persoon})["id"]
        self.complete("aanmelding", {
            "persoon": persoon, "gemeente": "Nijmegen",
            "aanmelder_organisatie": "Politie Oost-Nederland", "strafrechtelijke_titel": False,
            "problematiek": {"gevaarlijk_gedrag": True, "stoornis": "psychische_stoornis",
                             "toelichting": "Herhaaldelijk dreigend gedrag in de wijk."},
            "partners": [{"organisatie": "GGNet"}], "eerder_geprobeerd": "Ambulante begeleiding."})

    def to_adviestafel(self) -> None:
        self.complete("melding_aan_persoon", {"melding_besluit": "geinformeerd", "melding_datum": self.day()})
        self.complete("casus_op_maat", {"com_datum": self.day(), "com_besluit": "ketenveldnorm",
                                        "com_toelichting": "Passend volgens alle partners."})
        self.complete("partnerinformatie", {"partner_bijdrage": {
            "organisatie": "GGNet", "informatie": "Eerder in behandeling geweest.", "ontvangen_op": self.day()}})
        self.complete("adviestafel_voorbereiden", {
            "casusbeschrijving_anoniem": "Volwassene met dreigend gedrag bij psychische problematiek.",
            "adviestafel_vraag": "Is de levensloopfunctie passend?"})

    def include(self) -> None:
        """Inclusion: the intake ends and chains to the casus's first cycle."""
        self.complete("adviestafel", {"adviestafel_datum": self.day(), "adviestafel_besluit": "includeren",
                                      "adviestafel_motivering": "Langdurig risico, geen strafrechtelijke titel."})
        self.complete("terugkoppeling_aanmelder", {"terugkoppeling_ontvangen": True})
        self.complete("duo_bevestigen", {"duo_akkoord": True})
        self.complete("eerste_casus_op_maat", {
            "eerste_com_datum": self.day(), "in_zorg_wijze": "vrijwillig", "informatiedeling_grondslag": "toestemming",
            "toestemmingsformulier_getekend": True, "procesregie_bij_zvh": True,
            "eerste_com_afspraken": "Duo maakt kennis binnen twee weken."})

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
