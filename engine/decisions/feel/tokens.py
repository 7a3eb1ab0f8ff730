"""The FEEL tokenizer: a character scanner turning cell text into tokens (kind, value, position)."""
from dataclasses import dataclass

from engine.decisions.errors import FeelSyntaxError

KEYWORDS = {"true", "false", "null", "not", "if", "then", "else", "and", "or", "between", "in"}
#: Built-in function names that contain spaces; matched before plain names.
SPACED_NAMES = ("date and time", "years and months duration", "string length", "upper case", "lower case")
OPERATORS = ("..", "<=", ">=", "!=", "**", "<", ">", "=", "(", ")", "[", "]", ",", "+", "-", "*", "/", ".")


@dataclass(frozen=True)
class Token:
    kind: str  # number | string | name | keyword | op | end
    value: str
    position: int


def _is_name_start(char: str) -> bool:
    return char.isalpha() or char in "_?"


def _is_name_part(char: str) -> bool:
    return char.isalnum() or char == "_"


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text``, ending with an ``end`` token; refuses characters FEEL does not know."""
    tokens, i = [], 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char.isdigit() or (char == "." and text[i + 1:i + 2].isdigit()):
            i = _number(text, i, tokens)
        elif char == '"':
            i = _string(text, i, tokens)
        elif _is_name_start(char):
            i = _name(text, i, tokens)
        else:
            op = next((op for op in OPERATORS if text.startswith(op, i)), None)
            if op is None:
                raise FeelSyntaxError(f"onverwacht teken {char!r} op positie {i + 1}", i)
            tokens.append(Token("op", op, i))
            i += len(op)
    tokens.append(Token("end", "", len(text)))
    return tokens


def _number(text: str, start: int, tokens: list) -> int:
    i = start
    while i < len(text) and text[i].isdigit():
        i += 1
    if text[i:i + 1] == "." and text[i + 1:i + 2].isdigit():  # "1..5" is a range, not "1." then ".5"
        i += 1
        while i < len(text) and text[i].isdigit():
            i += 1
    tokens.append(Token("number", text[start:i], start))
    return i


def _string(text: str, start: int, tokens: list) -> int:
    i, chars = start + 1, []
    while i < len(text) and text[i] != '"':
        if text[i] == "\\" and i + 1 < len(text):
            i += 1
            chars.append({"n": "\n", "t": "\t"}.get(text[i], text[i]))
        else:
            chars.append(text[i])
        i += 1
    if i >= len(text):
        raise FeelSyntaxError(f"tekst zonder afsluitend aanhalingsteken (vanaf positie {start + 1})", start)
    tokens.append(Token("string", "".join(chars), start))
    return i + 1


def _name(text: str, start: int, tokens: list) -> int:
    for spaced in SPACED_NAMES:
        end = start + len(spaced)
        if text.startswith(spaced, start) and not (end < len(text) and _is_name_part(text[end])):
            tokens.append(Token("name", spaced, start))
            return end
    i = start + 1
    if text[start] != "?":
        while i < len(text) and _is_name_part(text[i]):
            i += 1
    word = text[start:i]
    tokens.append(Token("keyword" if word in KEYWORDS else "name", word, start))
    return i
