"""Server-side lint of a process's elements: forms, handlers and parameters, lanes, timers, calls, decisions.

Rules read the XML (lxml keeps the line of every element) and return Dutch problems in two lists:
errors refuse a deploy, warnings are shown and deployed. The flow rules are in ``lint_flow``.
"""
from dataclasses import dataclass, field

from handlers.registry import parameters
from engine.input_limits import load_json
from engine.process_models.checks import form_problem, timer_literal_problem
from engine.process_models.form_hooks import FormHooks, unknown
from engine.process_models.lint_flow import flow_findings
from engine.process_models.problems import problem
from engine.process_models.references import ProcessRefs


@dataclass
class Findings:
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)


@dataclass
class LintContext:
    files: dict[str, str]
    procs: dict
    decs: dict
    handlers: dict
    roles: set
    form_hooks: FormHooks


def lint(refs: ProcessRefs, ctx: LintContext) -> Findings:
    """All findings for one process."""
    found = Findings()
    for rule in (_user_tasks, _service_tasks, _lanes, _timers, _calls_and_decisions, _placeholder_names):
        rule(refs, ctx, found)
    flow_findings(refs, found)
    return found


def _user_tasks(refs: ProcessRefs, ctx: LintContext, found: Findings) -> None:
    for task in refs.element.iter("{*}userTask"):
        props = {p.get("name"): (p.get("value") or "").strip() for p in task.iter("{*}property")}
        schema = props.get("formJsonSchemaFilename")
        if not schema:
            found.warnings.append(problem(refs.file, "gebruikerstaak zonder formulier (formJsonSchemaFilename): "
                                                     "de taak neemt geen gegevens aan", task))
        for key in ("formJsonSchemaFilename", "formUiSchemaFilename"):
            name = props.get(key)
            if not name:
                continue
            if name not in ctx.files:
                found.errors.append(problem(refs.file, f"formulier '{name}' is onbekend: niet in de upload, niet "
                                                       "gedeployed en niet in forms/", task))
            elif message := form_problem(name, ctx.files[name], key == "formJsonSchemaFilename"):
                found.errors.append(problem(refs.file, message, task))
            elif missing := unknown(load_json(ctx.files[name]), ctx.form_hooks):
                found.errors.append(problem(refs.file, f"formulier '{name}' noemt een onbekende {', '.join(missing)}",
                                            task))


def _service_tasks(refs: ProcessRefs, ctx: LintContext, found: Findings) -> None:
    for task in refs.element.iter("{*}serviceTask"):
        operator = next(task.iter("{*}serviceTaskOperator"), None)
        if operator is None or not (operator.get("id") or "").strip():
            found.errors.append(problem(refs.file, "servicetaak zonder handler: kies een handler "
                                                   "(spiffworkflow:serviceTaskOperator)", task))
            continue
        name = operator.get("id").strip()
        if name not in ctx.handlers:
            found.errors.append(problem(refs.file, f"onbekende handler '{name}' (bekend: "
                                                   f"{', '.join(sorted(ctx.handlers))})", task))
            continue
        declared = parameters(ctx.handlers[name])
        given = [(p.get("id") or "").strip() for p in operator.iter("{*}parameter")]
        missing = [p for p in declared["required"] if p not in given]
        unknown = [] if declared["open"] else [p for p in given if p not in declared["required"] + declared["optional"]]
        if missing:
            found.errors.append(problem(refs.file, f"handler '{name}' mist parameter(s): {', '.join(missing)}", task))
        if unknown:
            found.errors.append(problem(refs.file, f"handler '{name}' kent parameter(s) niet: {', '.join(unknown)}", task))


def _lanes(refs: ProcessRefs, ctx: LintContext, found: Findings) -> None:
    """An innermost lane holding a user task names the role that may do it."""
    user_tasks = {t.get("id") for t in refs.element.iter("{*}userTask")}
    for lane in refs.element.iter("{*}lane"):
        if next(lane.iter("{*}childLaneSet"), None) is not None:
            continue
        holds_user_task = any((ref.text or "").strip() in user_tasks for ref in lane.iter("{*}flowNodeRef"))
        role = (lane.get("name") or "").strip()
        if holds_user_task and role not in ctx.roles:
            found.errors.append(problem(refs.file, f"baan '{role or lane.get('id')}' is geen bekende rol (kies uit "
                                                   f"{', '.join(sorted(ctx.roles))})", lane))


def _timers(refs: ProcessRefs, ctx: LintContext, found: Findings) -> None:
    for definition in refs.element.iter("{*}timerEventDefinition"):
        event = definition.getparent()
        for child in definition:
            kind = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if kind in ("timeDate", "timeDuration", "timeCycle"):
                if message := timer_literal_problem(kind, child.text or ""):
                    found.errors.append(problem(refs.file, message, event, line=child.sourceline))


def _calls_and_decisions(refs: ProcessRefs, ctx: LintContext, found: Findings) -> None:
    for process_id, call in refs.calls.items():
        if process_id not in ctx.procs:
            found.errors.append(problem(refs.file, f"aangeroepen proces '{process_id}' bestaat niet in de upload en "
                                                   "is niet gedeployed", call))
    for call in refs.element.iter("{*}callActivity"):
        if not (call.get("calledElement") or "").strip():
            found.errors.append(problem(refs.file, "aanroepactiviteit zonder calledElement: welk proces wordt "
                                                   "aangeroepen?", call))
    for decision_id, task in refs.decisions.items():
        if decision_id not in ctx.decs:
            found.errors.append(problem(refs.file, f"beslissing '{decision_id}' bestaat niet in de upload en is niet "
                                                   "gedeployed", task))


#: Names an export or generator writes for "no name"; a diagram would show them as labels.
PLACEHOLDER_NAMES = {"none", "null", "undefined"}


def _placeholder_names(refs: ProcessRefs, ctx: LintContext, found: Findings) -> None:
    for element in refs.element.iter():
        name = element.get("name") if isinstance(element.tag, str) else None
        if name is not None and name.strip().lower() in PLACEHOLDER_NAMES:
            found.warnings.append(problem(refs.file, f"element heet '{name}': het diagram toont dat als label; geef "
                                                     "een Nederlandse naam of laat de naam leeg", element))
