"""The script engine every workflow step gets: service tasks go to our handlers, results recorded.

Live steps call the handler and record its result (or refusal) as an input of the step; a replay
gets the recorded answers back instead, so outside data never makes replay diverge.
"""
import json
from dataclasses import dataclass, field
from typing import Callable

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException

from engine.spiff.incidents import ExplainedError, handler_failed
from engine.spiff.sandbox import SandboxedScriptEngine
from handlers import HandlerContext, HandlerError


@dataclass
class ServiceLog:
    """Service-task calls of one step, in order: recorded live, consumed on replay."""

    calls: list[dict] = field(default_factory=list)
    replaying: bool = False
    position: int = 0

    def next_recorded(self, element: str) -> dict:
        if self.position >= len(self.calls):
            raise WorkflowTaskException(
                f"Replay: geen vastgelegd resultaat voor servicetaak {element}", task=None
            )
        call = self.calls[self.position]
        self.position += 1
        return call


class EngineScriptEngine(SandboxedScriptEngine):
    """Dispatches service tasks to ``handlers`` by operator name; scripts and expressions run sandboxed."""

    def __init__(self, handlers: dict[str, Callable], context: Callable[..., HandlerContext],
                 log: ServiceLog, environment=None):
        super().__init__(environment=environment)
        self.handlers = handlers
        self.context = context
        self.log = log

    def call_service(self, task, operation_name=None, operation_params=None, **_kwargs):
        element = task.task_spec.bpmn_id
        if self.log.replaying:
            call = self.log.next_recorded(element)
            if "error" in call:  # the recorded refusal, classified as it was live
                raise handler_failed(call["error"], task, operation_name) from HandlerError(call["error"])
            return json.dumps(call["result"])
        params = {name: spec["value"] for name, spec in (operation_params or {}).items()}
        handler = self.handlers.get(operation_name)
        if handler is None:
            raise ExplainedError(f"Onbekende handler '{operation_name}'", task=task)
        try:
            result = handler(self.context(element=element), **params)
            encoded = json.dumps(result)
        except HandlerError as err:
            self.log.calls.append({"element": element, "handler": operation_name, "error": str(err)})
            raise handler_failed(str(err), task, operation_name) from err
        except Exception as err:
            message = f"Handler '{operation_name}' faalde: {type(err).__name__}: {err}"
            self.log.calls.append({"element": element, "handler": operation_name, "error": message})
            raise handler_failed(message, task, operation_name) from err
        self.log.calls.append({"element": element, "handler": operation_name, "result": json.loads(encoded)})
        return encoded
