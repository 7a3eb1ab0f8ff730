"""The FEEL parser and evaluator on their own: what each construct means, and what is refused."""
from datetime import date
from decimal import Decimal

import pytest

from engine.decisions.errors import FeelEvaluationError, FeelSyntaxError
from engine.decisions.feel import nodes
from engine.decisions.feel.evaluator import MissingName, evaluate, matches
from engine.decisions.feel.parser import parse_expression, parse_unary_tests
from engine.decisions.feel.tokens import tokenize
from engine.decisions.feel.values import to_feel, to_json


def passes(text: str, value, **context) -> bool:
    return matches(parse_unary_tests(text), to_feel(value), to_feel(context))


def value(text: str, **context):
    return to_json(evaluate(parse_expression(text), to_feel(context)))


def test_tokenizer_keeps_ranges_apart_from_decimals_and_reads_spaced_function_names():
    assert [(t.kind, t.value) for t in tokenize('[1..2.5] date and time("x")')] == [
        ("op", "["), ("number", "1"), ("op", ".."), ("number", "2.5"), ("op", "]"),
        ("name", "date and time"), ("op", "("), ("string", "x"), ("op", ")"), ("end", "")]


def test_parser_builds_a_tree_with_precedence():
    assert parse_expression("1 + 2 * x") == nodes.Binary(
        "+", nodes.Literal(Decimal(1)), nodes.Binary("*", nodes.Literal(Decimal(2)), nodes.Name("x")))
    assert parse_unary_tests("(1..5]") == nodes.Disjunction((nodes.Interval(
        nodes.Literal(Decimal(1)), nodes.Literal(Decimal(5)), False, True),))


@pytest.mark.parametrize(("cell", "input_value", "expected"), [
    ("< 10", 9, True), ("< 10", 10, False), ("<= 10", 10, True), ("> 10", 10, False), (">= 10", 10, True),
    ("= 10", 10, True), ("!= 10", 10, False), ("10", 10.0, True),
    ("[4..18]", 4, True), ("[4..18]", 18, True), ("[4..18]", 19, False),
    ("(4..18)", 4, False), ("(4..18)", 5, True), ("(4..18)", 18, False),
    ("]4..18[", 4, False), ("]4..18[", 17.9, True), ("[4..18)", 18, False), ("[4..18)", 4, True),
    ('"a","b"', "b", True), ('"a","b"', "c", False), ("1,2", 2, True), ("1,2", 3, False),
    ('not("4")', "4", False), ('not("4")', "5", True), ('not("a","b")', "a", False), ("not(< 3)", 5, True),
    ("-", "wat dan ook", True), ("", None, True), ("-5", -5, True), ("< -2", -3, True),
    ("true", True, True), ("true", False, False), ("false", False, True),
    ('"Goes"', "Goes", True), ('"Goes"', "goes", False),
    ('date("2026-01-01")', date(2026, 1, 1), True), ('< date("2026-01-01")', date(2025, 12, 31), True),
    ('[date("2026-01-01")..date("2026-12-31")]', date(2026, 6, 1), True),
    ("? > 3 and ? < 5", 4, True), ("? > 3 and ? < 5", 5, False), ("[1, 2, 3]", 2, True),
    ("null", None, True), ("< 5", None, False),
])
def test_unary_tests(cell, input_value, expected):
    assert passes(cell, input_value) is expected


def test_endpoints_may_be_names_and_expressions():
    assert passes("[ondergrens..ondergrens + 10]", 15, ondergrens=10)
    assert not passes("> grens * 2", 15, grens=10)


@pytest.mark.parametrize(("expression", "expected"), [
    ("0.1 + 0.2", 0.3), ("7 / 2", 3.5), ("2 * (3 + 4) - 1", 13), ("2 ** 3", 8), ("-x", -4),
    ('"ab" + "c"', "abc"), ('if x > 3 then "groot" else "klein"', "groot"), ("x > 3 and x < 10", True),
    ("x = 4 or false", True), ("x between 1 and 4", True), ("p.leeftijd", 12), ("[x, 1]", [4, 1]),
    ('date("2026-01-31") + duration("P1D")', "2026-02-01"), ('date("2026-03-01") - date("2026-02-01")', "P28D"),
    ('date and time("2026-01-01T10:00:00") + duration("PT2H30M")', "2026-01-01T12:30:00"),
    ("null", None), ("abs(-3)", 3), ("floor(2.7)", 2), ("ceiling(2.1)", 3), ("max(1, x, 3)", 4),
    ("sum([1, 2, 3])", 6), ('string length("abc")', 3), ('upper case("ab")', "AB"), ("string(true)", "true"),
    ('number("12.5") + 1', 13.5), ("count([1, 2])", 2),
])
def test_expressions(expression, expected):
    assert value(expression, x=4, p={"leeftijd": 12}) == expected


@pytest.mark.parametrize(("text", "words"), [
    ("[1..", "een waarde verwacht"), ("[1..5", "']', ')' of '['"), ('"open', "aanhalingsteken"),
    ("1 +", "een waarde verwacht"), ("1 2", "einde verwacht"), ("x # 2", "onverwacht teken '#'"),
    ("foo(1)", "onbekende FEEL-functie 'foo'"), ("if x then 1", "'else' verwacht"), ("not(1", "')' verwacht"),
])
def test_syntax_errors_say_what_was_expected(text, words):
    with pytest.raises(FeelSyntaxError) as err:
        parse_unary_tests(text)
    assert words in err.value.reason


@pytest.mark.parametrize(("cell", "input_value", "words"), [
    ("> 5", "abc", "kan tekst (\"abc\") niet met '>' vergelijken met getal (5)"),
    ('"a","b"', 3, "kan getal (3) niet met '=' vergelijken met tekst"),
    ('< date("2026-01-01")', "2025-01-01", "tekst"),
    ("? + 1", 1, "ja/nee"),
    ("< 10", float("nan"), "ongeldig getal"), ("[1..5]", float("inf"), "ongeldig getal"),
])
def test_type_mismatches_are_errors_not_silent_misses(cell, input_value, words):
    with pytest.raises(FeelEvaluationError) as err:
        passes(cell, input_value)
    assert words in err.value.reason


def test_a_missing_name_is_named():
    with pytest.raises(MissingName) as err:
        value("leeftijd + 1")
    assert err.value.name == "leeftijd"


@pytest.mark.parametrize(("expression", "words"), [
    ("1 / 0", "deling door nul"), ("10 ** 1000000", "rekenfout"), ('1 + "a"', "'+' kan niet met getal en tekst"),
    ('date("morgen")', "geen geldige datum"), ('duration("P1Y")', "alleen dagen"), ("true and 1", "ja/nee"),
])
def test_evaluation_errors(expression, words):
    with pytest.raises(FeelEvaluationError) as err:
        value(expression)
    assert words in err.value.reason


def test_names_in_lists_free_variables_only():
    assert nodes.names_in(parse_expression('if a > 1 then b.c else date("2026-01-01")')) == {"a", "b"}
