"""One operation cannot hold the server: sizes are checked before a C-level operation runs,
what a step leaves is capped, and a replay refuses exactly what the live step refused."""
import json
import threading
import time

import pytest

from engine.audit import replay
from engine.errors import Invalid
from engine.instances import service as instances
from engine.persistence.tables import ProcessInstance
from engine.spiff import sandbox_limits as limits
from engine.spiff.data_cap import MAX_DATA_BYTES
from engine.spiff.sandbox_errors import SandboxViolation
from tests.conftest import actor
from tests.security.sandbox_scripts import WORKER, assert_refused, run_script

AUDITOR = actor("auditor")


@pytest.mark.parametrize("script, reason", [
    ("x = 7 ** (10**7) % 10", "machtsverheffen geeft een getal van meer dan 10000 bits"),
    ("x = 2 ** 10**8", "machtsverheffen geeft een getal van meer dan 10000 bits"),
    ("x = pow(2, 10**8)", "machtsverheffen geeft een getal van meer dan 10000 bits"),
    ("x = 3\nx **= 10**8", "machtsverheffen geeft een getal van meer dan 10000 bits"),
    ("x = 2 ** 9000 * 2 ** 9000", "vermenigvuldigen geeft een getal van meer dan 10000 bits"),
    ("x = 1 << 10**9", "bitverschuiven geeft een getal van meer dan 10000 bits"),
    ("x = 'a' * (5 * 10**7)", "de herhaling van deze tekst of lijst is te groot"),
    ("x = [0] * 10**9", "de herhaling van deze tekst of lijst is te groot"),
    ("x = [[0] * 1000] * 10000", "de herhaling van deze tekst of lijst is te groot"),
    ("x = 'ab' * 1000\nfor i in range(20):\n    x = x + x", "het samenvoegen van deze teksten of lijsten is te groot"),
    ("x = [0]\nfor i in range(40):\n    x.extend(x)", "de lijst na extend is te groot"),
    ("x = '%0999999999d' % 1", "de uitkomst van deze %-opmaak is te groot"),
    ("x = '%*d' % (10**9, 1)", "'*' als breedte in %-opmaak is niet toegestaan"),
    ("x = f'{1:>999999999}'", "de opmaak in deze f-string is te groot"),
    ("x = f'{1.5:.999999999f}'", "de opmaak in deze f-string is te groot"),
    ("x = naam.ljust(10**9)", "de breedte van ljust is te groot"),
    ("x = naam.center(10**9)", "de breedte van center is te groot"),
    ("x = '1'.zfill(10**9)", "de breedte van zfill is te groot"),
    ("x = ('a' * 1000).replace('a', 'b' * 10000)", "de uitkomst van replace is te groot"),
    ("x = ' '.join(naam * 1000 for i in range(200))", "de uitkomst van join is te groot"),
    ("x = '\\t' * 1000\nx = x.expandtabs(10**6)", "de uitkomst van expandtabs is te groot"),
    ("x = naam.translate({74: 'x'})", "'translate' is niet toegestaan"),
    ("x = sum([[1], [2]], [])", "sum telt alleen getallen op"),
    ("x = sorted(range(10**7))", "range met meer dan 100000 getallen"),
    ("a = [[0] * 1000] * 600\nx = str([a, a])", "de tekstweergave van deze lijst is te groot"),
    ("a = [[0] * 1000] * 600\nx = f'{[a, a]}'", "de tekstweergave van deze lijst is te groot"),
])
def test_a_huge_operation_is_refused_before_it_runs(rt, script, reason):
    view = run_script(rt, "bezocht = True\n" + script)
    assert_refused(view, reason)
    assert "Jansen" not in view["incident"]["message"]  # the incident names the element, never a value


def test_sorted_refuses_an_input_past_the_limit_without_sorting_it():
    with pytest.raises(SandboxViolation, match="de invoer van sorted is te groot"):
        limits.guarded_sorted(iter(range(limits.MAX_SIZE + 1)))


def test_ordinary_arithmetic_and_text_still_work(rt):
    view = run_script(rt, "a = 2 ** 100 % 7\nb = pow(3, 10**20, 1000)\nc = 'ab' * 3 + naam\nd = '%05d|%s' % (42, naam)\n"
                          "e = f'{7:>4}|{naam!r}'\nf = naam.rjust(12, '.')\ng = sum([1, 2.5])\nh = sorted([3, 1, 2])\n"
                          "i = 10 ** 3000 > 1\nj = [0] * 3\nj.extend([1])\nk = ', '.join(['a', 'b'])\nn = 1\nn *= 6")
    assert view["status"] == "completed", view["incident"]
    data = view["data"]
    assert (data["a"], data["b"], data["c"], data["d"]) == (2, 1, "ababab" + "J. Jansen", "00042|J. Jansen")
    assert (data["e"], data["f"], data["g"], data["h"]) == ("   7|'J. Jansen'", "...J. Jansen", 3.5, [1, 2, 3])
    assert (data["i"], data["j"], data["k"], data["n"]) == (True, [0, 0, 0, 1], "a, b", 6)


def _stored_state(rt, instance_id: str) -> dict:
    with rt.uow() as uow:
        return uow.session.get(ProcessInstance, instance_id).state


def test_data_over_the_cap_is_an_incident_and_is_not_stored(rt):
    view = run_script(rt, "bezocht = True\ntekst = 'a' * 600000\nnog = tekst + 'b' * 400000")
    assert_refused(view, "de procesgegevens zijn na deze stap groter dan 1 MB")
    assert "tekst" not in view["data"] and "nog" not in view["data"]
    assert len(json.dumps(_stored_state(rt, view["id"]))) < MAX_DATA_BYTES / 10


def test_data_nested_too_deep_is_an_incident(rt):
    view = run_script(rt, "bezocht = True\nboom = []\nfor i in range(100):\n    boom = [boom]")
    assert_refused(view, "'boom' is dieper genest dan 64 niveaus")


def test_replay_reproduces_a_limit_incident(rt):
    view = run_script(rt, "bezocht = True\nx = 'a' * (5 * 10**7)")
    assert_refused(view, "de herhaling van deze tekst of lijst is te groot")
    report = replay.replay(rt, view["id"], AUDITOR)
    assert report["status"] == "verified", report["divergence"]
    assert report["replayed"] == report["events"] == 2  # the start and the incident it produced


def test_a_heavy_script_does_not_hold_other_requests(rt, app, login):
    """The one timed assertion: while a script burns its whole step budget on the largest operations
    the limits allow, another client's request is answered within a second."""
    headers = login("aanmelder")
    heavy = ("bezocht = True\nwhile True:\n    x = 7 ** 3000 % 10\n    s = 'a' * 999999\n"
             "    t = sorted(range(100000))\n    u = s.center(999999)")
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(view=run_script(rt, heavy)))
    worker.start()
    other, waits = app.test_client(), []
    while worker.is_alive():
        started = time.perf_counter()
        assert other.get("/api/v1/tasks", headers=headers).status_code == 200
        waits.append(time.perf_counter() - started)
    worker.join()
    assert_refused(outcome["view"], "tijdslimiet overschreden")
    assert waits and max(waits) < 1.0, waits


def test_input_over_the_cap_is_refused_and_nothing_is_written(rt):
    run_script(rt, 'resultaat = "klaar"')
    with pytest.raises(Invalid, match="groter dan 1 MB"):
        instances.start(rt, "sec_script", {"verslag": "x" * MAX_DATA_BYTES}, WORKER)
    with rt.uow() as uow:
        assert uow.session.query(ProcessInstance).count() == 1  # only the instance run_script started
