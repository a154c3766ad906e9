"""Human complexity labels (``O(n ^ 2)``, ``O(n \\log n)``, ``O(m \\times n)``, ``O(2^n)``) -> ``BigO``.

Labels come from solution write-ups, in ASCII or LaTeX (``\\times``, ``\\cdot``, ``\\frac``, ``\\sqrt``,
``\\log_{10}``, ``\\textit{maxPts}``, ``|\\Sigma|``).  The parser normalises the LaTeX, tokenises and reads
the expression by recursive descent, then evaluates it in the big-O algebra, reading every construct as an
*upper bound* where the algebra cannot be exact: a subtraction or a division by a size keeps the left
operand (``n - k`` -> ``n``, ``4^n / sqrt n`` -> ``4^n``), ``max`` is a sum, ``min`` the smaller operand
when the two compare, else the first.  Conventions of the write-ups: ``α(n)`` (inverse Ackermann) is
constant, and so are ``C`` and ``|Σ|`` (the character set or digit set in doocs write-ups).  Anything else
raises ``LabelError`` naming the label, so a caller can count what it could not read.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from skeldsl.cost import algebra
from skeldsl.cost.algebra import ONE, BigO
from skeldsl.errors import SkelError


class LabelError(SkelError):
    """A complexity label the parser cannot read."""

    kind = "label_error"


_CONSTANT_NAMES = {"C", "Σ"}
_ACKERMANN = {"α", "alpha", "G"}
# Two-letter words that are products of sizes in the write-ups (``O(mn)``), not a size of their own.
_SPLIT_PRODUCT = re.compile(r"[mnkMNK]{2}")

_LATEX = [
    (re.compile(r"\\(?:left|right)\b\s*"), ""),
    (re.compile(r"\\(?:text|textit|mathit|mathrm|operatorname|mathbf)\s*\{([^{}]*)\}"), r"\1"),
    (re.compile(r"\\_"), "_"),
    (re.compile(r"\\(?:times|cdot|ast)\b"), " * "),
    # `\sum_{w \in words} |w|`, `\sum_{i=0}^{n-1} w_i`: a total over a collection, one size (see `_Reader.atom`)
    (re.compile(r"\\sum\s*(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*(?:\^\{[^{}]*\}|\^[A-Za-z0-9])?"), " sum "),
    (re.compile(r"\[[^\[\]]*\]"), ""),  # an element's index: `sweetness[i]` is a value of sweetness
    (re.compile(r"\\(?:log|ln|lg)(?![A-Za-z])"), " log "),
    (re.compile(r"\\sqrt\b"), " sqrt "),
    (re.compile(r"\\[dt]?frac\b"), " frac "),
    (re.compile(r"\\max\b"), " max "),
    (re.compile(r"\\min\b"), " min "),
    (re.compile(r"\\alpha\b"), " α "),
    (re.compile(r"\\Sigma\b"), " Σ "),
    (re.compile(r"\\[lr](?:floor|ceil)\b"), " | "),
    (re.compile(r"\\[,;:! ]"), " "),
]
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z][A-Za-z0-9_]*|[αΣ])|([-+*/^!(){}|,_]))")


def parse_label(label: str) -> BigO:
    """Read one label; raise ``LabelError`` when it is not a big-O expression this parser knows."""
    if not isinstance(label, str):
        raise LabelError(f"not a label: {label!r}")
    text = label.strip()
    for pattern, replacement in _LATEX:
        text = pattern.sub(replacement, text)
    text = text.strip()
    match = re.fullmatch(r"O\s*\((.*)\)", text, flags=re.DOTALL)
    if not match:
        raise LabelError(f"not of the form O(...): {label!r}")
    try:
        tokens = _tokenise(match.group(1))
        reader = _Reader(tokens)
        tree = reader.expression()
        if reader.position != len(tokens):
            raise LabelError(f"unexpected {tokens[reader.position]!r}")
        return _big(tree)
    except LabelError as error:
        raise LabelError(f"cannot read label {label!r}: {error.message}") from None
    except (ZeroDivisionError, OverflowError, ValueError) as error:
        raise LabelError(f"cannot read label {label!r}: {error}") from None


def _tokenise(text: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise LabelError(f"unexpected character {text[position:].strip()[:1]!r}")
        position = match.end()
        number, word, symbol = match.groups()
        if word and _SPLIT_PRODUCT.fullmatch(word) and word.lower() not in ("mn", "nm", "nk", "mk", "km", "kn"):
            raise LabelError(f"ambiguous word {word!r}")
        if word and _SPLIT_PRODUCT.fullmatch(word):
            tokens.extend(word)
        else:
            tokens.append(number or word or symbol)
    return tokens


# ------------------------------------------------------------------------------------------ reader
# Trees are tuples: ("num", Fraction) ("var", name) ("add", a, b) ("sub", a, b) ("mul", a, b) ("div", a, b)
# ("pow", a, b) ("fact", a) ("log", a, power) ("max", [..]) ("min", [..]) ("const",)

_FUNCTIONS = {"max", "min", "sqrt", "frac", "log"}
_ATOM_START = re.compile(r"\d|[A-Za-zαΣ]")


class _Reader:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.position = 0

    def peek(self, offset: int = 0) -> str | None:
        index = self.position + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None:
            raise LabelError("unexpected end of label")
        if expected is not None and token != expected:
            raise LabelError(f"expected {expected!r}, found {token!r}")
        self.position += 1
        return token

    def expression(self):
        tree = self.term()
        while self.peek() in ("+", "-"):
            operator = self.take()
            tree = ("add" if operator == "+" else "sub", tree, self.term())
        return tree

    def term(self):
        tree = self.factor()
        while True:
            token = self.peek()
            if token in ("*", "/"):
                self.take()
                tree = ("mul" if token == "*" else "div", tree, self.factor())
            elif token is not None and (token in ("(", "{") or _ATOM_START.match(token)):
                tree = ("mul", tree, self.factor())  # implicit product: `n log n`, `2n`, `N M`
            else:
                return tree

    def factor(self):
        if self.peek() == "log":
            return self.logarithm()
        tree = self.postfix()
        if self.peek() == "^":
            self.take()
            tree = ("pow", tree, self.exponent())
        return tree

    def postfix(self):
        tree = self.atom()
        while self.peek() == "!":
            self.take()
            tree = ("fact", tree)
        return tree

    def exponent(self):
        if self.peek() == "-":
            raise LabelError("negative exponent")
        if self.peek() in ("{", "("):
            return self.group()
        return self.postfix()

    def logarithm(self):
        self.take("log")
        power = Fraction(1)
        for _ in range(2):
            if self.peek() == "^":
                self.take()
                power = _number(self.exponent())
            elif self.peek() == "_":  # the base does not matter asymptotically
                self.take()
                if self.peek() in ("{", "("):
                    self.group()
                else:
                    self.take()
        if self.peek() in ("(", "{"):
            argument = self.group()
            if self.peek() == "^":  # `log (m n)^2`: the power of the argument
                self.take()
                argument = ("pow", argument, self.exponent())
        else:
            argument = self.factor()
        return ("log", argument, power)

    def group(self):
        opening = self.take()
        closing = {"(": ")", "{": "}", "|": "|"}[opening]
        tree = self.expression()
        self.take(closing)
        return tree

    def atom(self):
        token = self.peek()
        if token is None:
            raise LabelError("unexpected end of label")
        if token in ("(", "{", "|"):
            return self.group()
        self.take()
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            return ("num", Fraction(token))
        if token == "sqrt":
            return ("pow", self.group() if self.peek() in ("(", "{") else self.postfix(), ("num", Fraction(1, 2)))
        if token == "frac":
            return ("div", self.group(), self.group())
        if token in ("max", "min"):
            self.take("(")
            items = [self.expression()]
            while self.peek() == ",":
                self.take()
                items.append(self.expression())
            self.take(")")
            return (token, items)
        if token in _ACKERMANN and self.peek() == "(":
            self.group()
            return ("const",)
        if token in _CONSTANT_NAMES or token in _ACKERMANN:
            return ("const",)
        if token == "sum":
            # A sum of sizes over a collection (`\sum |w|`, `\sum w_i`) is the total size of that collection:
            # one size of its own, named after what is summed.
            summand = self.factor()
            names = sorted(_variables(summand))
            return ("var", "sum_" + "_".join(names) if names else "sum")
        if token in _FUNCTIONS or not _ATOM_START.match(token):
            raise LabelError(f"unexpected {token!r}")
        if self.peek() == "_" and self.peek(1) is not None and self.peek(1) not in ("{",):
            # `n_1`, `time_j`: a subscripted size
            self.take()
            token = f"{token}_{self.take()}"
        return ("var", token)


# --------------------------------------------------------------------------------------- evaluate


def _number(tree) -> Fraction:
    value = _numeric(tree)
    if value is None:
        raise LabelError("expected a number")
    return value


def _numeric(tree) -> Fraction | None:
    kind = tree[0]
    if kind == "num":
        return tree[1]
    if kind in ("add", "sub", "mul", "div"):
        a, b = _numeric(tree[1]), _numeric(tree[2])
        if a is None or b is None:
            return None
        if kind == "add":
            return a + b
        if kind == "sub":
            return a - b
        if kind == "mul":
            return a * b
        return a / b
    if kind == "pow":
        a, b = _numeric(tree[1]), _numeric(tree[2])
        if a is None or b is None:
            return None
        if b.denominator == 1 and abs(b) <= 64:
            return a ** int(b)
        return Fraction(float(a) ** float(b)).limit_denominator(1000)
    return None


def _big(tree) -> BigO:
    if _numeric(tree) is not None:
        return ONE
    kind = tree[0]
    if kind == "const":
        return ONE
    if kind == "var":
        return algebra.var(tree[1])
    if kind == "add":
        return _big(tree[1]) + _big(tree[2])
    if kind in ("sub", "div"):
        return _big(tree[1])
    if kind == "mul":
        return _big(tree[1]) * _big(tree[2])
    if kind == "max":
        total = algebra.ZERO
        for item in tree[1]:
            total = total + _big(item)
        return total
    if kind == "min":
        values = [_big(item) for item in tree[1]]
        best = values[0]
        for value in values[1:]:
            if algebra.compare(value, best) == -1:
                best = value
        return best
    if kind == "log":
        return algebra.log(_big(tree[1])).power(tree[2])
    if kind == "fact":
        inner = _big(tree[1])
        if inner.is_constant:
            return ONE
        names = sorted(inner.variables)
        if len(inner.terms) == 1 and len(names) == 1 and not inner.terms[0].logs:
            return algebra.factorial(names[0])
        raise LabelError("factorial of a compound expression")
    if kind == "pow":
        return _power(tree[1], tree[2])
    raise LabelError(f"cannot evaluate {kind}")  # pragma: no cover - the reader builds only the kinds above


def _power(base_tree, exponent_tree) -> BigO:
    exponent = _numeric(exponent_tree)
    if exponent is not None:
        return _big(base_tree).power(exponent) if exponent > 0 else ONE
    base = _numeric(base_tree)
    if base is not None and exponent_tree[0] == "log" and exponent_tree[2] == 1:
        # `2^{\log M}` is M: a constant to the power log X is a power of X (X^{log_2 c})
        if base <= 1:
            return ONE
        return _big(exponent_tree[1]).power(Fraction(math.log2(float(base))).limit_denominator(8))
    monomials = _monomials(exponent_tree)
    result = ONE
    if base is not None:
        if base <= 1:
            return ONE
        for coefficient, names in monomials:
            power = base ** int(coefficient) if coefficient.denominator == 1 and coefficient >= 1 else base
            result = result * algebra.exp(power, names)
        return result
    if base_tree[0] == "var":
        for _coefficient, names in monomials:
            result = result * algebra.exp(base_tree[1], names)
        return result
    bases = _variables(base_tree)
    if base_tree[0] == "mul" and bases:
        # `(n M)^n` = `n^n M^n`: each size of a product base to the exponent
        for name in sorted(bases):
            for _coefficient, names in monomials:
                result = result * algebra.exp(name, names)
        return result
    raise LabelError("an exponent over a compound base")


def _variables(tree) -> set[str]:
    """The size names a tree mentions."""
    if tree[0] == "var":
        return {tree[1]}
    found: set[str] = set()
    for part in tree[1:]:
        if isinstance(part, tuple):
            found |= _variables(part)
        elif isinstance(part, list):
            for item in part:
                found |= _variables(item)
    return found


def _monomials(tree) -> list[tuple[Fraction, tuple[str, ...]]]:
    """An exponent as a sum of ``coefficient * product of sizes``; subtracted parts and divisors dropped."""
    value = _numeric(tree)
    if value is not None:
        return [(value, ())]
    kind = tree[0]
    if kind == "var":
        return [(Fraction(1), (tree[1],))]
    if kind == "const":
        return [(Fraction(1), ())]
    if kind == "add":
        return _monomials(tree[1]) + _monomials(tree[2])
    if kind == "max":
        return [m for item in tree[1] for m in _monomials(item)]
    if kind in ("sub",):
        return _monomials(tree[1])
    if kind == "div":
        divisor = _numeric(tree[2])
        return [(c / divisor if divisor else c, n) for c, n in _monomials(tree[1])]
    if kind == "mul":
        result = []
        for ca, na in _monomials(tree[1]):
            for cb, nb in _monomials(tree[2]):
                result.append((ca * cb, tuple(sorted(na + nb))))
        return result
    if kind == "pow":
        power = _numeric(tree[2])
        if power is not None and 0 < power < 1:
            return _monomials(tree[1])  # `n^{\sqrt n}`: bounded above by the size itself in the exponent
        if power is not None and power.denominator == 1 and 0 < power <= 4:
            result = [(Fraction(1), ())]
            for _ in range(int(power)):
                result = [(ca * cb, tuple(sorted(na + nb))) for ca, na in result for cb, nb in _monomials(tree[1])]
            return result
    raise LabelError(f"unsupported exponent ({kind})")


__all__ = ["LabelError", "parse_label"]
