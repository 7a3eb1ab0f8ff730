"""Deploy-time checks that need values or SpiffWorkflow's specs: timer literals, form schemas, unbounded loops."""
import ast

from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition

from engine.input_limits import TooDeeplyNested, load_json
from engine.process_models.forms import SchemaError, check_schema
from engine.process_models.reserved_names import declared_reserved


def timer_literal_problem(kind: str, expression: str) -> str | None:
    """A literal timer expression (``kind`` timeDate, timeDuration or timeCycle) must be valid ISO 8601.

    A computed one (an expression over process data) is checked at run time.
    """
    try:
        value = ast.literal_eval(expression.strip())
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if not isinstance(value, str):
        return f"timerexpressie {expression.strip()} is geen ISO 8601-tekst (zet een vaste waarde tussen aanhalingstekens)"
    try:
        if kind == "timeCycle":
            TimerEventDefinition.parse_iso_recurring_interval(value)
        else:
            TimerEventDefinition.parse_time_or_duration(value)
    except Exception:
        return f"timerexpressie '{value}' is geen geldige ISO 8601-datum, -duur of -herhaling (bijv. \"P3M\", \"R/P1M\")"
    return None


def form_problem(name: str, text: str, is_schema: bool) -> str | None:
    """Why a form file cannot be used: not JSON, nested too deep, (for a schema) not valid JSON Schema, or
    asking for data the engine writes itself."""
    try:
        loaded = load_json(text)
        if is_schema:
            check_schema(loaded)
    except TooDeeplyNested as err:
        return f"formulier '{name}': {err.message}"
    except ValueError:
        return f"formulier '{name}' is geen geldige JSON"
    except SchemaError as err:
        where = "/".join(str(part) for part in err.path) or "het hoogste niveau"
        return f"formulier '{name}' is geen geldig JSON Schema (fout bij {where})"
    reserved = declared_reserved(loaded) if is_schema else []
    if reserved:
        return f"formulier '{name}' vraagt {', '.join(repr(f) for f in reserved)}, maar die gegevens zet de engine zelf"
    return None


def loop_warnings(spec) -> list[dict]:
    """Warn about cycles in the flow: each pass grows SpiffWorkflow's task tree."""
    graph = {name: [o.name for o in ts.outputs] for name, ts in spec.task_specs.items()}
    warnings, seen, on_path = [], set(), set()

    def visit(node):
        seen.add(node)
        on_path.add(node)
        for nxt in graph.get(node, []):
            if nxt in on_path:
                ts = spec.task_specs[nxt]
                warnings.append({
                    "file": spec.file, "element_id": getattr(ts, "bpmn_id", None) or nxt,
                    "element_name": getattr(ts, "bpmn_name", None), "line": None,
                    "message": "lus in het proces: elke herhaling laat de taakboom groeien; "
                               "gebruik voor levenslange herhaling cycli (chain_to)",
                })
            elif nxt not in seen:
                visit(nxt)
        on_path.discard(node)

    for start in graph:
        if start not in seen:
            visit(start)
    return warnings
