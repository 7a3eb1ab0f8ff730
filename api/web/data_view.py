"""The known data of a zaak or task as a worker reads it: grouped in sections by the task whose form
wrote it, labelled with the form's titles, values in Dutch (dates, Ja/Nee, choice titles, region and
person names), without the names the engine keeps for itself, and documents as documents.

Pure formatting: the caller passes the forms of the instance's version and the names to show for
usernames, so this module reads no database and needs no request.
"""
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from engine.instances.documents import is_document
from engine.local_time import LOCAL_ZONE, as_local
from engine.process_models.declared_fields import declared_properties, item_schemas, resolved_branches
from engine.process_models.reserved_names import RESERVED_NAMES

OTHER = "Overige gegevens"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


@dataclass(frozen=True)
class Field:
    label: str
    text: str


@dataclass(frozen=True)
class Document:
    """A value the engine made as a document (``html``, maybe ``pdf_base64``): shown and downloaded, never inlined."""
    name: str
    label: str
    has_pdf: bool


@dataclass
class Section:
    title: str
    fields: list[Field] = field(default_factory=list)
    sections: list["Section"] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """What the view needs besides the data: (task name, schema) per form in flow order, display
    names of usernames, region names by code."""
    forms: list = field(default_factory=list)
    people: dict = field(default_factory=dict)
    regions: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Schemas:
    """The schemas known for one value, with the form they come from (for local ``$ref``s)."""
    parts: tuple = ()
    root: dict = field(default_factory=dict)

    def child(self, name: str) -> "_Schemas":
        return _Schemas(tuple(declared_properties(list(self.parts), self.root).get(name, [])), self.root)

    def items(self) -> "_Schemas":
        return _Schemas(tuple(item_schemas(list(self.parts), self.root)), self.root)

    def branches(self) -> list[dict]:
        return resolved_branches(list(self.parts), self.root)


def is_hidden(name: str, top_level: bool) -> bool:
    """Engine bookkeeping and what the engine sets itself are not shown to workers."""
    return str(name).startswith("_") or (top_level and name in RESERVED_NAMES)


def humanise(name: str) -> str:
    """A key without a form title, readable: ``risicotaxatie_datum`` → "Risicotaxatie datum"."""
    words = re.sub(r"[_\s]+", " ", str(name)).strip()
    return words[:1].upper() + words[1:] if words else "—"


def sections(data: dict, ctx: Context) -> list[Section]:
    """The visible top-level values grouped by the first form (in flow order) declaring them; the rest last."""
    by_title: dict[str, Section] = {}
    order = [title for title, _ in ctx.forms] + [OTHER]
    for name in sorted(data):
        if is_hidden(name, top_level=True):
            continue
        title, schemas = _form_of(name, ctx)
        section = by_title.setdefault(title, Section(title))
        _add(section, name, data[name], schemas, ctx)
    return [by_title[title] for title in dict.fromkeys(order) if title in by_title]


def _form_of(name: str, ctx: Context) -> tuple[str, _Schemas]:
    for title, schema in ctx.forms:
        found = _Schemas((schema,), schema).child(name)
        if found.parts:
            return title, found
    return OTHER, _Schemas()


def _label(name: str, schemas: _Schemas) -> str:
    titles = [s["title"] for s in schemas.parts if isinstance(s, dict) and isinstance(s.get("title"), str)]
    return titles[0] if titles else humanise(name)


def _add(section: Section, name: str, value, schemas: _Schemas, ctx: Context) -> None:
    label = _label(name, schemas)
    if is_document(value):
        section.documents.append(Document(str(name), label, isinstance(value.get("pdf_base64"), str)))
    elif isinstance(value, dict):
        section.sections.append(_object(label, value, schemas, ctx))
    elif isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        items = schemas.items()
        for number, item in enumerate(value, start=1):
            title = f"{label} {number}" if len(value) > 1 else label
            if isinstance(item, dict):
                section.sections.append(_object(title, item, items, ctx))
            else:
                section.fields.append(Field(title, text(item, items, ctx)))
    else:
        section.fields.append(Field(label, text(value, schemas, ctx)))


def _object(title: str, value: dict, schemas: _Schemas, ctx: Context) -> Section:
    """A nested object as its own section; an ``id`` beside a ``naam`` says nothing more to a reader."""
    section = Section(title)
    for name in sorted(value):
        if is_hidden(name, top_level=False) or (name == "id" and "naam" in value):
            continue
        _add(section, name, value[name], schemas.child(name), ctx)
    return section


def text(value, schemas: _Schemas, ctx: Context) -> str:
    """One value in Dutch."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "Ja" if value else "Nee"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, list):
        return ", ".join(text(item, schemas.items(), ctx) for item in value)
    if not isinstance(value, str):
        return str(value)
    return _choice_title(value, schemas) or ctx.regions.get(value) or ctx.people.get(value) or _moment(value)


def _choice_title(value: str, schemas: _Schemas) -> str | None:
    for schema in schemas.branches():
        for option in (schema.get("oneOf") or []) + (schema.get("anyOf") or []):
            if isinstance(option, dict) and option.get("const") == value and isinstance(option.get("title"), str):
                return option["title"]
        if value in (schema.get("enum") or []):
            return humanise(value)
    return None


def _moment(value: str) -> str:
    """ISO dates as dd-mm-jjjj, date-times as dd-mm-jjjj HH:MM Dutch time (without offset: already Dutch time)."""
    try:
        if DATE.match(value):
            return date.fromisoformat(value).strftime("%d-%m-%Y")
        if DATE_TIME.match(value):
            return as_local(datetime.fromisoformat(value)).astimezone(LOCAL_ZONE).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        pass
    return value


def strings(value) -> set[str]:
    """Every text in the data (nested too): the candidates for usernames to show as names."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(strings(v) for v in value))
    return set()
