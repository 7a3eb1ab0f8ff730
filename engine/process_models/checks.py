"""Deploy-time checks that need values or SpiffWorkflow's specs: timer literals, form schemas, loops that
cannot be compacted."""
import ast

from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition

from engine.input_limits import TooDeeplyNested, load_json
from engine.process_models import form_context
from engine.process_models.forms import SchemaError, check_schema
from engine.process_models.problems import problem
from engine.process_models.reserved_names import declared_reserved
from engine.spiff.loop_classes import ended_tokens_in_loops, joins_in_loops


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
    """Why a form file cannot be used: not JSON, nested too deep, (for a schema) not valid JSON Schema or
    asking for data the engine writes itself, (for a UI schema) a malformed ``ui:context``."""
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
    if not is_schema and (context := form_context.problems(loaded)):
        return f"formulier '{name}': {'; '.join(context)}"
    reserved = declared_reserved(loaded) if is_schema else []
    if reserved:
        return f"formulier '{name}' vraagt {', '.join(repr(f) for f in reserved)}, maar die gegevens zet de engine zelf"
    return None


JOIN_IN_LOOP = ("lus door een parallelle of inclusieve samenvoeging: zo'n lus wordt niet ingekort, elke herhaling "
                "laat de taakboom groeien tot de zaak een incident krijgt; gebruik voor levenslange herhaling cycli "
                "(chain_to) of een lus zonder samenvoeging")
ENDED_TOKEN_IN_LOOP = ("hier eindigt telkens opnieuw een tak apart (niet-onderbrekende grensgebeurtenis in een lus of met "
                       "een herhalende timer, of een parallelle tak naar een eindgebeurtenis): de gegevens van elke "
                       "geëindigde tak blijven bewaard, dus de toestand groeit bij elke herhaling; laat de tak terugkeren "
                       "in de lus of gebruik cycli (chain_to)")


def loop_warnings(spec) -> list[dict]:
    """Warn about loops the engine cannot keep bounded (engine.spiff.loop_classes)."""
    found = [(name, JOIN_IN_LOOP) for name in joins_in_loops(spec)]
    found += [(name, ENDED_TOKEN_IN_LOOP) for name in ended_tokens_in_loops(spec)]
    return [problem(spec.file, message, element_id=getattr(spec.task_specs[name], "bpmn_id", None) or name,
                    element_name=getattr(spec.task_specs[name], "bpmn_name", None)) for name, message in found]
