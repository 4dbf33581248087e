"""The expressions of validation rules: a small parser of their own.

An expression combines figures of indicators, written in square brackets as
``[CODE]`` or ``[CODE.part]`` (part: female, male, total or value), and
constants with + - * / (also written − × ÷) and parentheses, e.g.
``[FC-02.female] / [FC-01.female] * 100``. Codes may hold hyphens and dots,
hence the brackets.

Administrators type these expressions, so nothing here uses ``eval``: the
text is split into tokens and read by a recursive-descent parser into a tree
of ``Node``; the tree is then compiled, by a visitor, into SQL (see
``vstbpn.validation.rule``) or evaluated in Python. Problems are raised as
``ExpressionError`` with a kind and named parameters, which the rule model
turns into a message in the user's language.
"""

import functools
import math
import re

PARTS = ("female", "male", "total", "value")
MAX_LENGTH = 500
MAX_DEPTH = 40
MAX_REFERENCES = 20
# the symbols people type for the four operations, and the ones they mean
OPERATOR_SYMBOLS = {
    "+": "+",
    "-": "-",
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash, which word processors put for a minus
    "*": "*",
    "\u00d7": "*",  # multiplication sign
    "/": "/",
    "\u00f7": "/",  # division sign
    ":": "/",
}
TOKEN_PATTERN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:[.,]\d+)?)
  | (?P<reference>\[[^\[\]]*\])
  | (?P<operator>[-+*/:\u2212\u2013\u00d7\u00f7])
  | (?P<open>\()
  | (?P<close>\))
    """,
    re.VERBOSE,
)
BINARY = {"+": "add", "-": "sub", "*": "mul", "/": "div"}


class ExpressionError(ValueError):
    """An expression that cannot be used; ``kind`` says why, ``params`` hold
    what the message names (the position, the code, the part...)."""

    def __init__(self, kind, **params):
        super().__init__(kind, params)
        self.kind = kind
        self.params = params


class Node:
    """One node of a parsed expression: ``kind`` is num, ref, neg, add, sub,
    mul or div; ``value`` the number or the reference's text; ``children``
    the operands."""

    __slots__ = ("children", "kind", "value")

    def __init__(self, kind, value=None, children=()):
        self.kind = kind
        self.value = value
        self.children = tuple(children)

    def __repr__(self):
        if self.kind == "num":
            return repr(self.value)
        if self.kind == "ref":
            return f"[{self.value}]"
        if self.kind == "neg":
            return f"(-{self.children[0]!r})"
        symbol = {"add": "+", "sub": "-", "mul": "*", "div": "/"}[self.kind]
        return f"({self.children[0]!r} {symbol} {self.children[1]!r})"

    def references(self):
        """The texts of the references, in the order they first appear."""
        found = {}
        self._collect(found)
        return list(found)

    def _collect(self, found):
        if self.kind == "ref":
            found.setdefault(self.value, None)
        for child in self.children:
            child._collect(found)

    def compile(self, visitor):
        """Rebuild the expression bottom-up with ``visitor``: its methods
        ``number(value)``, ``reference(text)``, ``negate(operand)`` and
        ``binary(kind, left, right)`` return what each node becomes."""
        if self.kind == "num":
            return visitor.number(self.value)
        if self.kind == "ref":
            return visitor.reference(self.value)
        operands = [child.compile(visitor) for child in self.children]
        if self.kind == "neg":
            return visitor.negate(operands[0])
        return visitor.binary(self.kind, *operands)

    def is_constant(self):
        return self.kind == "num" or (
            self.kind != "ref" and all(child.is_constant() for child in self.children)
        )


class PythonEvaluator:
    """Evaluates an expression on figures: ``{reference text: number}``.

    A reference without a figure, or a division by zero, makes the whole
    expression None (not evaluable), as SQL's NULL does in the database.
    """

    def __init__(self, figures):
        self.figures = figures

    def number(self, value):
        return value

    def reference(self, text):
        return self.figures.get(text)

    def negate(self, operand):
        return None if operand is None else -operand

    def binary(self, kind, left, right):
        if left is None or right is None:
            return None
        if kind == "add":
            return left + right
        if kind == "sub":
            return left - right
        if kind == "mul":
            return left * right
        return left / right if right else None


def evaluate(node, figures):
    return node.compile(PythonEvaluator(figures))


def tokenize(text):
    """[(kind, value, position)] of the text; position counts from 1."""
    tokens = []
    position = 0
    while position < len(text):
        match = TOKEN_PATTERN.match(text, position)
        if not match:
            raise ExpressionError(
                "unexpected_character", position=position + 1, text=text[position]
            )
        kind = match.lastgroup
        raw = match.group()
        if kind == "number":
            tokens.append(("number", float(raw.replace(",", ".")), position + 1))
        elif kind == "reference":
            reference = raw[1:-1].strip()
            if not reference:
                raise ExpressionError("empty_reference", position=position + 1)
            tokens.append(("reference", reference, position + 1))
        elif kind == "operator":
            tokens.append(("operator", OPERATOR_SYMBOLS[raw], position + 1))
        elif kind != "space":
            tokens.append((kind, raw, position + 1))
        position = match.end()
    return tokens


class Parser:
    """expression := term (("+" | "-") term)*
    term       := factor (("*" | "/") factor)*
    factor     := ("+" | "-") factor | number | reference | "(" expression ")"
    """

    def __init__(self, text):
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0

    def parse(self):
        if not self.tokens:
            raise ExpressionError("empty")
        node = self.expression()
        if self.index < len(self.tokens):
            _kind, value, position = self.tokens[self.index]
            raise ExpressionError("unexpected_token", position=position, text=value)
        return node

    def peek(self):
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self):
        token = self.peek()
        if token is None:
            raise ExpressionError("unexpected_end")
        self.index += 1
        return token

    def expression(self):
        node = self.term()
        while (token := self.peek()) and token[0] == "operator" and token[1] in "+-":
            self.take()
            node = Node(BINARY[token[1]], children=(node, self.term()))
        return node

    def term(self):
        node = self.factor()
        while (token := self.peek()) and token[0] == "operator" and token[1] in "*/":
            self.take()
            node = Node(BINARY[token[1]], children=(node, self.factor()))
        return node

    def factor(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("too_deep", limit=MAX_DEPTH)
        try:
            kind, value, position = self.take()
            if kind == "operator" and value in "+-":
                operand = self.factor()
                return operand if value == "+" else Node("neg", children=(operand,))
            if kind == "number":
                return Node("num", value)
            if kind == "reference":
                return Node("ref", value)
            if kind == "open":
                node = self.expression()
                token = self.peek()
                if token is None or token[0] != "close":
                    raise ExpressionError("unclosed_parenthesis", position=position)
                self.take()
                return node
            raise ExpressionError("unexpected_token", position=position, text=value)
        finally:
            self.depth -= 1


def parse(text):
    """The tree of an expression, or ExpressionError saying what is wrong.
    Trees are never changed once built: each text is parsed once per
    process (evaluating the rules parses every rule's sides each time)."""
    return _parse((text or "").strip())


@functools.lru_cache(maxsize=1024)
def _parse(text):
    if len(text) > MAX_LENGTH:
        raise ExpressionError("too_long", limit=MAX_LENGTH)
    node = Parser(text).parse()
    if len(node.references()) > MAX_REFERENCES:
        raise ExpressionError("too_many_references", limit=MAX_REFERENCES)
    _check_constant_divisions(node)
    return node


def _check_constant_divisions(node):
    """Refuse a division by a constant part that is zero, such as ``/ 0`` or
    ``/ (2 - 2)``: it could never give a figure."""
    for child in node.children:
        _check_constant_divisions(child)
    if node.kind == "div":
        divisor = node.children[1]
        if divisor.is_constant():
            value = evaluate(divisor, {})
            if value is None or value == 0 or not math.isfinite(value):
                raise ExpressionError("division_by_zero", text=repr(divisor))


def split_reference(text, codes):
    """(code, part or None) of a reference's text, given the known ``codes``.

    The part follows the last dot, but codes may hold dots too: the whole
    text is a code first, else what precedes the last dot must be one.
    """
    if text in codes:
        return text, None
    code, dot, part = text.rpartition(".")
    code, part = code.strip(), part.strip().lower()
    if not dot or code not in codes:
        raise ExpressionError("unknown_code", code=code if part in PARTS else text)
    if part not in PARTS:
        raise ExpressionError("unknown_part", code=code, part=part)
    return code, part
