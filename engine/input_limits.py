"""Nesting limits for input from outside: JSON request bodies, form posts and BPMN/DMN XML.

Parsers and everything after them (validation, serialization) recurse per level; a document
nested a thousand levels deep ends in a RecursionError, a 5xx. Every JSON body goes through
``load_json`` (the app's JSON provider) and every model file through ``check_xml_depth``, so too
deep input is refused in one place, as invalid input (422), before anything recurses over it.
"""
import json

from engine.errors import Invalid

MAX_NESTING = 64
TOO_DEEP = f"De invoer is te diep genest (meer dan {MAX_NESTING} niveaus)."


class TooDeeplyNested(Invalid):
    """Input nested deeper than MAX_NESTING."""

    def __init__(self, where: str = "body"):
        super().__init__(TOO_DEEP, {where: TOO_DEEP})


def json_depth(value, limit: int = MAX_NESTING) -> int:
    """How deep ``value`` nests lists and objects, counted without recursion; stops just past ``limit``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if not isinstance(item, (dict, list)):
            continue
        deepest = max(deepest, depth)
        if depth > limit:
            break
        stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def load_json(text: str | bytes, **kwargs):
    """``json.loads`` refusing documents nested deeper than MAX_NESTING (TooDeeplyNested)."""
    try:
        value = json.loads(text, **kwargs)
    except RecursionError:  # deeper than the interpreter can parse at all
        raise TooDeeplyNested() from None
    if json_depth(value) > MAX_NESTING:
        raise TooDeeplyNested()
    return value


def xml_depth(root, limit: int = MAX_NESTING) -> int:
    """How deep an ElementTree element nests, counted without recursion; stops just past ``limit``."""
    deepest, stack = 0, [(root, 1)]
    while stack and deepest <= limit:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest
