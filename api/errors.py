"""One error shape for every API failure: JSON ``{error, message, fields?}``; web pages get a Dutch HTML page."""
from flask import jsonify
from marshmallow import ValidationError
from sqlalchemy.exc import DataError
from werkzeug.exceptions import HTTPException

from engine.errors import Conflict, DeployRefused, EngineError, Forbidden, Invalid, Locked, MigrationRefused, NotFound

STATUS = {NotFound: 404, Conflict: 409, Forbidden: 403, Invalid: 422, DeployRefused: 422, Locked: 429}


class ApiError(Exception):
    """Raised by the API layer itself (authentication, request shape)."""

    def __init__(self, status: int, error: str, message: str, fields: dict | None = None):
        super().__init__(message)
        self.status, self.error, self.message, self.fields = status, error, message, fields


def _body(error: str, message: str, fields=None, **extra):
    body = {"error": error, "message": message, **extra}
    if fields:
        body["fields"] = fields
    return body


def _reply(body: dict, status: int):
    """JSON under /api/, a Dutch error page (never a traceback) everywhere else."""
    from api.web.errors import error_page, wants_json

    return (jsonify(body), status) if wants_json() else error_page(status, body["message"])


def init_app(app) -> None:
    @app.errorhandler(ApiError)
    def _api_error(err: ApiError):
        return _reply(_body(err.error, err.message, err.fields), err.status)

    @app.errorhandler(EngineError)
    def _engine_error(err: EngineError):
        status = next((code for cls, code in STATUS.items() if isinstance(err, cls)), 400)
        extra = {"errors": err.errors, "warnings": err.warnings} if isinstance(err, DeployRefused) else {}
        if isinstance(err, MigrationRefused):
            extra = {"reasons": err.reasons}
        return _reply(_body(type(err).__name__.lower(), err.message, err.fields, **extra), status)

    @app.errorhandler(ValidationError)
    def _schema_error(err: ValidationError):
        fields = {k: " ".join(v) if isinstance(v, list) else v for k, v in err.normalized_messages().items()}
        return _reply(_body("invalid", "Ongeldige invoer.", fields), 422)

    @app.errorhandler(DataError)
    def _unstorable_value(_err: DataError):
        # e.g. a NUL character, which PostgreSQL cannot store or compare: bad input, not a server fault
        return _reply(_body("invalid", "Ongeldige invoer: een waarde bevat tekens die niet verwerkt kunnen worden."), 422)

    @app.errorhandler(HTTPException)
    def _http_error(err: HTTPException):
        messages = {404: "Niet gevonden.", 405: "Methode niet toegestaan.", 413: "Upload is te groot.",
                    400: "Ongeldig verzoek.", 415: "Verkeerd inhoudstype."}
        return _reply(_body(err.name.lower().replace(" ", "_"), messages.get(err.code, err.description)), err.code)

    @app.errorhandler(Exception)
    def _unexpected(err: Exception):
        app.logger.exception("unexpected error")
        return _reply(_body("internal", "Er ging iets mis aan onze kant; de fout is gelogd."), 500)
