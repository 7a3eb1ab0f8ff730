"""Casusregie gezin (seed 003) on the simulated clock: in kaart brengen with the professionals the seed
requires, the plan, evaluation moments at a fixed frequency, signals, non-cooperation reported to the
verwijzer, escalation and de-escalation after consulting the gedragsdeskundige (the regiekaart shows who
holds regie each time), and afsluiting with an eindrapport that gives veiligheid its own section."""
import pytest

from tests.scenarios import formdata_gezin as g

PROCESS = "casusregie_gezin"
VRIJWILLIG_FASE_2 = "Vrijwillig kader: Cliënt voert zelf casusregie of Sociaal Wijkteam"
VRIJWILLIG_FASE_3 = "Vrijwillig kader: Casusregie is altijd belegd bij professional van"


def regie(d, instance_id: str) -> tuple:
    data = d.data(instance_id)
    return (data["casusregie"], data["procesregie"], data["operationeel_verantwoordelijk"],
            data["bestuurlijk_verantwoordelijk"])


def referred(d) -> str:
    instance_id = d.start(PROCESS, {"casus_id": "G-1", "regio": "gelderland_zuid"}, role="verwijzer")
    assert d.task(instance_id, "verwijzing")["lane"] == "verwijzer"
    d.complete(instance_id, "verwijzing", g.VERWIJZING)
    return instance_id


def in_regie(d) -> str:
    """Phases 1 and 2 done: the casusregisseur holds regie and waits for the first evaluation moment."""
    instance_id = referred(d)
    d.complete(instance_id, "in_kaart_brengen", g.in_kaart("jgz", "school", "huisarts"))
    for element, data in (("probleemanalyse", g.PROBLEEMANALYSE), ("werkplan", g.WERKPLAN),
                          ("toeleiding_zorg", g.TOELEIDING)):
        d.complete(instance_id, element, data)
    assert d.ready(instance_id) == []
    return instance_id


@pytest.fixture
def gezin(driver):
    return in_regie(driver)


def first_evaluation(d, instance_id: str) -> None:
    d.advance_to("2027-06-01T08:00:01+00:00")  # six weeks after 20 April
    assert d.task(instance_id, "evaluatiemoment")["lane"] == "casusregisseur_gezin"


def test_every_life_domain_and_the_professionals_the_seed_requires(driver):
    d = driver
    instance_id = referred(d)
    zonder_financien = {**g.in_kaart("jgz", "school"), "leefgebieden": {
        k: v for k, v in g.LEEFGEBIEDEN.items() if k != "financien"}}
    assert d.refused(instance_id, "in_kaart_brengen", zonder_financien).fields == {
        "leefgebieden.financien": "Dit veld is verplicht."}
    assert "minstens één kind" in d.refused(instance_id, "in_kaart_brengen",
                                            {**g.in_kaart("jgz"), "kinderen": []}).fields["kinderen"]
    # Sem is 2 (JGZ), Lotte 9 (school), the family sees the GP regularly: only JGZ contacted so far
    d.complete(instance_id, "in_kaart_brengen", g.in_kaart("jgz"))
    inventaris = d.data(instance_id)["professionals_inventaris"]
    assert (inventaris["verplicht"], inventaris["ontbrekend"]) == (["jgz", "school", "huisarts"], ["school", "huisarts"])
    d.complete(instance_id, "professionals_aanvullen", {"professionals_aanvulling": [g.professional("school")]})
    assert d.data(instance_id)["professionals_inventaris"]["ontbrekend"] == ["huisarts"]
    d.complete(instance_id, "professionals_aanvullen", {"professionals_aanvulling": [g.professional("huisarts")]})
    assert d.ready(instance_id) == ["probleemanalyse"]
    assert [p["soort"] for p in d.data(instance_id)["professionals_inventaris"]["gecontacteerd"]] == [
        "jgz", "school", "huisarts"]
    casusregie, procesregie, operationeel, bestuurlijk = regie(d, instance_id)
    assert casusregie.startswith(VRIJWILLIG_FASE_2)
    assert procesregie.startswith("Gemeentelijk procesregisseur Sociaal Domein voert procesregie of OGGZ-team")
    assert bestuurlijk == "Wethouder sociaal domein"


def test_no_huisarts_needed_without_regular_contact(driver):
    instance_id = referred(driver)
    driver.complete(instance_id, "in_kaart_brengen", g.in_kaart("jgz", "school", huisarts=False))
    assert driver.ready(instance_id) == ["probleemanalyse"]


def test_probleemanalyse_and_werkplan_are_validated(driver):
    d = driver
    instance_id = referred(d)
    d.complete(instance_id, "in_kaart_brengen", g.in_kaart("jgz", "school", "huisarts"))
    zonder_risico = {**g.PROBLEEMANALYSE, "veiligheidsrisicos": []}
    assert d.refused(instance_id, "probleemanalyse", zonder_risico).fields == {
        "veiligheidsrisicos": "Beschrijf minstens één veiligheidsrisico."}
    d.complete(instance_id, "probleemanalyse", g.PROBLEEMANALYSE)
    betrokkene = {**g.BETROKKENE, "email": "geen-adres", "telefoon": "12", "bereikbaar": []}
    fout = {**g.WERKPLAN, "werkplan": {**g.WERKPLAN["werkplan"], "betrokkenen": [betrokkene], "doelen": []}}
    errors = d.refused(instance_id, "werkplan", fout).fields
    assert errors == {"werkplan.betrokkenen.0.email": "Vul een geldig e-mailadres in.",
                      "werkplan.betrokkenen.0.telefoon": "Vul een Nederlands telefoonnummer in, zoals 06 12345678 of "
                                                          "+31 26 1234567.",
                      "werkplan.betrokkenen.0.bereikbaar": "Kies minstens één dag waarop de betrokkene goed bereikbaar is.",
                      "werkplan.doelen": "Beschrijf minstens één doel, met wie wat doet."}
    d.complete(instance_id, "werkplan", g.WERKPLAN)
    assert d.ready(instance_id) == ["toeleiding_zorg"]


def test_evaluation_moments_come_at_the_fixed_frequency(driver, gezin):
    d = driver
    d.advance_to("2027-06-01T07:59:00+00:00")
    assert d.ready(gezin) == []
    first_evaluation(d, gezin)
    d.complete(gezin, "evaluatiemoment", g.evaluatiemoment("doorgaan"))
    assert d.ready(gezin) == []
    d.advance_to("2027-07-13T08:00:00+00:00")  # six weeks after the moment was completed
    assert d.ready(gezin) == []
    d.advance_to("2027-07-13T08:00:02+00:00")
    assert d.ready(gezin) == ["evaluatiemoment"]


def test_non_cooperation_is_recorded_and_the_verwijzer_informed(driver, gezin):
    d = driver
    first_evaluation(d, gezin)
    niet_aangesproken = [{**g.NIET_MEEGEWERKT[0], "aangesproken": False}]
    assert d.refused(gezin, "evaluatiemoment", g.evaluatiemoment(niet_meegewerkt=niet_aangesproken)).fields == {
        "niet_meegewerkt.0.aangesproken": "De casusregisseur spreekt degene die dit betreft hierop aan."}
    d.complete(gezin, "evaluatiemoment", g.evaluatiemoment(niet_meegewerkt=g.NIET_MEEGEWERKT))
    assert d.task(gezin, "verwijzer_informeren")["lane"] == "verwijzer"
    d.complete(gezin, "verwijzer_informeren", g.VERWIJZER_KENNISNAME)
    assert d.ready(gezin) == []  # back to regie: waiting for the next moment or signal
    assert d.data(gezin)["niet_meegewerkt"] == g.NIET_MEEGEWERKT


def test_a_signal_needs_spoken_and_written_feedback_and_informed_parents(driver, gezin):
    d = driver
    assert d.signal("signaal_gezin", "G-1", omschrijving="Lotte komt te laat.") == [gezin]
    assert d.refused(gezin, "signaal_beoordelen", {**g.signaal(), "signaal_terugkoppeling": ["mondeling"]}).fields == {
        "signaal_terugkoppeling": "De casusregisseur ontvangt een mondelinge én een schriftelijke terugkoppeling."}
    assert d.refused(gezin, "signaal_beoordelen", {**g.signaal(), "ouders_geinformeerd": False}).fields == {
        "ouders_geinformeerd": "Ouders worden altijd geïnformeerd door de betrokken professional."}
    d.complete(gezin, "signaal_beoordelen", g.signaal("doorgaan"))
    assert d.data(gezin)["signaal_gezin_bericht"]["omschrijving"] == "Lotte komt te laat."
    first_evaluation(d, gezin)  # the fixed frequency goes on


def test_escalation_after_the_gedragsdeskundige_then_de_escalation(driver, gezin):
    d = driver
    first_evaluation(d, gezin)
    d.complete(gezin, "evaluatiemoment", g.evaluatiemoment("opschalen"))
    assert d.task(gezin, "overleg_gedragsdeskundige")["lane"] == "gedragsdeskundige"
    d.complete(gezin, "overleg_gedragsdeskundige",
               g.overleg(3, ["melding_veilig_thuis", "jeugdbeschermingstafel", "raadsonderzoek"]))
    casusregie, procesregie, _, bestuurlijk = regie(d, gezin)
    assert casusregie.startswith(VRIJWILLIG_FASE_3)
    assert procesregie == "Gemeentelijk procesregisseur Sociaal Domein voert procesregie of Veilig Thuis."
    assert bestuurlijk == "Wethouder sociaal domein informeert burgemeester."
    assert d.ready(gezin) == ["jeugdbeschermingstafel", "melding_veilig_thuis", "verzoek_raadsonderzoek"]
    d.complete(gezin, "melding_veilig_thuis", g.MELDING_VEILIG_THUIS)
    d.complete(gezin, "jeugdbeschermingstafel", g.JEUGDBESCHERMINGSTAFEL)
    assert d.ready(gezin) == ["verzoek_raadsonderzoek"]  # regie waits for every measure taken
    d.complete(gezin, "verzoek_raadsonderzoek", g.RAADSONDERZOEK)
    assert d.ready(gezin) == []
    d.advance_to("2027-07-13T08:00:02+00:00")
    d.complete(gezin, "evaluatiemoment", g.evaluatiemoment("afschalen"))
    d.complete(gezin, "overleg_gedragsdeskundige", g.overleg(2, []))
    assert regie(d, gezin)[0].startswith(VRIJWILLIG_FASE_2)
    assert regie(d, gezin)[3] == "Wethouder sociaal domein"
    assert d.ready(gezin) == []


def test_in_a_compulsory_framework_the_guardian_holds_casusregie(driver, gezin):
    d = driver
    assert d.signal("signaal_gezin", "G-1", omschrijving="Kinderrechter: ondertoezichtstelling.") == [gezin]
    d.complete(gezin, "signaal_beoordelen", g.signaal("opschalen"))
    d.complete(gezin, "overleg_gedragsdeskundige", g.overleg(3, ["intensievere_hulp"], kader="gedwongen"))
    assert regie(d, gezin)[0] == ("Gedwongen kader: Casusregie is altijd belegd bij een professional. "
                                  "Jeugd: (gezins-)voogd of jeugdreclasseringswerker van GI.")
    assert d.ready(gezin) == []


def test_afsluiting_after_internal_consultation_with_an_eindrapport_on_veiligheid(driver, gezin):
    d = driver
    first_evaluation(d, gezin)
    d.complete(gezin, "evaluatiemoment", g.evaluatiemoment("afsluiten"))
    assert d.task(gezin, "afsluiting_overleg")["lane"] == "gedragsdeskundige"
    d.complete(gezin, "afsluiting_overleg", g.afsluiting_overleg(akkoord=False))
    assert d.ready(gezin) == []  # not yet: regie goes on
    d.advance_to("2027-07-13T08:00:02+00:00")
    d.complete(gezin, "evaluatiemoment", g.evaluatiemoment("afsluiten"))
    d.complete(gezin, "afsluiting_overleg", g.afsluiting_overleg())
    kort = {**g.AFSLUITING, "eindrapport_gezin": {**g.AFSLUITING["eindrapport_gezin"],
                                                   "veiligheid": {**g.VEILIGHEID, "risicos": "Geen."}}}
    assert "ruime aandacht" in d.refused(gezin, "afsluiting_gezin", kort).fields["eindrapport_gezin.veiligheid.risicos"]
    zonder = {**g.AFSLUITING, "betrokkenen_geinformeerd": []}
    assert d.refused(gezin, "afsluiting_gezin", zonder).fields == {
        "betrokkenen_geinformeerd": "Informeer alle betrokkenen over de afsluiting."}
    d.complete(gezin, "afsluiting_gezin", g.AFSLUITING)
    assert d.status(gezin) == "completed"
    assert "cg_end" in d.ends(gezin)
