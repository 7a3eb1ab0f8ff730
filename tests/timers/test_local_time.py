"""A date-time without UTC offset in a timer is Dutch wall-clock time (CET in winter, CEST in summer),
whatever the host's ``TZ``: a timer modelled for 09:00 must not fire at 08:00 or 14:00 Dutch time."""
import os
import time
from datetime import datetime, timedelta, timezone

import pytest

from engine.instances import service as instances
from tests.conftest import actor
from tests.timers.conftest import stored

WORKER = actor("procesregisseur")
SUMMER_NINE = datetime(2027, 6, 1, 7, 0, tzinfo=timezone.utc)  # 09:00 CEST
WINTER_NINE = datetime(2027, 1, 15, 8, 0, tzinfo=timezone.utc)  # 09:00 CET


@pytest.fixture(params=["UTC", "America/New_York"])
def host_tz(request):
    """Run the test with the process's ``TZ`` set to a zone other than Amsterdam, then restore it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_literal_without_offset_is_amsterdam_summer_time(rt, deploy, clock, tick, host_tz):
    deploy("timer_local_literal.bpmn")
    instance = instances.start(rt, "timer_local_literal", {}, WORKER)["id"]
    assert stored(rt, instance).timer_due == SUMMER_NINE
    clock.set(SUMMER_NINE)
    assert tick().fired == 0
    clock.advance(timedelta(seconds=1))
    assert tick().fired == 1
    assert stored(rt, instance).status == "completed"


@pytest.mark.parametrize("moment, due", [("2027-06-01T09:00", SUMMER_NINE), ("2027-01-15T09:00:00", WINTER_NINE),
                                         ("2027-01-15T09:00:00+00:00", WINTER_NINE + timedelta(hours=1))])
@pytest.mark.parametrize("model", ["timer_moment", "timer_local_object"])
def test_computed_moment_without_offset_is_amsterdam_time(rt, deploy, host_tz, model, moment, due):
    """A variable holding ISO text (``timer_moment``) or a ``datetime`` built from it by the expression
    (``timer_local_object``): naive means Amsterdam, an explicit offset is kept."""
    deploy(f"{model}.bpmn")
    instance = instances.start(rt, model, {"moment": moment}, WORKER)["id"]
    assert stored(rt, instance).timer_due == due


def test_cycle_starting_at_a_time_without_offset_starts_at_amsterdam_time(rt, deploy, host_tz):
    deploy("timer_local_cycle.bpmn")
    instance = instances.start(rt, "timer_local_cycle", {}, actor("procesregisseur", "casemanager_zorg"))["id"]
    assert stored(rt, instance).timer_due == datetime(2027, 2, 1, 8, 0, tzinfo=timezone.utc)  # 09:00 CET
