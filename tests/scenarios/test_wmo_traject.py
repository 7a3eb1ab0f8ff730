"""Wmo traject individuele ondersteuning (seed 004) on the simulated clock: the inwoner's question (also the
past), voorliggend veld first, resultaatgebieden and verzwarende omstandigheden, intensity and duration by
decision, the beschikking, periodic contact at the decided frequency, op- en afschalen, disagreement
between aanbieder and sociaal team, the end of a beschikking, and the Wmo/Wlz boundary."""
import pytest

from tests.scenarios import formdata_wmo as w

PROCESS = "wmo_traject"


def asked(d, vraag: dict = w.VRAAGVERHELDERING) -> str:
    instance_id = d.start(PROCESS, {"regio": "gelderland_zuid"}, role="sociaal_team")
    assert d.task(instance_id, "vraagverheldering")["lane"] == "sociaal_team"
    d.complete(instance_id, "vraagverheldering", vraag)
    d.complete(instance_id, "voorliggend_veld", w.VOORLIGGEND_AANVULLEND)
    return instance_id


def indicated(d, behoefte: dict, ingangsdatum: str = "2027-04-20") -> str:
    """Asked, indicated, decided, a beschikking given and the aanbieder agreeing: the traject runs."""
    instance_id = asked(d)
    d.complete(instance_id, "ondersteuningsbehoefte", behoefte)
    d.complete(instance_id, "beschikking", w.beschikking(ingangsdatum))
    assert d.task(instance_id, "ondersteuningsplan")["lane"] == "aanbieder"
    d.complete(instance_id, "ondersteuningsplan", w.PLAN_AKKOORD)
    assert d.ready(instance_id) == []
    return instance_id


def ended(d, instance_id: str, end_event: str) -> bool:
    return d.status(instance_id) == "completed" and end_event in d.ends(instance_id)


def outcome(d, instance_id: str) -> tuple:
    data = d.data(instance_id)
    return data["intensiteit"], data["duur_maanden"], data["contact_sociaal_team_maanden"]


@pytest.fixture
def behouden(driver):
    """Two areas to keep at their level, one lasting verzwarende omstandigheid, areas clear: 5 years, contact every 2."""
    return indicated(driver, w.behoefte(w.TWEE_BEHOUDEN, [w.omstandigheid()]))


def test_voorliggend_veld_first(driver):
    d = driver
    instance_id = d.start(PROCESS, {"regio": "gelderland_zuid"}, role="sociaal_team")
    zonder_verleden = {**w.VRAAGVERHELDERING, "verleden": {"trauma": False, "toelichting": "Geen."}}
    assert d.refused(instance_id, "vraagverheldering", zonder_verleden).fields == {
        "verleden.eerdere_depressie": "Dit veld is verplicht."}
    d.complete(instance_id, "vraagverheldering", w.VRAAGVERHELDERING)
    d.complete(instance_id, "voorliggend_veld", w.VOORLIGGEND_VOLSTAAT)
    assert ended(d, instance_id, "wmo_end_voorliggend")


def test_start_with_one_to_three_areas_and_mark_temporary_circumstances(driver):
    d = driver
    instance_id = asked(d)
    vier = {key: w.gebied() for key in ("zelfzorg_gezondheid", "regelvermogen_structuur", "sociaal_functioneren",
                                        "daginvulling_zingeving")}
    assert d.refused(instance_id, "ondersteuningsbehoefte", w.behoefte(vier)).fields == {
        "resultaatgebieden": "Begin met één tot drie resultaatgebieden; later kan er een worden toegevoegd."}
    alleen_administratie = w.behoefte({"administratie_financien": w.gebied("ontwikkelen")})
    assert "alleen in combinatie" in d.refused(instance_id, "ondersteuningsbehoefte",
                                               alleen_administratie).fields["resultaatgebieden"]
    zonder_einde = w.behoefte(w.TWEE_BEHOUDEN, [w.omstandigheid(tijdelijk=True)])
    assert d.refused(instance_id, "ondersteuningsbehoefte", zonder_einde).fields == {
        "verzwarende_omstandigheden_lijst.0.tijdelijk_tot": "Dit veld is verplicht."}
    assert d.refused(instance_id, "ondersteuningsbehoefte", {**w.behoefte(w.TWEE_BEHOUDEN), "inwoner_akkoord": False}
                     ).fields == {"inwoner_akkoord": "De inwoner staat centraal: bespreek de indicatie met de inwoner."}
    d.complete(instance_id, "ondersteuningsbehoefte", w.behoefte(w.TWEE_BEHOUDEN, [w.omstandigheid(True, "2027-10-01")]))
    assert d.ready(instance_id) == ["beschikking"]


def test_keeping_a_level_gets_a_long_beschikking_and_contact_every_two_years(driver, behouden):
    d = driver
    assert outcome(d, behouden) == ("midden", 60, 24)
    assert d.data(behouden)["wmo_termijnen"] == {"einde_beschikking": "2032-04-20T09:00:00+02:00", "contact_maanden": 24}
    assert d.data(behouden)["wmo_moment"] == {"op": "2029-04-20T09:00:00+02:00", "soort": "contact"}
    d.advance_to("2029-04-20T06:59:00+00:00")
    assert d.ready(behouden) == []
    d.advance_to("2029-04-20T08:00:01+00:00")
    assert d.task(behouden, "voortgang")["lane"] == "aanbieder"
    d.complete(behouden, "voortgang", w.VOORTGANG)
    assert d.task(behouden, "periodiek_contact")["lane"] == "sociaal_team"
    d.complete(behouden, "periodiek_contact", w.contact("doorgaan"))
    assert d.ready(behouden) == []
    d.advance_to("2031-04-21T07:00:01+00:00")  # 20 April 2031 is a Sunday
    assert d.ready(behouden) == ["voortgang"]


def test_opschalen_then_afschalen_when_a_temporary_circumstance_ends(driver, behouden):
    d = driver
    d.advance_to("2029-04-20T08:00:01+00:00")
    d.complete(behouden, "voortgang", {**w.VOORTGANG, "aanbieder_advies": "opschalen"})
    d.complete(behouden, "periodiek_contact", w.contact("opschalen"))
    assert d.task(behouden, "herindicatie")["lane"] == "sociaal_team"
    drie = [w.omstandigheid(), w.omstandigheid(True, "2029-10-01"), w.omstandigheid(True, "2029-10-01")]
    d.complete(behouden, "herindicatie", w.herindicatie("opschalen", w.TWEE_BEHOUDEN, drie))
    assert outcome(d, behouden)[0] == "hoog"
    d.complete(behouden, "beschikking", w.beschikking("2029-04-23"))
    d.complete(behouden, "ondersteuningsplan", w.PLAN_AKKOORD)
    d.advance_to("2031-04-24T08:00:00+00:00")
    d.complete(behouden, "voortgang", {**w.VOORTGANG, "aanbieder_advies": "afschalen"})
    d.complete(behouden, "periodiek_contact", w.contact("afschalen"))
    d.complete(behouden, "herindicatie", w.herindicatie("afschalen", w.TWEE_BEHOUDEN, [w.omstandigheid()]))
    assert outcome(d, behouden)[0] == "midden"


def test_adding_an_area_later(driver, behouden):
    d = driver
    d.advance_to("2029-04-20T08:00:01+00:00")
    d.complete(behouden, "voortgang", w.VOORTGANG)
    d.complete(behouden, "periodiek_contact", w.contact("resultaatgebied_toevoegen"))
    vier = {**w.TWEE_BEHOUDEN, "regelvermogen_structuur": w.gebied("ontwikkelen"),
            "sociaal_functioneren": w.gebied("ontwikkelen")}
    d.complete(behouden, "herindicatie", w.herindicatie("resultaatgebied_toevoegen", vier, [w.omstandigheid()]))
    assert outcome(d, behouden) == ("zeer_hoog", 12, 6)
    assert d.ready(behouden) == ["beschikking"]


def test_disagreement_between_aanbieder_and_sociaal_team_has_its_own_path(driver):
    d = driver
    instance_id = asked(d)
    d.complete(instance_id, "ondersteuningsbehoefte", w.behoefte(w.TWEE_BEHOUDEN))
    d.complete(instance_id, "beschikking", w.beschikking())
    assert d.refused(instance_id, "ondersteuningsplan", {**w.PLAN_AKKOORD, "aanbieder_akkoord": False}).fields == {
        "aanbieder_bezwaar": "Dit veld is verplicht."}
    d.complete(instance_id, "ondersteuningsplan", w.PLAN_ONEENS)
    assert d.task(instance_id, "onenigheid_overleg")["lane"] == "sociaal_team"
    alleen = {**w.onenigheid("indicatie_blijft"), "onenigheid_deelnemers": ["sociaal_team", "inwoner"]}
    assert "samen" in d.refused(instance_id, "onenigheid_overleg", alleen).fields["onenigheid_deelnemers"]
    d.complete(instance_id, "onenigheid_overleg", w.onenigheid("indicatie_blijft"))
    d.complete(instance_id, "ondersteuningsplan", w.PLAN_ONEENS)  # still no agreement: talk again
    d.complete(instance_id, "onenigheid_overleg", w.onenigheid("indicatie_aanpassen"))
    ontwikkelen = {"zelfzorg_gezondheid": w.gebied(), "regelvermogen_structuur": w.gebied("ontwikkelen")}
    d.complete(instance_id, "herindicatie", w.herindicatie("onenigheid", ontwikkelen))
    assert outcome(d, instance_id) == ("midden", 12, 6)
    d.complete(instance_id, "beschikking", w.beschikking())
    d.complete(instance_id, "ondersteuningsplan", w.PLAN_AKKOORD)
    assert d.ready(instance_id) == []


def test_disagreement_during_the_traject(driver, behouden):
    d = driver
    d.advance_to("2029-04-20T08:00:01+00:00")
    d.complete(behouden, "voortgang", {**w.VOORTGANG, "aanbieder_advies": "afschalen"})
    d.complete(behouden, "periodiek_contact", w.contact("onenigheid"))
    d.complete(behouden, "onenigheid_overleg", w.onenigheid("indicatie_blijft"))
    d.complete(behouden, "ondersteuningsplan", w.PLAN_AKKOORD)
    assert d.ready(behouden) == []


def test_the_end_of_a_beschikking_leads_to_herindicatie_or_afsluiting(driver):
    d = driver
    # ontwikkelen while getting to know the inwoner: 6 months, contact every 3; the beschikking started in January
    instance_id = indicated(d, w.behoefte({"regelvermogen_structuur": w.gebied("ontwikkelen")}, duidelijk=False),
                            ingangsdatum="2027-01-04")
    assert outcome(d, instance_id) == ("midden", 6, 3)
    d.advance_to("2027-07-05T06:59:00+00:00")  # 4 July 2027 is a Sunday: Monday 09:00 in Amsterdam
    assert d.ready(instance_id) == []
    d.advance_to("2027-07-05T07:00:01+00:00")
    assert d.ready(instance_id) == ["einde_beschikking"]
    d.complete(instance_id, "einde_beschikking", w.einde("verlengen"))
    d.complete(instance_id, "herindicatie", w.herindicatie("verlengen", {"regelvermogen_structuur": w.gebied("ontwikkelen")}))
    assert outcome(d, instance_id) == ("midden", 12, 6)
    d.complete(instance_id, "beschikking", w.beschikking("2027-07-05"))
    d.complete(instance_id, "ondersteuningsplan", w.PLAN_AKKOORD)
    d.advance_to("2028-01-06T08:00:00+00:00")
    d.complete(instance_id, "voortgang", {**w.VOORTGANG, "aanbieder_advies": "beeindigen"})
    d.complete(instance_id, "periodiek_contact", w.contact("beeindigen"))
    d.complete(instance_id, "afsluiting_wmo", w.AFSLUITING)
    assert ended(d, instance_id, "wmo_end")


def test_dementia_leads_to_the_wlz_route(driver):
    d = driver
    instance_id = asked(d, {**w.VRAAGVERHELDERING, "dementie": True})
    d.complete(instance_id, "ondersteuningsbehoefte", w.behoefte(w.TWEE_BEHOUDEN))
    assert d.data(instance_id)["wlz_route"] is True
    assert d.ready(instance_id) == ["wlz_route_bespreken"]
    d.complete(instance_id, "wlz_route_bespreken", w.WLZ_CIZ)
    assert ended(d, instance_id, "wmo_end_wlz")


def test_too_many_circumstances_lead_to_the_wlz_route_with_wmo_meanwhile(driver):
    d = driver
    instance_id = asked(d)
    d.complete(instance_id, "ondersteuningsbehoefte", w.behoefte(w.TWEE_BEHOUDEN, [w.omstandigheid()] * 5))
    assert d.data(instance_id)["wlz_reden"].startswith("Te veel verzwarende omstandigheden")
    d.complete(instance_id, "wlz_route_bespreken", w.WLZ_OVERBRUGGING)
    assert outcome(d, instance_id) == ("hoog", 60, 24)
    assert d.ready(instance_id) == ["beschikking"]


def test_the_sociaal_team_can_take_the_wlz_route_during_the_traject(driver, behouden):
    d = driver
    d.advance_to("2029-04-20T08:00:01+00:00")
    d.complete(behouden, "voortgang", w.VOORTGANG)
    d.complete(behouden, "periodiek_contact", w.contact("wlz"))
    d.complete(behouden, "wlz_route_bespreken", w.WLZ_CIZ)
    assert ended(d, behouden, "wmo_end_wlz")


def test_a_beschikking_may_end_without_renewal(driver):
    d = driver
    instance_id = indicated(d, w.behoefte({"regelvermogen_structuur": w.gebied("ontwikkelen")}, duidelijk=False),
                            ingangsdatum="2027-01-04")
    d.advance_to("2027-07-05T07:00:01+00:00")
    d.complete(instance_id, "einde_beschikking", w.einde("beeindigen"))
    d.complete(instance_id, "afsluiting_wmo", w.AFSLUITING)
    assert ended(d, instance_id, "wmo_end")
