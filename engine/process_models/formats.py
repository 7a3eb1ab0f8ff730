"""The string formats a form may name: JSON Schema's own (date, email, …) and Dutch ones (telefoon, postcode, bsn)."""
import re

from jsonschema import FormatChecker

CHECKER = FormatChecker()
_PHONE = re.compile(r"^(\+31|0031|0)[1-9][0-9]{8}$")
_POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Z]{2}$")


@CHECKER.checks("telefoon")
def is_phone(value) -> bool:
    """A Dutch number, spaces and dashes allowed: 06 12345678, 026-1234567, +31 26 1234567."""
    return not isinstance(value, str) or bool(_PHONE.match(re.sub(r"[ -]", "", value)))


@CHECKER.checks("postcode")
def is_postcode(value) -> bool:
    """Four digits (not starting with 0) and two capitals: 6511 AB or 6511AB."""
    return not isinstance(value, str) or bool(_POSTCODE.match(value))


@CHECKER.checks("bsn")
def is_bsn(value) -> bool:
    """Nine digits passing the elfproef (weights 9…2 and -1), as every burgerservicenummer does."""
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"[0-9]{9}", value) or value == "000000000":
        return False
    weighted = sum(int(digit) * weight for digit, weight in zip(value, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return weighted % 11 == 0
