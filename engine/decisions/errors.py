"""What goes wrong with a decision: refused at deploy, or failed for the inputs it was given."""


class FeelSyntaxError(Exception):
    """A cell is not FEEL this engine understands; ``reason`` is Dutch.

    ``unknown_function``: the cell is FEEL in form but calls a function this engine does not know
    (so it is no sign of a Python table).
    """

    def __init__(self, reason: str, position: int | None = None, unknown_function: bool = False):
        super().__init__(reason)
        self.reason, self.position, self.unknown_function = reason, position, unknown_function


class FeelEvaluationError(Exception):
    """A FEEL expression could not be evaluated for these values (type mismatch, division by zero)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class DecisionRefused(Exception):
    """A DMN file holds something this engine does not support; names the decision and the rule."""

    def __init__(self, message: str, decision: str | None = None, rule: str | None = None):
        super().__init__(message)
        self.message, self.decision, self.rule = message, decision, rule


class DecisionFailed(Exception):
    """A decision cannot be evaluated for the given inputs; ``fields`` maps an input to its Dutch problem."""

    def __init__(self, message: str, decision: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.message, self.decision, self.fields = message, decision, fields or {}
