"""Trying a deployed decision: its inputs, matched rules and outputs."""

from marshmallow import Schema, fields

from api.schemas.common import Strict


class EvaluateDecisionRequest(Strict):
    variables = fields.Dict(keys=fields.String(), load_default=dict)


class MatchedRule(Schema):
    id = fields.String()
    row = fields.Integer()
    description = fields.String()


class RequiredDecisionResult(Schema):
    decision = fields.String()
    outputs = fields.Dict()
    matched_rules = fields.List(fields.Nested(MatchedRule))
    required_decisions = fields.List(fields.Dict())


class DecisionResult(RequiredDecisionResult):
    required_decisions = fields.List(fields.Nested(RequiredDecisionResult))
