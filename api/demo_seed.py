"""Demo casussen in every phase and both demo regions, so each demo role finds work after ``make run``.

Each casus is registered and driven through the engine's service layer by the region's demo workers, exactly
as people would: its intake chains to its first cycle, the duo assignment makes the region's casemanagers
its duo. Dates are relative to the runtime's clock. Seeding twice adds nothing: a demo person who
already has a casus is skipped.
"""
from datetime import date, timedelta

from sqlalchemy import select

from api.demo_users import REGIONS, DemoRegion
from engine.casus import person as casus_person
from engine.casus import service as casus_service
from engine.casus import views
from engine.instances import service as instances
from engine.persistence.tables import Casus, WorkTask
from engine.ports.casemanagers import open_assignments
from engine.timers import scheduler
from handlers.werkdagen import lokale_datum

#: The phases of a casus, in order; the seeder's n-th step brings a casus into the n-th phase.
PHASES = ("aangemeld", "casus_op_maat", "adviestafel", "inclusie", "plan", "monitoring", "evaluatie", "afgesloten")
#: (name, birth date) of the demo person per region and phase.
PERSONEN = {
    "Gelderland-Zuid": [("Jan Voorbeeld", "1979-06-14"), ("Kees Proef", "1990-01-30"), ("Fatima Demo", "1985-11-02"),
                        ("Henk Casus", "1968-08-21"), ("Ilse Oefen", "1993-03-08"), ("Mo Testers", "1972-12-19"),
                        ("Anouk Schets", "1988-05-27"), ("Peter Model", "1960-10-04")],
    "Gelderland-Midden": [("Bram Bedacht", "1983-07-11"), ("Yara Fictief", "1995-09-23"), ("Wim Verzonnen", "1966-02-02"),
                          ("Noor Denkbeeld", "1991-04-16"), ("Ahmed Proefmans", "1977-01-09"),
                          ("Els Voorbeeldt", "1969-06-30"), ("Daan Oefenaar", "1986-08-12"), ("Greet Demo", "1958-11-25")],
}


def seed_casussen(rt) -> dict[str, str]:
    """Register the demo casussen that do not exist yet; returns "region: phase" → casus id of those seeded."""
    existing = _existing_people(rt)
    today = lokale_datum(rt.clock.now())
    seeded = {}
    for region in REGIONS:
        for phase, (naam, geboren) in zip(PHASES, PERSONEN[region.name]):
            if naam not in existing:
                persoon = {"naam": naam, "geboortedatum": geboren}
                seeded[f"{region.name}: {phase}"] = _Seeder(rt, region, persoon, today).run(phase)
    scheduler.tick(rt)  # e.g. the overdue risicotaxatie escalates now
    return seeded


def _existing_people(rt) -> set[str]:
    """Names of the people with a casus (a handful in a demo database)."""
    with rt.uow() as uow:
        return {casus_person.read(casus).get("naam") for casus in uow.session.scalars(select(Casus))}


def complete_ready(rt, region: DemoRegion, instance_id: str, element: str, data: dict, duo: dict | None = None):
    """Complete the instance's ready task ``element`` as its lane's worker in the region (the duo member for a
    duo lane)."""
    with rt.uow() as uow:
        task = uow.session.scalars(select(WorkTask).where(WorkTask.instance_id == instance_id,
                                                          WorkTask.element == element,
                                                          WorkTask.state == "ready")).first()
        task_id, lane = task.id, task.lane
    instances.complete_task(rt, task_id, data, region.actor(lane, (duo or {}).get(lane)))


class _Seeder:
    def __init__(self, rt, region: DemoRegion, persoon: dict, today: date):
        self.rt, self.region, self.persoon, self.today = rt, region, persoon, today
        self.casus_id, self.phase = "", ""

    def day(self, offset: int = 0) -> str:
        return (self.today + timedelta(days=offset)).isoformat()

    def complete(self, element: str, data: dict) -> None:
        with self.rt.uow() as uow:
            instance_id = views.current_instance(uow.session, self.casus_id).id
            duo = {a.role: a.username for a in open_assignments(uow.session, self.casus_id, instance_id)}
        complete_ready(self.rt, self.region, instance_id, element, data, duo)

    def run(self, phase: str) -> str:
        """Take the casus step by step until it is in ``phase``."""
        self.phase = phase
        steps = (self.register, self.aanmelding, self.to_adviestafel, self.decide, self.first_cycle,
                 self.plan_gemeente, self.to_evaluatie, self.close)
        for step in steps[:PHASES.index(phase) + 1]:
            step()
        return self.casus_id

    def register(self) -> None:
        aanmelder = self.region.actor("aanmelder")
        self.casus_id = casus_service.register(self.rt, self.persoon, self.region.code, aanmelder,
                                               data={"persoon": self.persoon})["id"]

    def aanmelding(self) -> None:
        self.complete("aanmelding", {
            "persoon": self.persoon, "gemeente": self.region.gemeente,
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

    def decide(self) -> None:
        """The Adviestafel includes; the aanmelder hears so; the proposed duo waits for confirmation."""
        self.complete("adviestafel", {"adviestafel_datum": self.day(), "adviestafel_besluit": "includeren",
                                      "adviestafel_motivering": "Langdurig risico, geen strafrechtelijke titel."})
        self.complete("terugkoppeling_aanmelder", {"terugkoppeling_ontvangen": True})

    def first_cycle(self) -> None:
        """The duo is confirmed, the intake ends and chains to the first cycle; the zorg half of the plan is done."""
        self.complete("duo_bevestigen", {"duo_akkoord": True})
        self.complete("eerste_casus_op_maat", {
            "eerste_com_datum": self.day(), "in_zorg_wijze": "vrijwillig", "informatiedeling_grondslag": "toestemming",
            "toestemmingsformulier_getekend": True, "procesregie_bij_zvh": True,
            "eerste_com_afspraken": "Duo maakt kennis binnen twee weken."})
        self.complete("plan_zorg", self.plan_zorg(overdue=self.phase == "monitoring"))

    def plan_gemeente(self) -> None:
        self.complete("plan_gemeente", PLAN_GEMEENTE)

    def to_evaluatie(self) -> None:
        self.complete("monitoring_contact", {"contact_datum": self.day(), "contact_vorm": "huisbezoek_duo",
                                             "contact_verslag": "Rustig gesprek; tijd om te evalueren.",
                                             "monitoring_actie": "evalueren"})

    def close(self) -> None:
        self.complete("evaluatie", {"evaluatie_datum": self.day(), "evaluatie_bevindingen": "Plan uitgevoerd.",
                                    "evaluatie_besluit": "afsluiting", "evaluatie_duo_akkoord": True,
                                    "evaluatie_reden_afsluiting": "Twee jaar stabiel zonder gevaarlijk gedrag."})
        self.complete("eindrapport", {"eindrapport": {
            "samenvatting": "Stabiel na twee jaar begeleiding door het duo.",
            "veiligheid": {"risicos": "Terugval bij verlies van de woning blijft een risico.",
                           "afspraken": "Wijkagent en huisarts signaleren.",
                           "signaleringsplan": "Broer belt het wijkteam bij terugval."},
            "nazorg": "Wijkteam en huisarts."}})

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
