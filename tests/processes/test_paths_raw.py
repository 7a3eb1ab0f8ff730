"""Main paths of every process, run on plain SpiffWorkflow with the real handlers (see conftest)."""
import pytest

from handlers import HandlerError

AANMELDING = dict(
    persoon={"naam": "Piet Pietersen", "bsn": "123456782", "geboortedatum": "1985-03-07"},
    regio="gelderland_midden", gemeente="Arnhem", aanmelder_organisatie="Politie",
    problematiek={"gevaarlijk_gedrag": True, "stoornis": "beide", "toelichting": "Dreigt met geweld"},
    strafrechtelijke_titel=False, partners=[{"organisatie": "Politie"}, {"organisatie": "GGNet"}],
    eerder_geprobeerd="Ambulante begeleiding")
BIJDRAGE = {"partner_bijdrage": {"organisatie": "Politie", "informatie": "Drie meldingen", "ontvangen_op": "2027-04-21"}}
ANONIEM = {"casusbeschrijving_anoniem": "Man van middelbare leeftijd met dreigend gedrag.", "adviestafel_vraag": "Inclusie?"}
PLAN_ZORG = {"risicotaxatie_datum": "2027-03-01", "risicotaxatie_uitkomst": "hoog"}


def to_adviestafel(run):
    """Aanmelding through Casus Op Maat and the partner information to the Adviestafel."""
    run.complete("aanmelding", **AANMELDING)
    run.complete("melding_aan_persoon", melding_besluit="geinformeerd")
    run.complete("casus_op_maat", com_besluit="ketenveldnorm")
    assert run.ready() == ["partnerinformatie", "partnerinformatie"]  # one task per partner
    run.complete("partnerinformatie", **BIJDRAGE)
    run.complete("partnerinformatie", **BIJDRAGE)
    run.complete("adviestafel_voorbereiden", **ANONIEM)


def test_criminal_title_is_not_eligible(start):
    run = start("levensloop_intake")
    run.complete("aanmelding", **{**AANMELDING, "strafrechtelijke_titel": True})
    assert run.workflow.is_completed()
    assert run.ends() == ["end_niet_ontvankelijk"]


def test_casus_op_maat_chooses_another_route(start):
    run = start("levensloop_intake")
    run.complete("aanmelding", **AANMELDING)
    run.complete("melding_aan_persoon", melding_besluit="geinformeerd")
    run.complete("casus_op_maat", com_besluit="meer_informatie")
    run.complete("aanvulling_aanmelder", aanvulling_informatie="Verslag wijkagent")
    run.complete("casus_op_maat", com_besluit="andere_route")
    run.complete("advies_andere_route", advies_ontvangen=True)
    assert run.workflow.is_completed()
    assert run.ends() == ["end_andere_route", "end_melding"]


def test_adviestafel_asks_more_information_then_includes(start):
    run = start("levensloop_intake")
    to_adviestafel(run)
    dossier = run.data("adviestafel_dossier")
    assert "Piet" not in str(dossier) and dossier["pseudoniem"].startswith("LL-")
    run.complete("adviestafel", adviestafel_besluit="meer_informatie")
    assert run.ready() == ["partnerinformatie", "partnerinformatie"]
    run.complete("partnerinformatie", **BIJDRAGE)
    run.complete("partnerinformatie", **BIJDRAGE)
    run.complete("adviestafel_voorbereiden", **ANONIEM)
    assert run.data("adviestafel_dossier")["pseudoniem"] == dossier["pseudoniem"]
    run.complete("adviestafel", adviestafel_besluit="includeren")
    run.complete("terugkoppeling_aanmelder", terugkoppeling_ontvangen=True)
    assert run.data("duo_voorstel")["casemanager_zorg"]["id"] == "cm-2"  # lowest caseload
    run.complete("duo_bevestigen", duo_akkoord=False,
                 duo_wijziging={"casemanager_zorg": "cm-1", "casusregisseur_gemeente": "cr-1", "reden": "Kent de persoon"})
    assert run.data("duo")["casemanager_zorg"]["id"] == "cm-1"
    assert run.data("toewijzingsbrief")["filename"] == "toewijzingsbrief-C-1.pdf"
    run.complete("eerste_casus_op_maat", informatiedeling_grondslag="bemoeizorg")
    assert run.workflow.is_completed()
    assert run.ends() == ["end_geincludeerd", "end_melding"]


def test_not_included(start):
    run = start("levensloop_intake")
    to_adviestafel(run)
    run.complete("adviestafel", adviestafel_besluit="niet_includeren")
    run.complete("terugkoppeling_aanmelder", terugkoppeling_ontvangen=True)
    assert run.ends() == ["end_melding", "end_niet_geincludeerd"]


def test_identifying_description_stops_the_referral(start):
    run = start("levensloop_intake")
    run.complete("aanmelding", **AANMELDING)
    run.complete("casus_op_maat", com_besluit="ketenveldnorm")
    run.complete("partnerinformatie", **BIJDRAGE)
    run.complete("partnerinformatie", **BIJDRAGE)
    with pytest.raises(HandlerError, match="casusbeschrijving bevat nog naam"):
        run.complete("adviestafel_voorbereiden", casusbeschrijving_anoniem="Piet dreigt met geweld.", adviestafel_vraag="?")
    assert "adviestafel" not in run.ready()


def test_postponed_melding_becomes_due_and_escalates_across_koningsdag(start):
    run = start("levensloop_intake")
    run.complete("aanmelding", **AANMELDING)
    run.complete("melding_aan_persoon", melding_besluit="uitstellen", melding_avg_grond="openbare_veiligheid",
                 melding_avg_toelichting="Lopend onderzoek", melding_uitstel_tot="2027-04-26")
    run.advance("2027-04-26T06:59:00+00:00")
    assert "melding_uitvoeren" not in run.ready()
    run.advance("2027-04-26T07:01:00+00:00")
    assert "melding_uitvoeren" in run.ready()
    run.advance("2027-05-04T06:59:00+00:00")  # five business days later, 27 April skipped
    assert "melding_te_laat" not in run.ready()
    run.advance("2027-05-04T07:01:00+00:00")
    assert "melding_te_laat" in run.ready()


def test_partner_information_deadline_asks_for_a_reminder(start):
    run = start("levensloop_intake")
    run.complete("aanmelding", **AANMELDING)
    run.complete("casus_op_maat", com_besluit="ketenveldnorm")
    run.advance("2027-05-05T07:01:00+00:00")  # 10 business days from 20 April, Koningsdag skipped
    assert "partnerinformatie_rappel" in run.ready()
    assert run.ready().count("partnerinformatie") == 2  # the partners' tasks stay open


def cycle(start, **data):
    run = start("levensloop_cyclus", regio="gelderland_midden", **data)
    assert run.ready() == ["plan_gemeente", "plan_zorg"]
    return run


def test_late_plan_escalates_to_procesregisseur_then_coordinator(start):
    run = cycle(start)
    run.advance("2027-05-21T07:01:00+00:00")
    assert run.ready().count("plan_te_laat_procesregisseur") == 2
    assert "plan_te_laat_coordinator" not in run.ready()
    run.advance("2027-06-04T07:01:00+00:00")
    assert run.ready().count("plan_te_laat_coordinator") == 2
    assert {"plan_zorg", "plan_gemeente"} <= set(run.ready())  # non-interrupting


def test_signals_go_to_the_domain_that_adjusts_the_plan(start):
    run = cycle(start)
    run.send("signaal_gemeente", omschrijving="Huurachterstand")
    run.send("detentie", omschrijving="Aangehouden")
    lanes = {t.task_spec.bpmn_id: t.task_spec.lane for t in run.workflow.get_tasks(manual=True) if t.task_spec.bpmn_id.startswith("plan_bijstellen")}
    assert lanes == {"plan_bijstellen_signaal_gemeente": "casusregisseur_gemeente", "plan_bijstellen_detentie": "casemanager_zorg"}
    assert run.task("plan_bijstellen_detentie").data["detentie_bericht"]["omschrijving"] == "Aangehouden"


def test_klinische_opschaling_needs_both_signatures_and_a_bed(start, ports):
    run = cycle(start)
    run.complete("plan_zorg", **PLAN_ZORG)
    run.complete("plan_gemeente")
    for akkoord in (False, True):
        run.complete("monitoring_contact", monitoring_actie="opschalen")
        run.complete("opschaling_aanvragen", opschaling_soort="klinisch")
        run.complete("medische_indicatie", medische_indicatie_omschrijving="Psychose",
                     indicatie_casemanager_zorg={"rol": "casemanager_zorg", "naam": "A", "datum": "2027-05-20", "akkoord": True})
        run.complete("indicatie_regiebehandelaar", indicatie_regiebehandelaar_ondertekening={
            "rol": "regiebehandelaar", "naam": "B", "datum": "2027-05-20", "akkoord": akkoord})
        if not akkoord:
            assert "op_end_geweigerd" in run.ends() and "bed_kiezen" not in run.ready()
    assert run.data("bedden_beschikbaar")["ggnet"]["beschikbaar"] == 6
    run.complete("bed_kiezen", bed_organisatie="ggnet", opname_datum="2027-05-21")
    assert ports["bedden"].active_reservations("ggnet") == 1
    run.complete("afschaling", afschaling_datum="2027-06-01")
    assert ports["bedden"].active_reservations("ggnet") == 0
    assert "monitoring_contact" in run.ready()


def test_opschaling_to_zvh_and_coordinator(start):
    run = cycle(start)
    run.complete("plan_zorg", **PLAN_ZORG)
    run.complete("plan_gemeente")
    for soort, task in (("zvh", "opschaling_zvh"), ("coordinator", "opschaling_coordinator")):
        run.complete("monitoring_contact", monitoring_actie="opschalen")
        run.complete("opschaling_aanvragen", opschaling_soort=soort)
        run.complete(task)
    assert {"op_end_zvh", "op_end_coordinator"} <= set(run.ends())


def test_risicotaxatie_due_and_overdue(start):
    run = cycle(start)
    run.complete("plan_zorg", risicotaxatie_datum="2027-02-01", risicotaxatie_uitkomst="hoog")
    run.complete("plan_gemeente")
    assert "risicotaxatie_uitvoeren" not in run.ready()
    run.advance("2027-05-03T07:01:00+00:00")  # 1 May is a Saturday
    assert "risicotaxatie_uitvoeren" in run.ready()
    run.advance("2027-05-17T07:01:00+00:00")  # 10 business days, Ascension Day and Pentecost Monday skipped
    assert "risicotaxatie_te_laat" not in run.ready()
    run.advance("2027-05-19T07:01:00+00:00")
    assert "risicotaxatie_te_laat" in run.ready()
    run.complete("risicotaxatie_uitvoeren", risicotaxatie_datum="2027-05-19", risicotaxatie_uitkomst="laag")
    assert run.data("risicotaxatie_vervaldatum") == "2028-05-19T09:00:00+02:00"


def test_no_contact_for_too_long_asks_for_action(start):
    run = cycle(start)
    run.complete("plan_zorg", **PLAN_ZORG)
    run.complete("plan_gemeente")
    run.advance("2027-05-20T07:01:00+00:00")
    assert "geen_contact" not in run.ready()
    run.advance("2027-05-21T07:01:00+00:00")  # 20 business days after 20 April: Koningsdag, Ascension, Pentecost skipped
    assert "geen_contact" in run.ready()


@pytest.mark.parametrize("besluit, end", [("doorgaan", "end_doorgaan"), ("afsluiting", "end_afgesloten")])
def test_evaluation_continues_or_closes(start, besluit, end):
    run = cycle(start)
    run.complete("plan_zorg", **PLAN_ZORG)
    run.complete("plan_gemeente")
    run.send("signaal_zorg", omschrijving="Open signaal")
    run.complete("monitoring_contact", monitoring_actie="evalueren")
    run.complete("evaluatie", evaluatie_besluit=besluit)
    if besluit == "afsluiting":
        run.complete("eindrapport", eindrapport={"veiligheid": {"risicos": "x"}})
    assert run.workflow.is_completed()  # open signal handling ends with the cycle
    assert end in run.ends()


def test_evaluation_moment_interrupts_monitoring(start):
    run = cycle(start)
    run.complete("plan_zorg", **PLAN_ZORG)
    run.complete("plan_gemeente")
    run.advance("2027-10-22T07:01:00+00:00")
    assert "evaluatie" in run.ready() and "monitoring_contact" not in run.ready()


def test_three_months_elsewhere_leads_to_accepted_handover(start):
    run = cycle(start)
    run.send("verblijf_elders", startdatum="2027-05-03")
    run.complete("plan_bijstellen_verblijf_elders")
    run.complete("plan_zorg", **PLAN_ZORG)
    run.complete("plan_gemeente")
    run.advance("2027-08-03T06:59:00+00:00")
    assert "overdracht_beoordelen" not in run.ready()
    run.advance("2027-08-03T07:01:00+00:00")
    run.complete("overdracht_beoordelen", overdracht_beoordeling="overdragen")
    run.complete("overdracht_voorbereiden")
    assert run.task("overdracht_accepteren").task_spec.lane == "coordinator"
    run.complete("overdracht_accepteren", overdracht_geaccepteerd=True)
    assert run.workflow.is_completed()
    assert "end_overgedragen" in run.ends()


def test_return_cancels_the_handover_timer(start):
    run = cycle(start)
    run.send("verblijf_elders", startdatum="2027-05-03")
    run.complete("plan_bijstellen_verblijf_elders")
    run.send("terugkeer", datum="2027-06-01")
    assert "plan_bijstellen_terugkeer" in run.ready()
    run.advance("2027-08-04T07:01:00+00:00")
    assert "overdracht_beoordelen" not in run.ready()
    assert "ov_end_teruggekeerd" in run.ends()


def test_rejected_handover_after_evaluation_starts_a_new_cycle(start):
    run = cycle(start)
    run.complete("plan_zorg", **PLAN_ZORG)
    run.complete("plan_gemeente")
    run.complete("monitoring_contact", monitoring_actie="evalueren")
    run.complete("evaluatie", evaluatie_besluit="overdracht")
    run.complete("overdracht_voorbereiden")
    run.complete("overdracht_accepteren", overdracht_geaccepteerd=False)
    assert run.workflow.is_completed()
    assert {"ov_end_afgewezen", "end_doorgaan"} <= set(run.ends()) and "end_overgedragen" not in run.ends()
