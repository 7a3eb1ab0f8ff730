"""The step budget of one script or expression: bytecode steps plus the work the size guards do.

Steps, not seconds: a replay refuses exactly what the live step refused, and it works in any
thread. The guards in ``sandbox_limits`` charge their own walks to the same budget, so checking
sizes in a loop cannot become the stall the checks are there to prevent.
"""
import sys
from contextlib import contextmanager
from contextvars import ContextVar

from engine.spiff.sandbox_errors import SandboxViolation

STEP_BUDGET = 5_000_000  # bytecode steps per script or expression (about half a second)
FILENAME = "<string>"  # SpiffWorkflow reads script line numbers from tracebacks of this file name
TIMEOUT = f"tijdslimiet overschreden (meer dan {STEP_BUDGET} rekenstappen; oneindige lus?)"

_running: ContextVar["StepBudget | None"] = ContextVar("sandbox_step_budget", default=None)


class StepBudget:
    """A per-thread trace function that stops sandboxed code after ``STEP_BUDGET`` steps.

    Steps, not lines: ``while True: pass`` jumps to itself and never starts a new line. Once
    exceeded it raises on every further step, so a script cannot swallow the stop.
    """

    def __init__(self):
        self.left = STEP_BUDGET
        self.exceeded = False

    def on_call(self, frame, _event, _arg):
        if frame.f_code.co_filename != FILENAME:
            return None
        frame.f_trace_opcodes = True
        return self.on_step

    def on_step(self, _frame, event, _arg):
        if event == "opcode":
            self.charge(1)
        return self.on_step

    def charge(self, steps: int) -> None:
        self.left -= steps
        if self.left < 0:
            self.exceeded = True
            raise SandboxViolation(TIMEOUT)


def charge(steps: int) -> None:
    """Count ``steps`` of guard work against the running script's budget (none outside a script)."""
    budget = _running.get()
    if budget is not None:
        budget.charge(steps)


@contextmanager
def budgeted():
    """Trace the code run inside with a fresh budget; raise the time limit even if it was swallowed."""
    budget, previous = StepBudget(), sys.gettrace()
    token = _running.set(budget)
    sys.settrace(budget.on_call)
    try:
        yield budget
    finally:
        sys.settrace(previous)
        _running.reset(token)
        if budget.exceeded:
            raise SandboxViolation(TIMEOUT)
