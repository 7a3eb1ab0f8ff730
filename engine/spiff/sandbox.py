"""Run BPMN scripts and expressions under RestrictedPython, so a model cannot reach the host.

Every script task, gateway condition, timer, service-task parameter and DMN cell goes through
``SandboxEnvironment``: code is compiled with RestrictedPython (no imports, no names or
attributes starting with ``_``), runs with a small allow-list of builtins and guarded attribute,
item and write access, and stops after a fixed number of bytecode steps (deterministic, so a
replay refuses exactly what the live step refused; works in any thread). Scripts read time only
through the engine clock. A refusal is a ``SandboxViolation``; ``SandboxedScriptEngine`` turns it
into a task error naming the element, which the runner records as an incident.
"""
import ast
import re
import sys
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from RestrictedPython import compile_restricted_eval, compile_restricted_exec, safe_builtins
from RestrictedPython.Eval import default_guarded_getitem, default_guarded_getiter
from RestrictedPython.Guards import (
    full_write_guard,
    guarded_iter_unpack_sequence,
    guarded_unpack_sequence,
    safer_getattr,
)
from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.exceptions import WorkflowException

from engine.clock import current_clock
from engine.spiff.incidents import ExplainedError, remember_source

STEP_BUDGET = 5_000_000  # bytecode steps per script or expression (about half a second)
RANGE_LIMIT = 100_000
FILENAME = "<string>"  # SpiffWorkflow reads script line numbers from tracebacks of this file name
REFUSED_NAMES = {
    "open", "eval", "exec", "compile", "getattr", "hasattr", "globals", "locals", "vars", "dir",
    "type", "object", "input", "breakpoint", "memoryview", "super", "help", "exit", "quit",
    "_print_", "__build_class__",
}
CLOCK_READS = {"now", "today", "utcnow"}


class SandboxViolation(WorkflowException):
    """A script or expression tried something the sandbox does not allow; ``reason`` is Dutch."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class ScriptDatetime(datetime):
    """``datetime`` for scripts: every way of asking the time answers with the engine clock."""

    @classmethod
    def now(cls, tz=None):
        moment = current_clock().now()
        return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def utcnow(cls):
        return current_clock().now().astimezone(timezone.utc).replace(tzinfo=None)


class ScriptDate(date):
    """``date`` for scripts: ``today()`` is the engine clock's (UTC) date."""

    @classmethod
    def today(cls):
        return current_clock().now().astimezone(timezone.utc).date()


def now() -> datetime:
    """The engine clock of the running step (timezone-aware UTC)."""
    return current_clock().now()


def _range(*args):
    numbers = range(*args)
    if len(numbers) > RANGE_LIMIT:
        raise SandboxViolation(f"range met meer dan {RANGE_LIMIT} getallen is niet toegestaan")
    return numbers


def _getattr(obj, name, default=None):
    """RestrictedPython's ``safer_getattr``, with clock reads on date types routed to the engine clock."""
    if name == "mro":
        raise SandboxViolation("'mro' is niet toegestaan")
    if name in CLOCK_READS:
        kind = obj if isinstance(obj, type) else type(obj)
        if issubclass(kind, date):
            return getattr(ScriptDatetime if issubclass(kind, datetime) else ScriptDate, name)
    try:
        return safer_getattr(obj, name, default)
    except NotImplementedError:
        raise SandboxViolation(f"'{name}' is niet toegestaan") from None


def _apply(func, *args, **kwargs):
    return func(*args, **kwargs)


def _inplacevar(op: str, target, value):
    return INPLACE[op](target, value)


INPLACE = {
    "+=": lambda a, b: a + b, "-=": lambda a, b: a - b, "*=": lambda a, b: a * b,
    "/=": lambda a, b: a / b, "//=": lambda a, b: a // b, "%=": lambda a, b: a % b,
    "**=": lambda a, b: a ** b, "|=": lambda a, b: a | b, "&=": lambda a, b: a & b,
}

ALLOWED_BUILTINS = {
    **{k: v for k, v in safe_builtins.items() if k not in {"__build_class__", "id", "hash"}},
    "len": len, "min": min, "max": max, "sum": sum, "sorted": sorted, "str": str, "int": int,
    "float": float, "bool": bool, "dict": dict, "list": list, "set": set, "tuple": tuple,
    "range": _range, "enumerate": enumerate, "zip": zip, "abs": abs, "round": round, "any": any,
    "all": all, "isinstance": isinstance,
}
GUARDS = {
    "_getattr_": _getattr, "_getitem_": default_guarded_getitem, "_getiter_": default_guarded_getiter,
    "_write_": full_write_guard, "_iter_unpack_sequence_": guarded_iter_unpack_sequence,
    "_unpack_sequence_": guarded_unpack_sequence, "_apply_": _apply, "_inplacevar_": _inplacevar,
}
HELPERS = {"now": now, "datetime": ScriptDatetime, "date": ScriptDate, "timedelta": timedelta,
           "timezone": timezone}


@lru_cache(maxsize=2048)
def compile_sandboxed(source: str, mode: str):
    """Compile ``source`` ('exec' or 'eval') under RestrictedPython; refusals raise SandboxViolation.

    A plain syntax error stays a SyntaxError: it is a modelling mistake, not an attack.
    """
    tree = ast.parse(source, filename=FILENAME, mode=mode)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            raise SandboxViolation("import is niet toegestaan")
        if isinstance(node, ast.ClassDef):
            raise SandboxViolation("klassen definiëren is niet toegestaan")
    compiler = compile_restricted_exec if mode == "exec" else compile_restricted_eval
    result = compiler(source, filename=FILENAME)
    if result.errors:
        raise SandboxViolation(_compile_refusal(result.errors[0]))
    return result.code


def _compile_refusal(error: str) -> str:
    error = re.sub(r"^Line \d+: ", "", error)
    named = re.search(r'"([^"]+)"', error)
    if named and 'starts with "_"' in error:
        return f"'{named.group(1)}' is niet toegestaan (namen die met '_' beginnen zijn verboden)"
    if named and "restricted name" in error:
        return f"'{named.group(1)}' is niet toegestaan"
    if called := re.match(r"(\w+) calls are not allowed", error):
        return f"'{called.group(1).lower()}' is niet toegestaan"
    if "Augmented assignment" in error:
        return "'+=' en dergelijke op een element of attribuut zijn niet toegestaan; schrijf d['x'] = d['x'] + 1"
    return f"niet toegestane code ({error})"


class _StepBudget:
    """A per-thread trace function that stops sandboxed code after ``STEP_BUDGET`` bytecode steps.

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
            self.left -= 1
            if self.left < 0:
                self.exceeded = True
                raise SandboxViolation(_TIMEOUT)
        return self.on_step


_TIMEOUT = f"tijdslimiet overschreden (meer dan {STEP_BUDGET} rekenstappen; oneindige lus?)"


def _run(code, namespace: dict, mode: str):
    budget, previous = _StepBudget(), sys.gettrace()
    sys.settrace(budget.on_call)
    try:
        return eval(code, namespace) if mode == "eval" else exec(code, namespace)
    except NameError as err:
        if err.name in REFUSED_NAMES:
            raise SandboxViolation(f"'{err.name.strip('_')}' is niet toegestaan") from None
        raise
    finally:
        sys.settrace(previous)
        if budget.exceeded:
            raise SandboxViolation(_TIMEOUT)


def json_problem(value, path: str) -> str | None:
    """Where ``value`` stops being plain JSON (dict with text keys, list, text, number, bool, None)."""
    if value is None or type(value) in (str, int, float, bool):
        return None
    if type(value) is list:
        return next((p for i, v in enumerate(value) if (p := json_problem(v, f"{path}[{i}]"))), None)
    if type(value) is dict:
        for key, item in value.items():
            if type(key) is not str:
                return f"{path} heeft een sleutel die geen tekst is"
            if problem := json_problem(item, f"{path}[…]"):  # a key may itself be personal data
                return problem
        return None
    return f"{path} is van type {type(value).__name__}"


class SandboxEnvironment(TaskDataEnvironment):
    """SpiffWorkflow script environment evaluating everything under RestrictedPython."""

    def _namespace(self, context: dict, external_context: dict | None) -> dict:
        """Task data may shadow the helpers, never the guards or the builtins."""
        return {**HELPERS, **self.globals, **(external_context or {}), **context, **GUARDS,
                "__builtins__": ALLOWED_BUILTINS}

    def evaluate(self, expression, context, external_context=None):
        code = compile_sandboxed(expression, "eval")
        return _run(code, self._namespace(context, external_context), "eval")

    def execute(self, script, context, external_context=None):
        code = compile_sandboxed(script, "exec")
        namespace = self._namespace(context, external_context)
        provided = {k: v for k, v in namespace.items() if k not in context}
        _run(code, namespace, "exec")
        data = {k: v for k, v in namespace.items()
                if not callable(v) and not (k in provided and v is provided[k]) and k != "__builtins__"}
        for key, value in data.items():
            if problem := json_problem(value, key):
                raise SandboxViolation(
                    f"gegevens moeten JSON zijn, maar {problem}; sla bijvoorbeeld datums op als tekst (.isoformat())"
                )
        context.clear()
        context.update(data)
        return True


class SandboxedScriptEngine(PythonScriptEngine):
    """Script engine whose refusals become task errors naming the BPMN element, in Dutch."""

    def __init__(self, environment=None):
        super().__init__(environment=environment or SandboxEnvironment())

    def evaluate(self, task, expression, external_context=None):
        try:
            return super().evaluate(task, expression, external_context)
        except SandboxViolation as err:
            raise _refused("Expressie", task, err) from None
        except WorkflowTaskException as err:
            raise remember_source(err, expression)

    def execute(self, task, script, external_context=None):
        try:
            return super().execute(task, script, external_context)
        except SandboxViolation as err:
            raise _refused("Script", task, err) from None
        except WorkflowTaskException as err:
            raise remember_source(err, script)


def _refused(kind: str, task, err: SandboxViolation) -> WorkflowTaskException:
    return ExplainedError(f"{kind} in {task.task_spec.bpmn_id} geweigerd: {err.reason}", task=task)
