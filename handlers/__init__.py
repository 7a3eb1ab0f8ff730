"""Service-task handlers, registered by name.

A BPMN service task names its handler through ``spiffworkflow:serviceTaskOperator id="NAME"``.
A handler is a plain function ``handler(ctx: HandlerContext, **params) -> JSON-serialisable``:
its parameters come from the BPMN by name (already evaluated against the task data), the
engine's clock and ports arrive in ``ctx``. Handlers never touch the database themselves.
"""
from handlers.context import HandlerContext, HandlerError
from handlers.registry import FORM_CHECKS, FORM_CHOICES, HANDLERS

__all__ = ["FORM_CHECKS", "FORM_CHOICES", "HANDLERS", "HandlerContext", "HandlerError"]
