"""Deploy-time checks on parsed process specs: forms, handlers, timer literals, loops that cannot be compacted."""
import ast
import json

from SpiffWorkflow.bpmn.specs.event_definitions.timer import (
    CycleTimerEventDefinition,
    TimerEventDefinition,
)
from SpiffWorkflow.bpmn.specs.mixins.service_task import ServiceTask
from SpiffWorkflow.bpmn.specs.mixins.user_task import UserTask

from engine.process_models.forms import SchemaError, check_schema
from engine.spiff.loop_classes import ended_tokens_in_loops, joins_in_loops

FORM_PROPERTIES = ("formJsonSchemaFilename", "formUiSchemaFilename")


def form_files(task_spec) -> list[str]:
    props = task_spec.extensions.get("properties", {}) if hasattr(task_spec, "extensions") else {}
    return [props[p] for p in FORM_PROPERTIES if props.get(p)]


def check_spec(spec, files: dict[str, str], handlers: dict) -> list[dict]:
    """Problems found in one process spec, each naming its element."""
    problems = []
    for task_spec in spec.task_specs.values():
        element = getattr(task_spec, "bpmn_id", None) or task_spec.name
        if isinstance(task_spec, UserTask):
            problems += _check_forms(element, form_files(task_spec), files)
        if isinstance(task_spec, ServiceTask) and hasattr(task_spec, "operation_name"):
            if task_spec.operation_name not in handlers:
                problems.append({"element": element, "message": f"onbekende handler '{task_spec.operation_name}'"})
        definition = getattr(task_spec, "event_definition", None)
        if isinstance(definition, TimerEventDefinition):
            message = _check_timer_literal(definition)
            if message:
                problems.append({"element": element, "message": message})
    return [{"file": spec.file, "process": spec.name, **p} for p in problems]


def _check_forms(element: str, names: list[str], files: dict[str, str]) -> list[dict]:
    problems = []
    for name in names:
        if name not in files:
            problems.append({"element": element, "message": f"formulierbestand '{name}' ontbreekt"})
            continue
        try:
            check_schema(json.loads(files[name]))
        except (ValueError, SchemaError) as err:
            reason = err.message if isinstance(err, SchemaError) else str(err)
            problems.append({"element": element, "message": f"formulier '{name}' is geen geldig JSON Schema: {reason}"})
    return problems


def _check_timer_literal(definition: TimerEventDefinition) -> str | None:
    """A literal timer expression must be valid ISO 8601; a computed one is checked at run time."""
    try:
        value = ast.literal_eval(definition.expression)
    except (ValueError, SyntaxError):
        return None  # an expression over process data
    if not isinstance(value, str):
        return f"timerexpressie {definition.expression!r} is geen ISO 8601-tekst"
    try:
        if isinstance(definition, CycleTimerEventDefinition):
            TimerEventDefinition.parse_iso_recurring_interval(value)
        else:
            TimerEventDefinition.parse_time_or_duration(value)
    except Exception:
        return f"timerexpressie {value!r} is geen geldige ISO 8601-datum, -duur of -herhaling"
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
    return [{"process": spec.name, "element": getattr(spec.task_specs[name], "bpmn_id", None) or name,
             "message": message} for name, message in found]
