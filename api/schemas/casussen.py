"""Casussen: registering one, messages to it, its summary, its chain of instances and its timeline."""

from marshmallow import Schema, fields, validate

from api.schemas.common import Strict
from api.schemas.instances import Event
from api.schemas.tasks import Task

CASUS_STATUSES = ["aangemeld", "geincludeerd", "in_zorg", "overgedragen", "afgesloten"]


class Person(Schema):
    naam = fields.String()
    bsn = fields.String()
    geboortedatum = fields.String()
    adres = fields.String()
    telefoon = fields.String()


class RegisterCasusRequest(Strict):
    person = fields.Dict(required=True, metadata={"description": "naam (verplicht), bsn, geboortedatum, adres, telefoon"})
    region = fields.String(required=True, validate=validate.Length(min=1, max=100))
    process_model = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=200),
                                  metadata={"description": "first process of the casus; default levensloop_intake"})
    data = fields.Dict(load_default=dict)


class CasusMessageRequest(Strict):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    payload = fields.Dict(load_default=dict)


class Duo(Schema):
    casemanager_zorg = fields.String(allow_none=True)
    casusregisseur_gemeente = fields.String(allow_none=True)


class CasusSummary(Schema):
    id = fields.String()
    pseudonym = fields.String()
    region = fields.String()
    status = fields.String(validate=validate.OneOf(CASUS_STATUSES))
    duo = fields.Nested(Duo)
    aanmelder = fields.String()
    created_at = fields.String()
    current_instance = fields.String(allow_none=True)
    cycle = fields.Integer(allow_none=True, metadata={"description": "place of the current instance in the chain (0 = first)"})


class CasusInstance(Schema):
    id = fields.String()
    process_model = fields.String()
    version = fields.Integer()
    cycle = fields.Integer()
    status = fields.String()
    started_at = fields.String()
    updated_at = fields.String()
    incident = fields.String(allow_none=True)


class TimelineEvent(Event):
    process_instance = fields.String()
    cycle = fields.Integer()


class CasusDetail(CasusSummary):
    person = fields.Nested(Person, metadata={"description": "left out for the Adviestafel"})
    instances = fields.List(fields.Nested(CasusInstance))
    current_tasks = fields.List(fields.Nested(Task))
    timeline = fields.List(fields.Nested(TimelineEvent))
