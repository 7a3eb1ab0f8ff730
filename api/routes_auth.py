"""POST /api/v1/auth/token and /auth/logout: a bearer token for username and password, and its end."""
from flask import Blueprint, g, jsonify

from api.auth import client_address, issue_token, json_body, login_required, runtime
from api.errors import ApiError
from api.schemas import TokenRequest
from engine.security import revocation, users

bp = Blueprint("auth", __name__, url_prefix="/api/v1/auth")


@bp.post("/token")
def token():
    """Get a bearer token.
    ---
    post:
      tags: [auth]
      security: []
      requestBody: {content: {application/json: {schema: TokenRequest}}}
      responses:
        200: {content: {application/json: {schema: TokenResponse}}}
        401: {content: {application/json: {schema: Error}}}
        422: {content: {application/json: {schema: Error}}}
        429: {description: too many failed logins, content: {application/json: {schema: Error}}}
    """
    body = TokenRequest().load(json_body())
    account = users.authenticate(runtime(), body["username"], body["password"], client_address())
    if account is None:
        raise ApiError(401, "unauthorized", "Onjuiste gebruikersnaam of wachtwoord.")
    actor = account.actor
    return jsonify({"token": issue_token(account), "username": actor.username, "roles": sorted(actor.roles)})


@bp.post("/logout")
@login_required
def logout():
    """Log out: this token and every other token and web session of the caller stop working.
    ---
    post:
      tags: [auth]
      responses:
        204: {description: logged out}
        401: {content: {application/json: {schema: Error}}}
    """
    revocation.end_all(runtime(), g.actor.username)
    return "", 204
