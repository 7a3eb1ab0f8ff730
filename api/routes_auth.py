"""POST /api/v1/auth/token: exchange username and password for a bearer token."""
from flask import Blueprint, jsonify

from api.auth import issue_token, json_body, runtime
from api.errors import ApiError
from api.schemas import TokenRequest
from engine.security import users

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
    actor = users.authenticate(runtime(), body["username"], body["password"])
    if actor is None:
        raise ApiError(401, "unauthorized", "Onjuiste gebruikersnaam of wachtwoord.")
    return jsonify({"token": issue_token(actor.username), "username": actor.username, "roles": sorted(actor.roles)})
