"""Bearer tokens: signed, expiring, naming the user and its token generation; roles are looked up on every
request, and a token of an older generation (after a logout or a revocation) is refused."""
from functools import wraps

from flask import current_app, g, request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from api.errors import ApiError
from api.extension import runtime
from engine.security import users


def _serializer() -> URLSafeTimedSerializer:
    # itsdangerous signs with the last key and accepts all: fallbacks first, the current key last
    keys = [*current_app.config.get("SECRET_KEY_FALLBACKS", []), current_app.config["SECRET_KEY"]]
    return URLSafeTimedSerializer(keys, salt="levensloop-api-token")


def issue_token(account: users.Account) -> str:
    return _serializer().dumps({"u": account.actor.username, "g": account.generation})


def client_address() -> str:
    """The unit of the login lockout: the address the request came from (behind a proxy: configure ProxyFix)."""
    return (request.remote_addr or "onbekend")[:100]


def actor_from_header():
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        raise ApiError(401, "unauthorized", "Inloggen vereist: stuur 'Authorization: Bearer <token>'.")
    try:
        payload = _serializer().loads(header[7:], max_age=current_app.config["TOKEN_MAX_AGE"])
    except SignatureExpired:
        raise ApiError(401, "token_expired", "Uw token is verlopen; log opnieuw in.")
    except BadSignature:
        raise ApiError(401, "unauthorized", "Ongeldig token.")
    account = users.find_account(runtime(), payload.get("u", ""))
    if account is None:
        raise ApiError(401, "unauthorized", "Onbekende gebruiker.")
    if payload.get("g") != account.generation:
        raise ApiError(401, "token_revoked", "Dit token is ingetrokken (uitgelogd); log opnieuw in.")
    return account.actor


def login_required(view):
    """The user and roles are looked up once; the lookup and the view share one database connection."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        with runtime().one_connection():
            g.actor = actor_from_header()
            return view(*args, **kwargs)

    return wrapper


def json_body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(422, "invalid", "Verwacht een JSON-object als body.", {"body": "Geen JSON-object."})
    return body
