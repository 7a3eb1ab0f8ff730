"""Size guards for sandboxed code: operand sizes are checked before a C-level operation runs.

The step budget counts bytecode steps, but one step such as ``7 ** 10**7`` or ``'a' * 10**9``
runs for seconds inside C while holding the GIL, stalling every other request. The sandbox's
compiler policy (``GuardingTransformer``) routes such operations through the guards below, which
estimate the result's size first and refuse with a Dutch ``SandboxViolation``. Sizes, not time,
so a replay refuses exactly what the live step refused.
"""
import ast
import math
import operator
import re
from itertools import islice

from RestrictedPython import RestrictingNodeTransformer

from engine.spiff.sandbox_budget import charge
from engine.spiff.sandbox_errors import SandboxViolation

MAX_INT_BITS = 10_000  # about 3,000 decimal digits
MAX_SIZE = 1_000_000  # characters of a text, or elements of a collection counted through its nesting
GUARDED_OPS = {ast.Pow: "**", ast.Mult: "*", ast.Add: "+", ast.LShift: "<<", ast.Mod: "%"}
OPERATORS = {"**": operator.pow, "*": operator.mul, "+": operator.add, "<<": operator.lshift,
             "%": operator.mod, "-": operator.sub, "/": operator.truediv, "//": operator.floordiv,
             "|": operator.or_, "&": operator.and_, "^": operator.xor, ">>": operator.rshift}
TEXT = (str, bytes, bytearray)
COLLECTIONS = (list, tuple, dict, set, frozenset)
NESTED = {*COLLECTIONS, bytes, bytearray}  # element types whose size is more than one
PRINTF_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")


LIMIT_TEXT = f"{MAX_SIZE:_}".replace("_", ".")


def _refuse(what: str):
    raise SandboxViolation(f"{what} is te groot (grens {LIMIT_TEXT} tekens of elementen)")


def _is_int(value) -> bool:
    return isinstance(value, int)


def size(value, seen: dict | None = None) -> int:
    """Rough size of ``value`` once written out: characters of text and digits, elements of
    collections counted through shared references (``[x] * 1000`` counts x a thousand times).
    Stops counting just past MAX_SIZE; every element visited is charged to the step budget."""
    if isinstance(value, TEXT):
        return len(value)
    if _is_int(value):
        return 1 + value.bit_length() // 3
    if not isinstance(value, COLLECTIONS):
        return 1
    if len(value) > MAX_SIZE:
        return MAX_SIZE + 1
    seen = {} if seen is None else seen
    if id(value) in seen:
        return seen[id(value)]
    items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
    charge(len(items))
    total = 1
    for item in items:
        kind = type(item)
        if kind is int:
            total += 1 + item.bit_length() // 3
        else:
            total += len(item) if kind is str else size(item, seen) if kind in NESTED else 1
        if total > MAX_SIZE:
            break
    seen[id(value)] = total
    return total


def _check_int_bits(bits: float, what: str) -> None:
    if bits > MAX_INT_BITS:
        raise SandboxViolation(f"{what} geeft een getal van meer dan {MAX_INT_BITS} bits; dat is niet toegestaan")


def check_power(base, exponent, modulus=None) -> None:
    if not (_is_int(base) and _is_int(exponent)) or exponent <= 0:
        return
    if modulus is not None:
        bits = max(exponent.bit_length(), modulus.bit_length() if _is_int(modulus) else 0)
        _check_int_bits(bits, "machtsverheffen")
    elif abs(base) > 1:
        _check_int_bits(math.log2(abs(base)) * exponent, "machtsverheffen")


def _check_multiply(left, right) -> None:
    if _is_int(left) and _is_int(right):
        _check_int_bits(left.bit_length() + right.bit_length(), "vermenigvuldigen")
        return
    sequence, times = (left, right) if _is_int(right) else (right, left)
    if _is_int(times) and times > 1 and size(sequence) * times > MAX_SIZE:
        _refuse("de herhaling van deze tekst of lijst")


def _check_add(left, right) -> None:
    if isinstance(left, TEXT + (list, tuple)) and isinstance(right, TEXT + (list, tuple)):
        if size(left) + size(right) > MAX_SIZE:
            _refuse("het samenvoegen van deze teksten of lijsten")


def _check_shift(left, right) -> None:
    if _is_int(left) and _is_int(right) and left:
        _check_int_bits(left.bit_length() + max(right, 0), "bitverschuiven")


def _check_printf(template, values) -> None:
    """``'%0999999999d' % 1`` pads in C: count widths and precisions, refuse widths taken from the values."""
    if not isinstance(template, TEXT):
        return
    text = template.decode("latin-1") if not isinstance(template, str) else template
    numbers = [part for spec in PRINTF_SPEC.finditer(text) for part in spec.groups() if part]
    if "*" in numbers:
        raise SandboxViolation("'*' als breedte in %-opmaak is niet toegestaan")
    if len(text) + sum(map(int, numbers)) + size(values) > MAX_SIZE:
        _refuse("de uitkomst van deze %-opmaak")


CHECKS = {"**": check_power, "*": _check_multiply, "+": _check_add, "<<": _check_shift, "%": _check_printf}


def binop(op: str, left, right):
    """``left op right``, after checking that the result stays within the limits."""
    if check := CHECKS.get(op):
        check(left, right)
    return OPERATORS[op](left, right)


def guarded_pow(base, exponent, modulus=None):
    check_power(base, exponent, modulus)
    return pow(base, exponent, modulus)


def _materialized(iterable, what: str) -> list:
    items = list(islice(iterable, MAX_SIZE + 1))
    if len(items) > MAX_SIZE:
        _refuse(what)
    charge(len(items))
    return items


def guarded_sorted(iterable, /, *, key=None, reverse=False):
    return sorted(_materialized(iterable, "de invoer van sorted"), key=key, reverse=reverse)


def guarded_sum(iterable, /, start=0):
    """Only numbers: summing lists or tuples copies the total at every step (quadratic, in C)."""
    if not isinstance(start, (int, float)):
        raise SandboxViolation("sum telt alleen getallen op; gebruik een lus om lijsten samen te voegen")
    return sum(_materialized(iterable, "de invoer van sum"), start)


def _check_text_of(value) -> None:
    """Writing out a collection expands every shared reference: ``str([[0] * 1000] * 10**6)``."""
    if isinstance(value, COLLECTIONS) and size(value) > MAX_SIZE:
        _refuse("de tekstweergave van deze lijst")


def _checked_text(value, convert):
    _check_text_of(value)
    return convert(value)


def guarded_str(value="", *args):
    return str(value, *args) if args else _checked_text(value, str)


def guarded_repr(value):
    return _checked_text(value, repr)


CONVERSIONS = {-1: None, ord("s"): str, ord("r"): repr, ord("a"): ascii}


def formatted(value, conversion: int, spec: str):
    """One ``{value!conversion:spec}`` of an f-string, with the widths in ``spec`` bounded."""
    _check_text_of(value)
    if convert := CONVERSIONS[conversion]:
        value = convert(value)
    if sum(int(n) for n in re.findall(r"\d+", spec)) > MAX_SIZE:
        _refuse("de opmaak in deze f-string")
    return format(value, spec)


def _padding(method):
    def padded(text, width, *args):
        if _is_int(width) and width > MAX_SIZE:
            _refuse(f"de breedte van {method}")
        return getattr(text, method)(width, *args)
    return padded


def _replace(text, old, new, count=-1):
    occurrences = text.count(old) if count < 0 else min(count, text.count(old))
    if len(text) + occurrences * max(len(new) - len(old), 0) > MAX_SIZE:
        _refuse("de uitkomst van replace")
    return text.replace(old, new, count)


def _join(separator, iterable):
    parts = _materialized(iterable, "de invoer van join")
    if sum(map(size, parts)) + len(separator) * len(parts) > MAX_SIZE:
        _refuse("de uitkomst van join")
    return separator.join(parts)


def _expandtabs(text, tabsize=8):
    if len(text) * max(tabsize, 1) > MAX_SIZE:
        _refuse("de uitkomst van expandtabs")
    return text.expandtabs(tabsize)


def _extend(items, more):
    more = _materialized(more, "de invoer van extend")
    if len(items) + len(more) > MAX_SIZE or size(items) + size(more) > MAX_SIZE:
        _refuse("de lijst na extend")
    items.extend(more)


TEXT_METHODS = {"ljust": _padding("ljust"), "rjust": _padding("rjust"), "center": _padding("center"),
                "zfill": _padding("zfill"), "replace": _replace, "join": _join, "expandtabs": _expandtabs}
REFUSED_TEXT_METHODS = {"translate", "maketrans"}


def guarded_method(obj, name: str):
    """A size-checked stand-in for a method that can grow text or a list in one C call, else None."""
    if isinstance(obj, TEXT) and name in REFUSED_TEXT_METHODS:
        raise SandboxViolation(f"'{name}' is niet toegestaan")
    if isinstance(obj, TEXT) and name in TEXT_METHODS:
        method = TEXT_METHODS[name]
        return lambda *args, **kwargs: method(obj, *args, **kwargs)
    if isinstance(obj, list) and name == "extend":
        return lambda more: _extend(obj, more)
    return None


LIMITED_BUILTINS = {"pow": guarded_pow, "sorted": guarded_sorted, "sum": guarded_sum, "str": guarded_str,
                    "repr": guarded_repr}


class GuardingTransformer(RestrictingNodeTransformer):
    """RestrictedPython's policy, plus: ``a ** b``, ``*``, ``+``, ``<<``, ``%`` and f-string fields
    become calls to the guards (``_binop_``, ``_format_``), like RestrictedPython's own ``_getattr_``."""

    def visit_BinOp(self, node: ast.BinOp):
        node = self.node_contents_visit(node)
        op = GUARDED_OPS.get(type(node.op))
        if op is None:
            return node
        call = ast.Call(func=ast.Name("_binop_", ast.Load()), args=[ast.Constant(op), node.left, node.right],
                        keywords=[])
        return ast.fix_missing_locations(ast.copy_location(call, node))

    def visit_FormattedValue(self, node: ast.FormattedValue):
        node = self.node_contents_visit(node)
        spec = node.format_spec or ast.Constant("")
        call = ast.Call(func=ast.Name("_format_", ast.Load()),
                        args=[node.value, ast.Constant(node.conversion), spec], keywords=[])
        field = ast.FormattedValue(value=call, conversion=-1, format_spec=None)
        return ast.fix_missing_locations(ast.copy_location(field, node))
