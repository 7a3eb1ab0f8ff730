"""Process owners edit a deployed model in the browser modeler, validate it and deploy a new version."""
import re

import pytest
from lxml import etree
from playwright.sync_api import expect

from engine.instances import queries
from tests.scenarios.driver import deploy_processes

MODEL = ("web_form_task.bpmn", "gegevens-schema.json")
SPIFF = "http://spiffworkflow.org/bpmn/schema/1.0/core"


def open_modeler(page, server, process_id):
    """The modeler on the newest version of ``process_id``, once its diagram is drawn."""
    page.goto(f"{server}/procesmodellen/{process_id}/bewerken")
    expect(page.locator("#modeler[data-ready=true]")).to_be_attached()


def select_element(page, element_id):
    page.locator(f'g.djs-element[data-element-id="{element_id}"]').first.click()
    expect(page.locator(".bio-properties-panel-header")).to_be_visible()


def test_owner_changes_a_form_validates_and_deploys_the_next_version(rt, deploy, sign_in, server):
    deploy(*MODEL)
    page = sign_in("proceseigenaar")
    page.goto(f"{server}/procesmodellen/web_form_task/versies/1")
    page.get_by_role("link", name="Bewerken in de modeler").click()
    expect(page.locator("#modeler[data-ready=true]")).to_be_attached()

    select_element(page, "web_fill")
    page.locator(".bio-properties-panel-group-header", has_text="Formulier en termijn").click()
    form = page.get_by_label("Formulier", exact=True)
    expect(form).to_have_value("gegevens-schema.json")
    form.select_option(label="evaluatie")

    page.get_by_role("button", name="Valideren").click()
    expect(page.get_by_role("status")).to_have_text("Geen fouten gevonden.")
    expect(page.locator("#editor-uitkomst")).to_contain_text("gewijzigd: Gegevens invullen (instellingen)")
    expect(page.locator('g.djs-element[data-element-id="web_fill"]')).to_have_class(re.compile(r"\bll-gewijzigd\b"))

    page.get_by_label("Toelichting bij deze versie").fill("Ander formulier voor de invultaak")
    page.get_by_role("button", name="Deployen").click()
    expect(page.get_by_role("status")).to_have_text("Gedeployed.")
    page.get_by_role("link", name="Gegevens vastleggen versie 2").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("versie 2")
    assert [v["version"] for v in queries.process_model(rt, "web_form_task")["versions"]] == [1, 2]
    deployed = queries.version_diagram(rt, "web_form_task", 2)
    assert 'value="evaluatie-schema.json"' in deployed and 'value="evaluatie-uischema.json"' in deployed


def _extensions(xml: str) -> dict[str, list]:
    """Per element id, its spiffworkflow extension elements: tag, attributes and text, in document order."""
    tree = etree.fromstring(xml.encode(), etree.XMLParser(remove_blank_text=True))
    found = {}
    for ext in tree.iter("{*}extensionElements"):
        owner = ext.getparent()
        found[owner.get("id")] = [(etree.QName(e).localname, dict(e.attrib), (e.text or "").strip())
                                  for e in ext.iter(f"{{{SPIFF}}}*")]
    return found


@pytest.mark.parametrize("process_id", ["levensloop_cyclus", "casusregie_gezin"])
def test_spiffworkflow_extensions_survive_a_save_round_trip(rt, sign_in, server, process_id):
    deploy_processes(rt)
    page = sign_in("proceseigenaar")
    open_modeler(page, server, process_id)
    page.get_by_role("button", name="Deployen").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("^(Gedeployed|Niets gewijzigd)"))
    saved = queries.process_model(rt, process_id)["latest_version"]
    deployed = _extensions(queries.version_diagram(rt, process_id, 1))
    assert deployed and _extensions(queries.version_diagram(rt, process_id, saved)) == deployed


def test_only_process_owners_may_open_the_modeler(rt, deploy, sign_in, server):
    deploy(*MODEL)
    page = sign_in("aanmelder")
    page.goto(f"{server}/procesmodellen/web_form_task/versies/1")
    expect(page.get_by_role("link", name="Bewerken in de modeler")).to_have_count(0)
    assert page.goto(f"{server}/procesmodellen/web_form_task/bewerken").status == 403


def test_decision_table_opens_in_the_dmn_editor_and_validates(rt, sign_in, server):
    deploy_processes(rt)
    page = sign_in("proceseigenaar")
    open_modeler(page, server, "casusregie_gezin")
    page.get_by_role("link", name="regiekaart_zeeland.dmn").click()
    expect(page.locator("#dmn-modeler[data-ready=true]")).to_be_attached()
    table = page.get_by_role("button", name="Beslistabel: Zeeuwse universele regiekaart (de-)escaleren")
    expect(table).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Valideren").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("^Geen fouten gevonden"))


def test_the_form_editor_previews_the_form_as_it_is_edited(deploy, sign_in, server):
    deploy(*MODEL)
    page = sign_in("proceseigenaar")
    page.goto(f"{server}/procesmodellen/web_form_task/bewerken/gegevens-schema.json")
    expect(page.locator("#schema-editor[data-ready=true]")).to_be_attached()
    preview = page.locator("#formulier-voorbeeld")
    expect(preview.get_by_label("Naam")).to_be_visible()
    text = page.locator("#schema-tekst")
    text.fill(text.input_value().replace('"title": "Naam"', '"title": "Volledige naam"'))
    expect(preview.get_by_label("Volledige naam")).to_be_visible()
    expect(preview.get_by_label("Naam", exact=True)).to_have_count(0)


def test_the_servers_rules_run_by_themselves_after_an_edit(deploy, sign_in, server):
    """Our own lint rules and the difference with the deployed version come back without pressing Valideren."""
    deploy(*MODEL)
    page = sign_in("proceseigenaar")
    open_modeler(page, server, "web_form_task")
    select_element(page, "web_fill")
    page.locator(".bio-properties-panel-group-header", has_text="Formulier en termijn").click()
    page.get_by_label("Formulier", exact=True).select_option(label="evaluatie")
    expect(page.locator("#editor-uitkomst")).to_contain_text("gewijzigd: Gegevens invullen (instellingen)")
    expect(page.get_by_role("status")).to_have_text("Geen fouten gevonden.")
