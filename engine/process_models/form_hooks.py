"""Form hooks: choices a form's fields take from the case, and a check a submission must pass.

A form names them in its JSON Schema, by name: a field with ``"x-choices": "<provider>"`` gets, when
the task is shown and again when it is submitted, a ``oneOf`` of the choices the provider gives for
this case (``{"const": id, "title": Dutch label}``), so a submission is validated against the very
list the worker saw; ``"x-check": "<check>"`` at the top of the form runs on submission with the
submitted data and the task's data and returns Dutch errors per field (422, nothing written). The
providers and checks are plain functions in handlers/ (``handlers/registry.py``), called with a
``HandlerContext`` whose ports are bound to the step's session; the runtime holds them by name, so
the engine never imports a handler.
"""
from dataclasses import dataclass, field
from typing import Callable, Mapping

CHOICES = "x-choices"
CHECK = "x-check"
NO_CHOICE = "Er is nu niemand om uit te kiezen."


@dataclass(frozen=True)
class FormHooks:
    """``choices[name](ctx, task_data) -> [{"id", "label"}]``; ``checks[name](ctx, submitted, task_data) -> {field: message}``."""

    choices: Mapping[str, Callable] = field(default_factory=dict)
    checks: Mapping[str, Callable] = field(default_factory=dict)


def named(schema) -> tuple[set[str], set[str]]:
    """The choice providers and checks a schema names (at any depth), for the deploy check."""
    providers, checks = set(), set()

    def walk(node, top):
        if isinstance(node, dict):
            if isinstance(node.get(CHOICES), str):
                providers.add(node[CHOICES])
            if top and isinstance(node.get(CHECK), str):
                checks.add(node[CHECK])
            for value in node.values():
                walk(value, False)
        elif isinstance(node, list):
            for value in node:
                walk(value, False)

    walk(schema, True)
    return providers, checks


def unknown(schema, hooks: FormHooks) -> list[str]:
    """Hook names the schema uses that the runtime does not know, with what they are (Dutch)."""
    providers, checks = named(schema)
    return ([f"keuzelijst '{n}'" for n in sorted(providers - set(hooks.choices))]
            + [f"controle '{n}'" for n in sorted(checks - set(hooks.checks))])


def with_choices(schema: dict, provide: Callable[[str], list[dict]]) -> dict:
    """A copy of ``schema`` in which every field naming a provider lists that provider's choices."""
    def fill(node):
        if isinstance(node, list):
            return [fill(value) for value in node]
        if not isinstance(node, dict):
            return node
        filled = {key: fill(value) for key, value in node.items()}
        if isinstance(node.get(CHOICES), str):
            options = provide(node[CHOICES])
            filled.pop("enum", None)
            if options:
                filled["oneOf"] = [{"const": o["id"], "title": o["label"]} for o in options]
            else:  # an empty oneOf is no JSON Schema; an empty enum accepts nothing
                filled.pop("oneOf", None)
                filled["enum"] = []
                filled["errorMessage"] = NO_CHOICE
        return filled

    return fill(schema)


def check_errors(schema: dict, hooks: FormHooks, context, submitted: dict, task_data: dict) -> dict[str, str]:
    """The Dutch field errors of the form's own check (none when the form names no check)."""
    name = schema.get(CHECK) if isinstance(schema, dict) else None
    if not isinstance(name, str):
        return {}
    return dict(hooks.checks[name](context, submitted, task_data) or {})
