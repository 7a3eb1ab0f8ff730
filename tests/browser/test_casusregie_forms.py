"""The verwijzer refers a family and the casusregisseur gezin maps it, in Chromium: choices, a child, every life domain,
a contacted professional; the phase on the regiekaart is a number, and regie follows from it."""
from playwright.sync_api import expect

from tests.browser.forms import choose, fill, open_task, submit, tick
from tests.scenarios import formdata_gezin as g


def test_referral_and_mapping_in_the_browser(driver, sign_in, server):
    referral = driver.start("casusregie_gezin", {"casus_id": "G-1", "regio": "gelderland_zuid"}, role="verwijzer")
    page = sign_in("verwijzer")
    open_task(page, "Verwijzing")
    fill(page, {key: g.VERWIJZING[key] for key in ("verwijzer_organisatie", "gezin_naam", "verwijzing_reden")})
    choose(page, {"regie_ouders": "Het lukt de ouders beperkt", "kader": "Vrijwillig kader", "doelgroep": "Jeugd"})
    tick(page, "gezin_gemotiveerd")
    submit(page)
    expect(page.get_by_role("status")).to_have_text("De taak is afgerond.")

    page = sign_in("casusregisseur_gezin")
    open_task(page, "Problematiek in kaart brengen")
    kind, professional = g.KINDEREN[1], g.professional("school")
    fill(page, {"kinderen.0.voornaam": kind["voornaam"], "kinderen.0.geboortedatum": kind["geboortedatum"],
                **{f"leefgebieden.{key}": text for key, text in g.LEEFGEBIEDEN.items()},
                **{f"professionals.0.{key}": professional[key] for key in ("naam", "organisatie", "gecontacteerd_op")}})
    choose(page, {"huisarts_regelmatig_contact": "Nee", "professionals.0.soort": "School",
                  "fase": "Fase 2: er zijn zorgen en er is hulp nodig"})
    submit(page)
    expect(page.get_by_role("status")).to_have_text("De taak is afgerond.")
    data = driver.data(referral)
    assert data["fase"] == 2 and data["professionals_inventaris"]["ontbrekend"] == []
    assert data["casusregie"].startswith("Vrijwillig kader: Cliënt voert zelf casusregie")
