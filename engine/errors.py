"""Domain errors the service layer raises; the API maps each to one HTTP status."""


class EngineError(Exception):
    """Base class: ``message`` is Dutch and safe to show to the user."""

    def __init__(self, message: str, fields: dict | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class NotFound(EngineError):
    pass


class Conflict(EngineError):
    pass


class MigrationRefused(Conflict):
    """An instance cannot move to the asked version; ``reasons`` says why, in Dutch, one sentence each."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


class Forbidden(EngineError):
    pass


class Invalid(EngineError):
    """Input refused; ``fields`` maps a field path to its Dutch error."""


class DeployRefused(EngineError):
    """A model upload was refused; ``errors`` lists one entry per problem, naming the element."""

    def __init__(self, message: str, errors: list[dict], warnings: list[dict] | None = None):
        super().__init__(message)
        self.errors = errors
        self.warnings = warnings or []


class Locked(EngineError):
    """Too many failed logins: the account is locked until ``until``."""
