"""The sociaal team indicates one resultaatgebied in Chromium: the areas left empty are not submitted, so the
form's 'one to three areas' holds, and the decisions run on what was filled in."""
from playwright.sync_api import expect

from tests.browser.forms import choose, fill, open_task, submit, tick
from tests.scenarios import formdata_wmo as w

BEHOUDEN = "Behouden: zorgen dat het niet minder wordt"


def test_one_area_indicated_in_the_browser(driver, sign_in, server):
    traject = driver.start("wmo_traject", {"regio": "gelderland_zuid"}, role="sociaal_team")
    driver.complete(traject, "vraagverheldering", w.VRAAGVERHELDERING)
    driver.complete(traject, "voorliggend_veld", w.VOORLIGGEND_AANVULLEND)
    page = sign_in("sociaal_team")
    open_task(page, "Resultaatgebieden en verzwarende omstandigheden")
    fill(page, {"resultaatgebieden.zelfzorg_gezondheid.doel": "Zelf de medicatie bijhouden."})
    choose(page, {"resultaatgebieden.zelfzorg_gezondheid.type": BEHOUDEN, "resultaatgebieden_duidelijk": "Ja"})
    tick(page, "inwoner_akkoord")
    submit(page)
    expect(page.get_by_role("status")).to_have_text("De taak is afgerond.")
    data = driver.data(traject)
    assert list(data["resultaatgebieden"]) == ["zelfzorg_gezondheid"]
    assert (data["intensiteit"], data["duur_maanden"]) == ("laag", 60)
