"""A recursive-descent parser for FEEL unary tests (input cells) and simple expressions (output cells).

Grammar (a subset of DMN 1.3 chapter 10):

    unary_tests   := '-' | 'not' '(' positive_tests ')' | positive_tests | <empty>
    positive_tests:= positive_test (',' positive_test)*
    positive_test := ('<' | '<=' | '>' | '>=' | '=' | '!=') additive | interval | expression
    interval      := ('[' | '(' | ']') additive '..' additive (']' | ')' | '[')
    expression    := 'if' expression 'then' expression 'else' expression | disjunction
    disjunction   := conjunction ('or' conjunction)*
    conjunction   := comparison ('and' comparison)*
    comparison    := additive (('=' | '!=' | '<' | '<=' | '>' | '>=') additive
                              | 'between' additive 'and' additive)?
    additive      := multiplicative (('+' | '-') multiplicative)*
    multiplicative:= power (('*' | '/') power)*
    power         := unary ('**' unary)?
    unary         := '-' unary | postfix
    postfix       := primary ('.' name)*
    primary       := number | string | 'true' | 'false' | 'null' | name | name '(' arguments ')'
                   | '(' expression ')' | '[' (expression (',' expression)*)? ']'
"""
from decimal import Decimal
from functools import lru_cache

from engine.decisions.errors import FeelSyntaxError
from engine.decisions.feel import nodes
from engine.decisions.feel.functions import FUNCTIONS
from engine.decisions.feel.tokens import Token, tokenize

COMPARISONS = ("=", "!=", "<", "<=", ">", ">=")
CONSTANTS = {"true": True, "false": False, "null": None}


@lru_cache(maxsize=4096)
def parse_unary_tests(text: str):
    """The tests of an input entry; raises FeelSyntaxError (Dutch) for anything else."""
    parser = _Parser(text)
    if parser.peek().kind == "end" or (parser.at("op", "-") and parser.peek(1).kind == "end"):
        return nodes.AnyValue()
    if parser.at("keyword", "not") and parser.peek(1).value == "(":
        parser.advance(2)
        tests = parser.positive_tests()
        parser.expect("op", ")")
        parser.expect_end()
        return nodes.Negation(tests)
    tests = parser.positive_tests()
    parser.expect_end()
    return tests


@lru_cache(maxsize=4096)
def parse_expression(text: str):
    """One FEEL expression (an output entry, an input expression); raises FeelSyntaxError."""
    parser = _Parser(text)
    if parser.peek().kind == "end":
        raise FeelSyntaxError("lege expressie")
    node = parser.expression()
    parser.expect_end()
    return node


class _Parser:
    def __init__(self, text: str):
        self.tokens: list[Token] = tokenize(text)
        self.index = 0

    # token helpers

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.index + ahead, len(self.tokens) - 1)]

    def at(self, kind: str, value: str | None = None) -> bool:
        token = self.peek()
        return token.kind == kind and (value is None or token.value == value)

    def at_op(self, *values: str) -> bool:
        return self.peek().kind == "op" and self.peek().value in values

    def advance(self, count: int = 1) -> Token:
        token = self.peek()
        self.index += count
        return token

    def expect(self, kind: str, value: str) -> Token:
        if not self.at(kind, value):
            raise self.error(f"'{value}' verwacht")
        return self.advance()

    def expect_end(self) -> None:
        if self.peek().kind != "end":
            raise self.error("einde verwacht")

    def error(self, expected: str) -> FeelSyntaxError:
        token = self.peek()
        found = "het einde" if token.kind == "end" else repr(token.value)
        return FeelSyntaxError(f"{expected}, maar vond {found} op positie {token.position + 1}", token.position)

    # unary tests

    def positive_tests(self) -> nodes.Disjunction:
        tests = [self.positive_test()]
        while self.at_op(","):
            self.advance()
            tests.append(self.positive_test())
        return nodes.Disjunction(tuple(tests))

    def positive_test(self):
        if self.at_op(*COMPARISONS):
            op = self.advance().value
            return nodes.Compare(op, self.additive())
        if self.at_op("]"):
            self.advance()
            return self.interval_rest(self.additive(), low_closed=False)
        if self.at_op("[", "("):
            opener = self.advance().value
            first = self.expression()
            if self.at_op(".."):
                return self.interval_rest(first, low_closed=opener == "[")
            return nodes.Equals(self.finish_bracket(opener, first))
        return nodes.Equals(self.expression())

    def interval_rest(self, low, low_closed: bool) -> nodes.Interval:
        self.expect("op", "..")
        high = self.additive()
        if not self.at_op("]", ")", "["):
            raise self.error("']', ')' of '[' verwacht na het interval")
        return nodes.Interval(low, high, low_closed, self.advance().value == "]")

    def finish_bracket(self, opener: str, first):
        """The rest of ``( expression )`` or ``[ item, … ]`` once the first expression is read."""
        if opener == "(":
            self.expect("op", ")")
            return self.postfix_rest(first)
        items = [first]
        while self.at_op(","):
            self.advance()
            items.append(self.expression())
        self.expect("op", "]")
        return nodes.ListOf(tuple(items))

    # expressions

    def expression(self):
        if self.at("keyword", "if"):
            self.advance()
            condition = self.expression()
            self.expect("keyword", "then")
            then = self.expression()
            self.expect("keyword", "else")
            return nodes.If(condition, then, self.expression())
        return self.disjunction()

    def disjunction(self):
        return self.chain("keyword", ("or",), self.conjunction)

    def conjunction(self):
        return self.chain("keyword", ("and",), self.comparison)

    def comparison(self):
        node = self.additive()
        if self.at_op(*COMPARISONS):
            op = self.advance().value
            return nodes.Binary(op, node, self.additive())
        if self.at("keyword", "between"):
            self.advance()
            low = self.additive()
            self.expect("keyword", "and")
            return nodes.Between(node, low, self.additive())
        return node

    def additive(self):
        return self.chain("op", ("+", "-"), self.multiplicative)

    def multiplicative(self):
        return self.chain("op", ("*", "/"), self.power)

    def chain(self, kind: str, operators: tuple[str, ...], operand):
        """Left-associative ``operand (operator operand)*``."""
        node = operand()
        while self.peek().kind == kind and self.peek().value in operators:
            op = self.advance().value
            node = nodes.Binary(op, node, operand())
        return node

    def power(self):
        node = self.unary()
        if self.at_op("**"):
            self.advance()
            return nodes.Binary("**", node, self.unary())
        return node

    def unary(self):
        if self.at_op("-"):
            self.advance()
            operand = self.unary()
            if isinstance(operand, nodes.Literal) and isinstance(operand.value, Decimal):
                return nodes.Literal(-operand.value)
            return nodes.Negate(operand)
        return self.postfix_rest(self.primary())

    def postfix_rest(self, node):
        while self.at_op("."):
            self.advance()
            if self.peek().kind != "name":
                raise self.error("een naam verwacht na '.'")
            node = nodes.Path(node, self.advance().value)
        return node

    def primary(self):
        token = self.peek()
        if token.kind == "number":
            self.advance()
            return nodes.Literal(Decimal(token.value))
        if token.kind == "string":
            self.advance()
            return nodes.Literal(token.value)
        if token.kind == "keyword" and token.value in CONSTANTS:
            self.advance()
            return nodes.Literal(CONSTANTS[token.value])
        if token.kind == "name":
            self.advance()
            if self.at_op("("):
                return self.call(token)
            return nodes.Name(token.value)
        if self.at_op("(", "["):
            opener = self.advance().value
            if opener == "[" and self.at_op("]"):
                self.advance()
                return nodes.ListOf(())
            return self.finish_bracket(opener, self.expression())
        if token.kind == "keyword":
            raise self.error(f"'{token.value}' is hier niet toegestaan; een waarde")
        raise self.error("een waarde verwacht")

    def call(self, name: Token) -> nodes.Call:
        if name.value not in FUNCTIONS:
            raise FeelSyntaxError(f"onbekende FEEL-functie '{name.value}' (bekend: {', '.join(sorted(FUNCTIONS))})",
                                  name.position, unknown_function=True)
        self.expect("op", "(")
        args = []
        if not self.at_op(")"):
            args.append(self.expression())
            while self.at_op(","):
                self.advance()
                args.append(self.expression())
        self.expect("op", ")")
        return nodes.Call(name.value, tuple(args))
