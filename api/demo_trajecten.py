"""Demo trajecten of the seed 003/004 processes in both demo regions: casusregie gezin (started by the verwijzer)
and the Wmo traject (started by the sociaal team), each in a few phases, so the casusregisseur gezin, the
verwijzer, the sociaal team and the aanbieder find work of their own.

They are zaken, not casussen (a family case and a Wmo traject have no duo and no chain). Driven through the
service layer by the region's demo workers; a region whose starter already has such zaken is skipped.
"""
from datetime import date, timedelta

from sqlalchemy import select

from api.demo_seed import complete_ready
from api.demo_users import REGIONS, DemoRegion
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from handlers.werkdagen import lokale_datum

GEZIN, WMO = "casusregie_gezin", "wmo_traject"
#: The tasks the demo completes, in order; a phase is named by the task that is open, with how many are done before.
GEZIN_STEPS = ("verwijzing", "in_kaart_brengen")
GEZIN_PHASES = {"verwijzing": 0, "in_kaart_brengen": 1, "probleemanalyse": 2}
WMO_STEPS = ("vraagverheldering", "voorliggend_veld", "ondersteuningsbehoefte", "beschikking")
WMO_PHASES = {"vraagverheldering": 0, "ondersteuningsbehoefte": 2, "ondersteuningsplan": 4}
GEZINNEN = ("Gezin Jansen", "Gezin El Amrani", "Gezin de Vries")
INWONERS = (("Truus Bos", "1949-03-02"), ("Karel Smit", "1958-07-19"), ("Lies van Dam", "1964-12-05"))


def seed_trajecten(rt) -> list[str]:
    """Seed the demo trajecten of each region that has none yet; returns "region: process phase" of those seeded."""
    today = lokale_datum(rt.clock.now())
    seeded = []
    for region in REGIONS:
        if not _started(rt, GEZIN, region.username("verwijzer")):
            for phase, gezin in zip(GEZIN_PHASES, GEZINNEN):
                _Gezin(rt, region, today, gezin).run(phase)
                seeded.append(f"{region.name}: casusregie gezin {phase}")
        if not _started(rt, WMO, region.username("sociaal_team")):
            for phase, inwoner in zip(WMO_PHASES, INWONERS):
                _Wmo(rt, region, today, inwoner).run(phase)
                seeded.append(f"{region.name}: Wmo-traject {phase}")
    return seeded


def _started(rt, process_id: str, username: str) -> bool:
    with rt.uow() as uow:
        return uow.session.scalar(select(ProcessInstance.id).where(ProcessInstance.process_id == process_id,
                                                                    ProcessInstance.started_by == username)
                                  .limit(1)) is not None


class _Traject:
    process_id, starter, steps, phases = "", "", (), {}

    def __init__(self, rt, region: DemoRegion, today: date, subject):
        self.rt, self.region, self.today, self.subject = rt, region, today, subject
        self.instance_id = ""

    def day(self, offset: int = 0) -> str:
        return (self.today + timedelta(days=offset)).isoformat()

    def run(self, phase: str) -> None:
        """Start, then complete each earlier phase's task: the zaak waits in ``phase``."""
        self.instance_id = instances.start(self.rt, self.process_id, self.start_data(),
                                           self.region.actor(self.starter))["id"]
        for done in self.steps[:self.phases[phase]]:
            complete_ready(self.rt, self.region, self.instance_id, done, getattr(self, done)())

    def start_data(self) -> dict:
        return {"regio": self.region.code}


class _Gezin(_Traject):
    process_id, starter, steps, phases = GEZIN, "verwijzer", GEZIN_STEPS, GEZIN_PHASES

    def start_data(self) -> dict:
        """Signals about the family correlate on ``casus_id``: the family's reference."""
        reference = f"{self.subject.lower().replace(' ', '-')}-{self.region.code}"
        return {**super().start_data(), "casus_id": reference}

    def verwijzing(self) -> dict:
        return {"verwijzer_organisatie": "Huisartsenpraktijk Het Plein", "gezin_naam": self.subject,
                "verwijzing_reden": "Veel hulpverleners rond het gezin, niemand houdt het overzicht.",
                "regie_ouders": "lukt_beperkt", "gezin_gemotiveerd": True, "kader": "vrijwillig", "doelgroep": "jeugd"}

    def in_kaart_brengen(self) -> dict:
        """A toddler (JGZ) and a schoolchild (school), no regular GP contact: both professionals contacted."""
        kinderen = [{"voornaam": "Lina", "geboortedatum": self.day(-2 * 365)},
                    {"voornaam": "Tim", "geboortedatum": self.day(-8 * 365)}]
        professionals = [{"soort": soort, "naam": naam, "organisatie": organisatie, "gecontacteerd_op": self.day(-1)}
                         for soort, naam, organisatie in (("jgz", "M. de Wit", "Consultatiebureau"),
                                                          ("school", "R. Peters", "Basisschool De Regenboog"))]
        leefgebieden = {key: "Besproken met beide ouders." for key in (
            "opvoeding", "ontwikkeling_kinderen", "veiligheid", "gezondheid", "financien", "huisvesting",
            "werk_dagbesteding", "sociaal_netwerk")}
        return {"kinderen": kinderen, "leefgebieden": leefgebieden, "huisarts_regelmatig_contact": False,
                "professionals": professionals, "fase": 2}


class _Wmo(_Traject):
    process_id, starter, steps, phases = WMO, "sociaal_team", WMO_STEPS, WMO_PHASES

    def vraagverheldering(self) -> dict:
        naam, geboren = self.subject
        return {"inwoner": {"naam": naam, "geboortedatum": geboren, "gemeente": "houten"},
                "hulpvraag": "Ik red het huishouden en mijn post niet meer alleen.",
                "situatie_nu": "Woont alleen; sinds een val minder mobiel.",
                "thuissituatie": "Zoon komt eens per twee weken langs.",
                "verleden": {"trauma": False, "eerdere_depressie": False, "toelichting": "Geen bijzonderheden."},
                "dementie": False, "nah": False}

    def voorliggend_veld(self) -> dict:
        return {"voorliggend_ingezet": ["welzijn"], "informele_ondersteuning": "Zoon doet de boodschappen.",
                "voorliggend_volstaat": "maatwerk_nodig",
                "voorliggend_toelichting": "Welzijnswerk helpt, maar de administratie loopt vast."}

    def ondersteuningsbehoefte(self) -> dict:
        return {"resultaatgebieden": {"zelfzorg_gezondheid": {"type": "behouden",
                                                              "doel": "Zelfstandig thuis blijven wonen."}},
                "verzwarende_omstandigheden_lijst": [], "resultaatgebieden_duidelijk": True, "inwoner_akkoord": True}

    def beschikking(self) -> dict:
        return {"beschikking_datum": self.day(), "ingangsdatum": self.day(), "aanbieder_naam": "Welzijn Lekstroom",
                "beschikking_toelichting": "Begeleiding individueel."}
