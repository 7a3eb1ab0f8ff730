"""The Ketenveldnorm end to end in Chromium: casus, aanmelding, Casus Op Maat, Adviestafel, plan, audit."""
import re

from playwright.sync_api import expect

from engine.casus import views
from tests.browser.forms import choose, field, fill, open_task, submit, tick
from tests.conftest import actor
from tests.scenarios import formdata as f
from tests.scenarios.paths import partner_information

AUDITOR = actor("auditor")


def register_casus(page, server) -> str:
    """The aanmelder registers the person on the Casussen page; returns the casus id."""
    page.get_by_role("link", name="Casussen").click()
    page.get_by_label("Naam").fill(f.PERSOON["naam"])
    page.get_by_label("BSN (optioneel)").fill(f.PERSOON["bsn"])
    page.get_by_label("Geboortedatum (optioneel)").fill(f.PERSOON["geboortedatum"])
    page.get_by_label("Regio").select_option(label="Gelderland-Zuid")
    page.get_by_role("button", name="Casus aanmelden").click()
    expect(page.get_by_role("status")).to_contain_text("is aangemeld")
    return re.search(r"/casussen/([^/?#]+)$", page.url).group(1)


def fill_aanmelding(page) -> None:
    """The person comes from the registration, the region is the casus's own (not a form field); the
    aanmelder fills in the rest."""
    data = f.AANMELDING
    expect(field(page, "persoon.naam").locator("input")).to_have_value(data["persoon"]["naam"])
    expect(field(page, "regio")).to_have_count(0)
    expect(field(page, "strafrechtelijke_titel").locator("input:checked")).to_have_count(0)  # no answer by accident
    fill(page, {"gemeente": data["gemeente"], "aanmelder_organisatie": data["aanmelder_organisatie"],
                "problematiek.toelichting": data["problematiek"]["toelichting"],
                "partners.0.organisatie": data["partners"][0]["organisatie"],
                "eerder_geprobeerd": data["eerder_geprobeerd"]})
    choose(page, {"problematiek.stoornis": "Psychische stoornis en verstandelijke beperking",
                  "strafrechtelijke_titel": "Nee"})
    tick(page, "problematiek.gevaarlijk_gedrag")
    page.get_by_role("button", name="Partner toevoegen").click()
    fill(page, {"partners.1.organisatie": data["partners"][1]["organisatie"]})


def fill_plan_zorg_without_outcome(page) -> None:
    plan = f.PLAN_ZORG
    fill(page, {key: plan[key] for key in ("zorg_psychisch_functioneren", "zorg_lichamelijk_functioneren",
                                           "zorg_veiligheidsrisicos", "zorg_behandeling", "risicotaxatie_datum")})
    choose(page, {"risicotaxatie_instrument": "HCR-20V3", "risicotaxatie_uitgevoerd_door": "Forensisch deskundige"})


def expect_done(page, server) -> None:
    expect(page).to_have_url(f"{server}/taken")
    expect(page.get_by_role("status")).to_have_text("De taak is afgerond.")


def test_aanmelding_to_plan_and_audit(rt, driver, sign_in, server):
    page = sign_in("aanmelder")
    casus_id = register_casus(page, server)
    open_task(page, "Aanmelding invullen")
    fill_aanmelding(page)
    submit(page)
    expect_done(page, server)
    intake = views.get(rt, casus_id, AUDITOR)["current_instance"]
    assert driver.data(intake)["persoon"] == f.PERSOON
    assert driver.data(intake)["partners"] == f.AANMELDING["partners"]

    driver.complete(intake, "melding_aan_persoon", f.MELDING_GEDAAN)
    page = sign_in("procesregisseur")
    open_task(page, "Casus Op Maat overleg")
    fill(page, {"com_datum": "21-04-2027", "com_toelichting": "Besproken met partners."})
    choose(page, {"com_besluit": "Ketenveldnorm is passend"})
    submit(page)
    expect_done(page, server)

    partner_information(driver, intake)
    page.reload()
    open_task(page, "Adviestafel: besluit vastleggen")
    fill(page, {"adviestafel_datum": "23-04-2027",
                "adviestafel_motivering": f.adviestafel("includeren")["adviestafel_motivering"]})
    choose(page, {"adviestafel_besluit": "Includeren"})
    submit(page)
    expect_done(page, server)
    for element, data in (("terugkoppeling_aanmelder", f.TERUGKOPPELING), ("duo_bevestigen", f.DUO_AKKOORD),
                          ("eerste_casus_op_maat", f.EERSTE_CASUS_OP_MAAT)):
        driver.complete(intake, element, data)
    casus = views.get(rt, casus_id, AUDITOR)
    cycle = casus["current_instance"]
    assert (casus["status"], casus["cycle"], driver.ready(cycle)) == ("geincludeerd", 1, ["plan_gemeente", "plan_zorg"])

    page = sign_in(username=casus["duo"]["casemanager_zorg"])
    open_task(page, "Plan van aanpak: zorg")
    instrument = field(page, "risicotaxatie_instrument").locator("select")
    expect(instrument).to_have_value("")  # choices start empty: nothing is chosen by accident
    expect(instrument.locator("option:checked")).to_have_text("— kies —")
    expect(field(page, "risicotaxatie_uitkomst").locator("input:checked")).to_have_count(0)
    fill_plan_zorg_without_outcome(page)
    submit(page)
    summary = page.locator("#foutoverzicht")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("listitem")).to_have_text(["Uitkomst: Dit veld is verplicht."])
    expect(field(page, "risicotaxatie_uitkomst").locator(".veldfout")).to_have_text("Dit veld is verplicht.")
    expect(page.get_by_label("Behandeling", exact=True)).to_have_value(f.PLAN_ZORG["zorg_behandeling"])
    choose(page, {"risicotaxatie_uitkomst": "Hoog risico"})
    submit(page)
    expect_done(page, server)
    assert driver.ready(cycle) == ["plan_gemeente"]

    page.goto(f"{server}/casussen/{casus_id}")
    expect(page.locator("#diagram[data-ready=true]")).to_be_attached()
    expect(page.locator('g.djs-element[data-element-id="plan_gemeente"]')).to_have_class(re.compile(r"\bll-huidig\b"))
    expect(page.locator('g.djs-element[data-element-id="plan_zorg"]')).to_have_class(re.compile(r"\bll-afgerond\b"))

    page = sign_in("auditor")
    for instance in (intake, cycle):
        page.goto(f"{server}/casussen/{casus_id}")
        page.locator(f'a[href="/audit/zaken/{instance}"]').click()
        page.get_by_role("link", name="Herspelen en verifiëren").click()
        expect(page.locator("#uitkomst h2")).to_have_text("Uitkomst: geverifieerd")
