"""A stored state of ``levensloop_cyclus`` holds the instance, not the process spec: it refers to its
version, and the spec comes back from the runtime's per-version cache. A signal makes SpiffWorkflow
connect its event subprocess into the spec; that instance keeps its changed spec, and no other
instance of the version sees the change."""
import json

from engine.persistence.tables import ProcessInstance
from engine.spiff import serialization
from tests.scenarios import formdata as f
from tests.scenarios.paths import plan, start_cycle


def stored(driver, instance_id: str) -> tuple[dict, str]:
    with driver.rt.uow() as uow:
        instance = uow.session.get(ProcessInstance, instance_id)
        return instance.state, driver.rt.specs(uow.session, instance.process_version_id).serialized


def test_the_stored_state_of_a_cycle_refers_to_its_version(driver):
    cycle = start_cycle(driver)
    plan(driver, cycle)
    state, version_specs = stored(driver, cycle)
    assert not {"spec", "subprocess_specs"} & set(state)
    embedded = serialization.with_spec(state, version_specs)
    assert len(json.dumps(state)) < 0.4 * len(json.dumps(embedded))
    assert driver.ready(cycle) == ["monitoring_contact"]  # loads and runs on the version's spec


def test_a_spec_changed_by_a_signal_stays_with_its_instance(driver):
    signalled, quiet = start_cycle(driver, "C-1"), start_cycle(driver, "C-2")
    plan(driver, signalled)
    plan(driver, quiet)
    driver.signal("signaal_gemeente", "C-1", omschrijving="Huurachterstand")
    assert serialization.embeds_spec(stored(driver, signalled)[0])
    assert "plan_bijstellen_signaal_gemeente" in driver.ready(signalled)
    driver.complete(quiet, "monitoring_contact", f.contact())
    state, _ = stored(driver, quiet)
    assert not serialization.embeds_spec(state)
    fresh = start_cycle(driver, "C-3")
    assert not serialization.embeds_spec(stored(driver, fresh)[0])
