"""What every schema shares: unknown fields refused, version numbers, the error body."""

from marshmallow import RAISE, Schema, fields, validate


class Strict(Schema):
    class Meta:
        unknown = RAISE


VERSION_NUMBER = validate.Range(min=1, max=2**31 - 1, error="Een versienummer van 1 of hoger.")


class Error(Schema):
    error = fields.String()
    message = fields.String()
    fields_ = fields.Dict(data_key="fields")
    errors = fields.List(fields.Dict())
    warnings = fields.List(fields.Dict())
    reasons = fields.List(fields.String(), metadata={"description": "a refused migration: why, one Dutch sentence each"})
