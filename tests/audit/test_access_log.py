"""NEN 7513-style access log: every read of case data records who, which instance, which
categories of data, when, in which role and why; auditors query it by user, instance and period."""
from datetime import timedelta

import pytest

from engine.audit import access_log, export, replay
from engine.errors import Forbidden, Invalid
from engine.instances import queries
from engine.instances import service as instances
from tests.audit.conftest import AUDITOR, REGISSEUR
from tests.conftest import actor

ADVIESTAFEL = actor("adviestafel")


def entries(rt, **filters):
    return access_log.query(rt, AUDITOR, **filters).items


def test_each_read_of_case_data_is_logged_with_role_categories_and_purpose(rt, clock, scenario):
    instance_id = scenario()
    clock.advance(timedelta(hours=1))
    queries.get_instance(rt, instance_id, REGISSEUR)
    [entry] = entries(rt)
    assert entry == {
        "at": clock.now().isoformat(), "user": "procesregisseur", "roles": ["procesregisseur"],
        "process_instance": instance_id, "resource": "zaak", "categories": ["zaakgegevens", "persoonsgegevens"],
        "purpose": "uitvoering van de casus",
    }


def test_a_pseudonymised_read_logs_no_personal_data(rt, scenario):
    instance_id = scenario()
    view = queries.get_instance(rt, instance_id, ADVIESTAFEL)
    assert "persoon" not in view["data"]
    assert entries(rt)[0]["categories"] == ["zaakgegevens"]


def test_tasks_trails_past_states_and_exports_are_logged_too(rt, scenario, deploy):
    instance_id = scenario()
    deploy("user_task_lane.bpmn", "gegevens-schema.json")
    queries.events(rt, instance_id, REGISSEUR)
    replay.state_at(rt, instance_id, 2, AUDITOR)
    export.export(rt, instance_id, "xes", AUDITOR)
    started = instances.start(rt, "user_task_lane", {}, actor("aanmelder"))
    queries.get_task(rt, started["ready_tasks"][0]["id"], actor("aanmelder"))
    resources = [(e["resource"], e["user"]) for e in entries(rt)]
    assert resources == [("taak", "aanmelder"), ("export", "auditor"), ("toestand", "auditor"),
                         ("audittrail", "procesregisseur")]
    assert entries(rt)[1]["purpose"] == "controle en verantwoording (auditor)"


def test_auditors_filter_by_user_instance_and_period(rt, clock, scenario):
    first, second = scenario(), scenario()
    start = clock.now()
    queries.get_instance(rt, first, REGISSEUR)
    clock.advance(timedelta(days=1))
    queries.get_instance(rt, second, REGISSEUR)
    queries.get_instance(rt, second, ADVIESTAFEL)
    assert len(entries(rt)) == 3
    assert [e["process_instance"] for e in entries(rt, user="procesregisseur")] == [second, first]
    assert [e["user"] for e in entries(rt, instance=second)] == ["adviestafel", "procesregisseur"]
    assert [e["process_instance"] for e in entries(rt, start=start, end=start + timedelta(hours=1))] == [first]
    assert len(entries(rt, start=start + timedelta(hours=1))) == 2


def test_only_auditors_read_the_access_log_and_a_reversed_period_is_invalid(rt, clock):
    with pytest.raises(Forbidden):
        access_log.query(rt, REGISSEUR).items
    with pytest.raises(Invalid):
        entries(rt, start=clock.now(), end=clock.now() - timedelta(days=1))
