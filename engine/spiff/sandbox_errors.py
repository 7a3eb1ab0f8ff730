"""The one error a sandbox refusal raises, shared by the sandbox and its resource limits."""
from SpiffWorkflow.exceptions import WorkflowException


class SandboxViolation(WorkflowException):
    """A script or expression tried something the sandbox does not allow; ``reason`` is Dutch."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
