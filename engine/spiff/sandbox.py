"""Run BPMN scripts and expressions under RestrictedPython, so a model cannot reach the host.

Every script task, gateway condition, timer, service-task parameter and DMN cell goes through
``SandboxEnvironment``: code is compiled with RestrictedPython (no imports, no names or
attributes starting with ``_``), runs with a small allow-list of builtins and guarded attribute,
item and write access, stops after a fixed number of steps (``sandbox_budget``) and checks operand
sizes before a single C-level operation could hold the server (``sandbox_limits``); both count,
never time, so a replay refuses exactly what the live step refused. What a script leaves must fit
``data_cap``. Scripts read time only through the engine clock. A refusal is a ``SandboxViolation``; ``SandboxedScriptEngine`` turns it
into a task error naming the element, which the runner records as an incident.
"""
import ast
import re
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

from engine.clock import current_clock
from engine.spiff import sandbox_limits as limits
from engine.spiff.data_cap import data_problem
from engine.spiff.incidents import ExplainedError, remember_source
from engine.spiff.sandbox_budget import FILENAME, budgeted
from engine.spiff.sandbox_errors import SandboxViolation

RANGE_LIMIT = 100_000
REFUSED_NAMES = {
    "open", "eval", "exec", "compile", "getattr", "hasattr", "globals", "locals", "vars", "dir",
    "type", "object", "input", "breakpoint", "memoryview", "super", "help", "exit", "quit",
    "_print_", "__build_class__",
}
CLOCK_READS = {"now", "today", "utcnow"}


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
    if (guarded := limits.guarded_method(obj, name)) is not None:
        return guarded
    try:
        return safer_getattr(obj, name, default)
    except NotImplementedError:
        raise SandboxViolation(f"'{name}' is niet toegestaan") from None


def _apply(func, *args, **kwargs):
    return func(*args, **kwargs)


def _inplacevar(op: str, target, value):
    """``n += 1`` and friends, through the same size guards as ``n + 1``."""
    return limits.binop(op.removesuffix("="), target, value)


ALLOWED_BUILTINS = {
    **{k: v for k, v in safe_builtins.items() if k not in {"__build_class__", "id", "hash"}},
    "len": len, "min": min, "max": max, "sum": sum, "sorted": sorted, "str": str, "int": int,
    "float": float, "bool": bool, "dict": dict, "list": list, "set": set, "tuple": tuple,
    "range": _range, "enumerate": enumerate, "zip": zip, "abs": abs, "round": round, "any": any,
    "all": all, "isinstance": isinstance, **limits.LIMITED_BUILTINS,
}
GUARDS = {
    "_getattr_": _getattr, "_getitem_": default_guarded_getitem, "_getiter_": default_guarded_getiter,
    "_write_": full_write_guard, "_iter_unpack_sequence_": guarded_iter_unpack_sequence,
    "_unpack_sequence_": guarded_unpack_sequence, "_apply_": _apply, "_inplacevar_": _inplacevar,
    "_binop_": limits.binop, "_format_": limits.formatted,
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
    result = compiler(source, filename=FILENAME, policy=limits.GuardingTransformer)
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


def _run(code, namespace: dict, mode: str):
    try:
        with budgeted():
            return eval(code, namespace) if mode == "eval" else exec(code, namespace)
    except NameError as err:
        if err.name in REFUSED_NAMES:
            raise SandboxViolation(f"'{err.name.strip('_')}' is niet toegestaan") from None
        raise


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
        if problem := data_problem(data):
            raise SandboxViolation(problem)
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
