"""Cases built through the real Ketenveldnorm processes for the at-rest, retention, authorization
and leak tests, around a person with a distinctive name, BSN and birth date."""
from engine.instances import service as instances
from engine.security.actors import Actor
from tests.scenarios import formdata as f
from tests.scenarios.conftest import PASSWORD, driver  # noqa: F401 (re-exported; driver is a fixture)
from tests.scenarios.driver import REGION, Driver
from tests.scenarios.paths import partner_information, start_cycle, to_adviestafel

NAAM = "Zebedeus Quaxelaar"
BSN = "987654329"
GEBOORTEDATUM = "1971-09-23"
SECRETS = (NAAM, "Quaxelaar", BSN, GEBOORTEDATUM)
PERSOON = {"naam": NAAM, "bsn": BSN, "geboortedatum": GEBOORTEDATUM, "adres": "Kronkelpad 7, Nijmegen",
           "telefoon": "06-12345678"}
AANMELDING = {**f.AANMELDING, "persoon": PERSOON}
OTHER_REGION = "Noord- en Oost-Gelderland"



def register(driver: Driver, casus_id: str = "C-QX", by: Actor | None = None, regio: str = "gelderland_zuid") -> str:
    """Start an intake (as ``by``, default the user 'aanmelder') and fill in the aanmelding."""
    by = by or Actor("aanmelder", frozenset({"aanmelder"}), REGION)
    intake = instances.start(driver.rt, "levensloop_intake", {"casus_id": casus_id, "regio": regio}, by)["id"]
    driver.complete(intake, "aanmelding", AANMELDING)
    return intake


def referred(driver: Driver, casus_id: str = "C-AT") -> str:
    """A registered case prepared for, and waiting at, the Adviestafel (its dossier exists)."""
    return to_adviestafel(driver, intake=register(driver, casus_id))


def cases(driver: Driver) -> dict[str, str]:
    """own: registered by 'aanmelder'; referred: at the Adviestafel; duo: a cycle of cm_anna and
    cr_carla; elsewhere: registered in another region by 'aanmelder_noord'."""
    return {
        "own": register(driver, "C-OWN"),
        "referred": referred(driver),
        "duo": start_cycle(driver, "C-DUO", persoon=PERSOON),
        "elsewhere": register(driver, "C-NOORD", Actor("aanmelder_noord", frozenset({"aanmelder"}), OTHER_REGION),
                              regio="noord_oost_gelderland"),
    }


def referred_casus(driver: Driver) -> dict:
    """A casus registered through the casus service, its intake waiting at the Adviestafel."""
    from engine.casus import service as casus

    view = casus.register(driver.rt, PERSOON, "gelderland_zuid", Actor("aanmelder", frozenset({"aanmelder"}), REGION))
    intake = view["current_instance"]
    driver.complete(intake, "aanmelding", AANMELDING)
    driver.complete(intake, "melding_aan_persoon", f.MELDING_GEDAAN)
    driver.complete(intake, "casus_op_maat", f.casus_op_maat("ketenveldnorm"))
    partner_information(driver, intake)
    return view
