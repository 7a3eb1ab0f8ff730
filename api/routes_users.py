"""User administration for the beheerder: revoking a user's tokens and sessions."""
from flask import Blueprint, g

from api.auth import login_required, runtime
from engine.security import revocation

bp = Blueprint("users", __name__, url_prefix="/api/v1/users")


@bp.post("/<username>/revoke-sessions")
@login_required
def revoke_sessions(username):
    """End every bearer token and web session of a user (beheerder only).
    ---
    post:
      tags: [users]
      parameters: [{name: username, in: path, required: true, schema: {type: string}}]
      responses:
        204: {description: every token and session of the user revoked}
        401: {content: {application/json: {schema: Error}}}
        403: {content: {application/json: {schema: Error}}}
        404: {content: {application/json: {schema: Error}}}
    """
    revocation.revoke(runtime(), g.actor, username)
    return "", 204
