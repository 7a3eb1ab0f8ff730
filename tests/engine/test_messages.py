"""Message catch events: delivery to one instance by id, or routed by BPMN correlation keys."""
import pytest

from engine.errors import Invalid, NotFound
from engine.instances import queries
from engine.instances import service as instances
from tests.engine.conftest import WORKER


@pytest.fixture
def waiting(rt, deploy):
    """Two instances waiting for 'antwoord', one for casus A and one for casus B."""
    deploy("eng_message_correlation.bpmn")
    return {casus: instances.start(rt, "eng_message_correlation", {"dossier_id": casus}, WORKER)["id"]
            for casus in ("A", "B")}


def status(rt, instance_id):
    return queries.get_instance(rt, instance_id, WORKER)["status"]


def test_correlation_reaches_only_the_matching_instance(rt, waiting):
    reached = instances.deliver_message(rt, "antwoord", {"dossier_id": "B", "besluit": "akkoord"}, WORKER,
                                        correlation={"dossier_id": "B"})
    assert reached == [waiting["B"]]
    view = queries.get_instance(rt, waiting["B"], WORKER)
    assert view["status"] == "completed"
    assert view["data"]["antwoord"] == {"dossier_id": "B", "besluit": "akkoord"}
    assert status(rt, waiting["A"]) == "running"
    assert [e["type"] for e in queries.events(rt, waiting["B"], WORKER)] == ["started", "message_delivered"]
    assert [e["type"] for e in queries.events(rt, waiting["A"], WORKER)] == ["started"]


def test_delivery_by_instance_id(rt, waiting):
    assert instances.deliver_message(rt, "antwoord", {"dossier_id": "A"}, WORKER,
                                     instance_id=waiting["A"]) == [waiting["A"]]
    assert (status(rt, waiting["A"]), status(rt, waiting["B"])) == ("completed", "running")


def test_a_delivered_message_is_not_caught_twice(rt, waiting):
    instances.deliver_message(rt, "antwoord", {"dossier_id": "A"}, WORKER, correlation={"dossier_id": "A"})
    with pytest.raises(NotFound):
        instances.deliver_message(rt, "antwoord", {"dossier_id": "A"}, WORKER, correlation={"dossier_id": "A"})


@pytest.mark.parametrize(("name", "casus"), [("onbekend", "A"), ("antwoord", "C")])
def test_unknown_message_or_correlation_is_not_found(rt, waiting, name, casus):
    with pytest.raises(NotFound):
        instances.deliver_message(rt, name, {"dossier_id": casus}, WORKER, correlation={"dossier_id": casus})
    assert (status(rt, waiting["A"]), status(rt, waiting["B"])) == ("running", "running")


@pytest.mark.parametrize(("name", "instance_id"), [
    ("onbekend", None), ("antwoord", "00000000-0000-0000-0000-000000000000"),
])
def test_unknown_message_or_instance_by_id_is_not_found(rt, waiting, name, instance_id):
    with pytest.raises(NotFound):
        instances.deliver_message(rt, name, {"dossier_id": "A"}, WORKER, instance_id=instance_id or waiting["A"])
    assert status(rt, waiting["A"]) == "running"


def test_payload_without_the_correlation_property_is_refused(rt, waiting):
    with pytest.raises(Invalid):
        instances.deliver_message(rt, "antwoord", {"besluit": "akkoord"}, WORKER, instance_id=waiting["A"])
    assert status(rt, waiting["A"]) == "running"
    assert [e["type"] for e in queries.events(rt, waiting["A"], WORKER)] == ["started"]
