"""Incidents that say what failed without repeating a data value.

A failing script's exception text is data (``KeyError: 'Jan Geheim'``, ``Invalid isoformat string:
'14-06-1979'``), and incidents are shown to readers who may not see that data (the Adviestafel, a
worker retrying, the beheerder's notification). So an incident names the element, the kind of
error and, read from the model's own code, the variable concerned — in Dutch. The exception text
and traceback go to the server log only, keyed by instance id (``engine.execution.step``).
"""
import ast
import traceback
from dataclasses import asdict, dataclass

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.exceptions import SpiffWorkflowException

from engine.decisions.errors import DecisionFailed
from handlers import HandlerError


class ExplainedError(WorkflowTaskException):
    """A task error whose Dutch message names only model facts (element, expression, handler), never data."""


@dataclass(frozen=True)
class Incident:
    element: str | None
    element_name: str | None
    kind: str
    variable: str | None
    message: str

    def record(self) -> dict:
        return asdict(self)


def remember_source(err: WorkflowTaskException, source: str) -> WorkflowTaskException:
    """Keep the script or expression that failed on the error, so the incident can name its variable."""
    err.levensloop_source = source
    return err


def handler_failed(message: str, task, handler: str) -> WorkflowTaskException:
    """The task error for a service-task handler that refused or crashed (the caller chains the cause)."""
    err = WorkflowTaskException(message, task=task)
    err.levensloop_handler = handler
    return err


def describe(err: Exception, task) -> Incident:
    """The value-free incident for ``err`` raised at ``task`` (None when the failing task is unknown)."""
    element = task.task_spec.bpmn_id if task is not None else None
    name = _element_name(task.task_spec) if task is not None else None
    where = f"Stap '{name}' ({element})" if name else f"Stap {element or 'onbekend'}"
    if isinstance(err, ExplainedError):
        return Incident(element, name, "geweigerd", None, _first_line(err))
    original = _original(err)
    kind, variable, what = _explain(err, original, _failing_nodes(err), task)
    return Incident(element, name, kind, variable, f"{where}: {what}.")


def _element_name(spec) -> str | None:
    """The element's name; a multi-instance task keeps it on the spec of its instances."""
    child = getattr(spec, "task_spec", None)
    if not spec.bpmn_name and isinstance(child, str) and child in spec._wf_spec.task_specs:
        return spec._wf_spec.task_specs[child].bpmn_name or None
    return spec.bpmn_name or None


def detail(err: Exception) -> str:
    """The full exception chain with tracebacks, for the server log only."""
    return "".join(traceback.format_exception(err))


def _first_line(err: Exception) -> str:
    return str(err.args[0] if err.args else err).split("\n")[0].strip()


def _original(err: Exception) -> Exception | None:
    """The exception a SpiffWorkflow wrapper stands for (its cause or context), if any."""
    seen = err
    while isinstance(seen, SpiffWorkflowException):
        seen = seen.__cause__ or seen.__context__
    return seen


def _failing_nodes(err) -> list[ast.AST]:
    """The AST nodes of the failing line of the script (the whole expression when no line is known)."""
    source = getattr(err, "levensloop_source", None)
    if not source:
        return []
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    line = getattr(err, "line_number", None) or 0
    nodes = list(ast.walk(tree))
    if line > 0:
        nodes = [n for n in nodes if getattr(n, "lineno", 0) <= line <= getattr(n, "end_lineno", 0)]
    return nodes


def _explain(err, original, nodes, task) -> tuple[str, str | None, str]:
    data = task.data if task is not None else {}
    handler = getattr(err, "levensloop_handler", None)
    if isinstance(original, HandlerError):
        reason = str(original).rstrip(".") if original.shareable else f"handler '{handler}' weigerde de invoer"
        return "handler_geweigerd", None, reason
    if isinstance(original, DecisionFailed):
        return _decision_failed(original)
    if handler:
        return "handler_fout", None, f"handler '{handler}' faalde (fout van het soort {type(original).__name__})"
    if isinstance(original, NameError) and getattr(original, "name", None):
        return "onbekende_variabele", original.name, f"Onbekende variabele '{original.name}'"
    if isinstance(original, KeyError):
        return _missing_key(original, nodes, data)
    if isinstance(original, IndexError):
        container = _first(_name(n.value) for n in nodes if isinstance(n, ast.Subscript))
        return "index", container, (f"Lijst '{container}' heeft geen element op de gevraagde positie" if container
                                    else "Een lijst heeft geen element op de gevraagde positie")
    if isinstance(original, ZeroDivisionError):
        divisor = _first(_name(n.right) for n in nodes
                         if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Div, ast.FloorDiv, ast.Mod)))
        return "deling_door_nul", divisor, (f"Deling door nul: de deler '{divisor}' is nul" if divisor
                                            else "Deling door nul")
    if isinstance(original, AttributeError) and getattr(original, "name", None):
        owner = _first(_name(n.value) for n in nodes if isinstance(n, ast.Attribute) and n.attr == original.name)
        return "attribuut", owner, (f"Variabele '{owner}' heeft geen attribuut '{original.name}'" if owner
                                    else f"Onbekend attribuut '{original.name}'")
    if isinstance(original, ValueError):
        return _invalid_value(original, nodes, data)
    if isinstance(original, TypeError):
        names = sorted({n.id for n in nodes if isinstance(n, ast.Name) and n.id in data})
        listed = ", ".join(f"'{n}'" for n in names)
        return "type", names[0] if names else None, (f"Gegevens van een ongeschikt type bij {listed}" if names
                                                     else "Gegevens van een ongeschikt type")
    if isinstance(original, SyntaxError):
        return "syntaxfout", None, f"Het script bevat een syntaxfout (regel {original.lineno})"
    if original is None:
        return "onbekend", None, "kon niet worden uitgevoerd"
    return "onbekend", None, f"kon niet worden uitgevoerd (fout van het soort {type(original).__name__})"


def _decision_failed(original: DecisionFailed) -> tuple[str, str | None, str]:
    """Decision and inputs by name, with the model-level problem of each; the inputs' values stay in the log."""
    problems = "; ".join(f"'{name}' {problem.rstrip('.').lower()}" for name, problem in original.fields.items())
    first = next(iter(original.fields), None)
    return "beslissing", first, (f"Beslissing '{original.decision}' kon niet worden bepaald"
                                 + (f": {problems}" if problems else ""))


def _missing_key(original: KeyError, nodes, data) -> tuple[str, str | None, str]:
    key = original.args[0] if original.args else None
    for node in nodes:
        if not isinstance(node, ast.Subscript) or not (table := _name(node.value)):
            continue
        index = node.slice
        if isinstance(index, ast.Constant) and index.value == key and isinstance(key, str):
            return "sleutel", table, f"Opzoektabel '{table}' heeft geen sleutel '{key}'"
        if (variable := _name(index)) and _value(index, data) == key:
            return "sleutel", variable, f"Opzoektabel '{table}' heeft geen sleutel voor de waarde van '{variable}'"
    return "sleutel", None, "Een opzoektabel heeft geen sleutel voor een gevraagde waarde"


def _invalid_value(original: ValueError, nodes, data) -> tuple[str, str | None, str]:
    text = str(original)
    what = ("datum" if any(s in text for s in ("isoformat", "time data", "does not match format", "month must",
                                                  "day is out of range", "year "))
            else "getal" if any(s in text for s in ("invalid literal for int", "convert string to float"))
            else "waarde")
    arguments = [part for node in nodes if isinstance(node, ast.Call) for arg in node.args
                 for part in ast.walk(arg) if _name(part)]
    matching = [arg for arg in arguments if (value := _value(arg, data)) is not None and str(value) in text]
    variable = _name((matching or arguments)[0]) if arguments else None
    noun = {"datum": "geen geldige datum", "getal": "geen geldig getal", "waarde": "geen geldige waarde"}[what]
    return f"ongeldige_{what}", variable, (f"Variabele '{variable}' heeft {noun}" if variable
                                           else f"Een variabele heeft {noun}")


def _name(node) -> str | None:
    """The model's own spelling of a variable (``naam``, ``persoon['geboortedatum']``), else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and _name(node.value):
        return ast.unparse(node)
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and _name(node.value):
        return f"{_name(node.value)}[{node.slice.value!r}]".replace("'", '"')
    return None


def _value(node, data):
    """The value a simple variable path has in the task data (to match it against the exception)."""
    if isinstance(node, ast.Name):
        return data.get(node.id)
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        container = _value(node.value, data)
        return container.get(node.slice.value) if isinstance(container, dict) else None
    return None


def _first(items):
    return next((item for item in items if item), None)
