"""Logging in: the token request and response."""

from marshmallow import Schema, fields, validate

from api.schemas.common import Strict


class TokenRequest(Strict):
    username = fields.String(required=True, validate=validate.Length(min=1, max=100))
    password = fields.String(required=True, validate=validate.Length(min=1, max=200))


class TokenResponse(Schema):
    token = fields.String()
    username = fields.String()
    roles = fields.List(fields.String())
