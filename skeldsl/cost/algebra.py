"""A small big-O algebra: sums of products of symbolic sizes, logs, exponentials and factorials.

Costs are *asymptotic classes*, not functions: constant factors are dropped at construction and a sum keeps
only the terms no other term dominates (``n^2 + n`` is ``n^2``; ``n + m`` stays, the sizes are independent).
Every value is a frozen dataclass in canonical form, so equal classes compare equal and print the same
bytes (``O(n^2 log n)``, ``O(m + n)``, ``O(n * 2^n)``); ``skeldsl.cost.labels.parse_label`` reads that text
back.

Two orders are offered.  ``compare`` is the honest partial order over independent sizes (``n`` and ``m``
are incomparable, so it answers ``None``).  ``collapse`` renames every size to ``n``, which makes the
order total; that is how human labels written over different letters (``O(m * n)`` for a grid, ``O(V + E)``
for a graph) are compared with estimates, and what ``coarse_class`` reports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

# An exponential factor: base ** (product of the sizes in `exponent`).  The base is a rational number > 1
# written as a string ("2", "3/2") or a size name ("n" for n^n, "k" for k^n).
Exp = tuple[str, tuple[str, ...]]


def _is_number(text: str) -> bool:
    return bool(text) and (text[0].isdigit())


def _frac(value: Fraction | int | str) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


def _fmt_number(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


@dataclass(frozen=True, order=True)
class Term:
    """One product: ``prod v^a  *  prod (log v)^b  *  prod base^(exponent)  *  prod v!``.

    Fields are sorted tuples (the canonical form); use ``Term.make`` to build one from loose parts.
    """

    poly: tuple[tuple[str, Fraction], ...] = ()
    logs: tuple[tuple[str, int], ...] = ()
    exps: tuple[Exp, ...] = ()
    facts: tuple[str, ...] = ()

    @staticmethod
    def make(
        poly: dict[str, Fraction] | None = None,
        logs: dict[str, int] | None = None,
        exps: list[Exp] | None = None,
        facts: list[str] | None = None,
    ) -> Term:
        poly_items = tuple(sorted((v, _frac(a)) for v, a in (poly or {}).items() if _frac(a) > 0))
        log_items = tuple(sorted((v, int(b)) for v, b in (logs or {}).items() if b > 0))
        return Term(poly_items, log_items, _merge_exps(exps or []), tuple(sorted(facts or [])))

    # -------------------------------------------------------------------------------- arithmetic
    def __mul__(self, other: Term) -> Term:
        poly = dict(self.poly)
        for var, power in other.poly:
            poly[var] = poly.get(var, Fraction(0)) + power
        logs = dict(self.logs)
        for var, power in other.logs:
            logs[var] = logs.get(var, 0) + power
        return Term.make(poly, logs, list(self.exps) + list(other.exps), list(self.facts) + list(other.facts))

    def power(self, exponent: Fraction) -> Term:
        """``self ** exponent`` for a positive rational constant."""
        if exponent <= 0:
            return ONE_TERM
        poly = {v: a * exponent for v, a in self.poly}
        logs = {v: max(1, math.ceil(b * exponent)) for v, b in self.logs}
        exps: list[Exp] = []
        for base, expo in self.exps:
            if _is_number(base):
                exps.append((_fmt_number(_frac(base) ** exponent) if exponent.denominator == 1
                             else _fmt_number(Fraction(round(float(_frac(base)) ** float(exponent), 6))), expo))
            else:
                exps.extend([(base, expo)] * max(1, math.ceil(exponent)))
        facts = list(self.facts) * max(1, math.ceil(exponent))
        return Term.make(poly, logs, exps, facts)

    def rename(self, mapping: dict[str, str]) -> Term:
        poly: dict[str, Fraction] = {}
        for var, power in self.poly:
            new = mapping.get(var, var)
            poly[new] = poly.get(new, Fraction(0)) + power
        logs: dict[str, int] = {}
        for var, power in self.logs:
            new = mapping.get(var, var)
            logs[new] = logs.get(new, 0) + power
        exps = [
            (base if _is_number(base) else mapping.get(base, base), tuple(sorted(mapping.get(v, v) for v in expo)))
            for base, expo in self.exps
        ]
        return Term.make(poly, logs, exps, [mapping.get(v, v) for v in self.facts])

    @property
    def variables(self) -> frozenset[str]:
        names = {v for v, _ in self.poly} | {v for v, _ in self.logs} | set(self.facts)
        for base, expo in self.exps:
            names.update(expo)
            if not _is_number(base):
                names.add(base)
        return frozenset(names)

    @property
    def is_constant(self) -> bool:
        return not (self.poly or self.logs or self.exps or self.facts)

    @property
    def is_exponential(self) -> bool:
        return bool(self.exps or self.facts)

    # ---------------------------------------------------------------------------------- growth
    def profile(self, var: str) -> tuple:
        """How fast the term grows in ``var`` with the other sizes fixed, as a lexicographic key.

        Order of the components: degree of ``var`` inside exponents (``2^(n^2)`` beats ``n^n``), then
        ``n^n``-like factors, factorials, exponentials with a size as base, the log of the constant bases
        (``3^n`` beats ``2^n``), the polynomial degree, the log power.
        """
        exp_degree = 0
        self_base = 0
        var_base = 0
        const_base = 0.0
        for base, expo in self.exps:
            degree = expo.count(var)
            if degree == 0:
                continue
            exp_degree = max(exp_degree, degree)
        for base, expo in self.exps:
            if expo.count(var) != exp_degree or exp_degree == 0:
                continue
            if _is_number(base):
                const_base += math.log2(float(_frac(base)))
            elif base == var:
                self_base += 1
            else:
                var_base += 1
        facts = self.facts.count(var)
        if facts and exp_degree == 0:
            exp_degree = 1
        poly = dict(self.poly).get(var, Fraction(0))
        logs = dict(self.logs).get(var, 0)
        # n^n as a base of itself also raises the degree inside the exponent by log: keep it above n!.
        return (exp_degree, self_base, facts, var_base, round(const_base, 9), poly, logs)

    def dominates(self, other: Term) -> bool:
        """``other = O(self)`` as every size grows independently (a sufficient, separable test)."""
        for var in self.variables | other.variables:
            if self.profile(var) < other.profile(var):
                return False
        return True

    # -------------------------------------------------------------------------------- printing
    def __str__(self) -> str:
        parts: list[str] = []
        for var, power in self.poly:
            parts.append(var if power == 1 else f"{var}^{_fmt_exponent(power)}")
        for var, power in self.logs:
            parts.append(f"log {var}" if power == 1 else f"log^{power} {var}")
        head = " ".join(parts)
        tail: list[str] = []
        for base, expo in self.exps:
            exponent = expo[0] if len(expo) == 1 else "(" + " ".join(expo) + ")"
            base_text = base if "/" not in base else f"({base})"
            tail.append(f"{base_text}^{exponent}")
        tail.extend(f"{var}!" for var in self.facts)
        if not head and not tail:
            return "1"
        return " * ".join(([head] if head else []) + tail)


def _fmt_exponent(power: Fraction) -> str:
    if power.denominator == 1:
        return str(power.numerator)
    return f"({power.numerator}/{power.denominator})"


def _merge_exps(exps: list[Exp]) -> tuple[Exp, ...]:
    """Multiply constant bases that share an exponent (2^n * 2^n = 4^n); drop bases <= 1."""
    constants: dict[tuple[str, ...], Fraction] = {}
    others: list[Exp] = []
    for base, expo in exps:
        expo = tuple(sorted(expo))
        if not expo:
            continue
        if _is_number(base):
            constants[expo] = constants.get(expo, Fraction(1)) * _frac(base)
        else:
            others.append((base, expo))
    merged = [(_fmt_number(value), expo) for expo, value in constants.items() if value > 1]
    return tuple(sorted(merged + others))


ONE_TERM = Term()


@dataclass(frozen=True)
class BigO:
    """A sum of terms in canonical form: no term dominated by another, sorted, deduplicated.

    The empty sum is ``ZERO`` (no work at all; prints as ``O(1)`` like ``ONE`` but is the identity of
    ``+``).  Build values with ``BigO.of``, ``var``, ``log``, ``exp`` and the operators.
    """

    terms: tuple[Term, ...] = ()

    @staticmethod
    def of(terms) -> BigO:
        return BigO(_simplify(list(terms)))

    def __add__(self, other: BigO) -> BigO:
        return BigO.of(self.terms + other.terms)

    def __mul__(self, other: BigO) -> BigO:
        return BigO.of(a * b for a in self.terms for b in other.terms)

    def power(self, exponent: Fraction | int) -> BigO:
        """``self ** exponent`` for a rational constant: ``(a + b)^c`` is ``a^c + b^c`` up to constants."""
        return BigO.of(term.power(_frac(exponent)) for term in self.terms)

    def rename(self, mapping: dict[str, str]) -> BigO:
        return BigO.of(term.rename(mapping) for term in self.terms)

    def collapse(self, to: str = "n") -> BigO:
        """Every size renamed to ``to``: a one-variable class, totally ordered by ``order_key``."""
        return self.rename({v: to for v in self.variables})

    @property
    def variables(self) -> frozenset[str]:
        names: set[str] = set()
        for term in self.terms:
            names |= term.variables
        return frozenset(names)

    @property
    def is_zero(self) -> bool:
        return not self.terms

    @property
    def is_constant(self) -> bool:
        return all(term.is_constant for term in self.terms)

    def order_key(self) -> tuple:
        """A total-order key of the collapsed class (larger grows faster)."""
        collapsed = self.collapse()
        if not collapsed.terms:
            return (0, 0, 0, 0, 0.0, Fraction(-1), 0)
        return max(term.profile("n") for term in collapsed.terms)

    def __str__(self) -> str:
        if not self.terms:
            return "O(1)"
        return "O(" + " + ".join(str(term) for term in self.terms) + ")"


def _sort_key(term: Term) -> tuple:
    profile = term.rename({v: "n" for v in term.variables}).profile("n")
    return (_neg(profile), str(term))


def _neg(profile: tuple) -> tuple:
    return tuple(-x for x in profile)


def _simplify(terms: list[Term]) -> tuple[Term, ...]:
    unique = sorted(set(terms))
    kept: list[Term] = []
    for index, term in enumerate(unique):
        dominated = False
        for other_index, other in enumerate(unique):
            if other_index == index or not other.dominates(term):
                continue
            # Mutual domination means equal growth: keep the first in a fixed order only.
            if term.dominates(other) and other_index > index:
                continue
            dominated = True
            break
        if not dominated:
            kept.append(term)
    return tuple(sorted(kept, key=_sort_key))


ZERO = BigO(())
ONE = BigO((ONE_TERM,))


def var(name: str, power: Fraction | int = 1) -> BigO:
    return BigO.of([Term.make(poly={name: _frac(power)})])


def log(size: BigO) -> BigO:
    """``log(size)``: log of a product is a sum of logs; log c^n = n; log n! = n log n; log log n ~ 1."""
    result: list[Term] = []
    for term in size.terms:
        for v, _ in term.poly:
            result.append(Term.make(logs={v: 1}))
        for base, expo in term.exps:
            inner = Term.make(poly={v: Fraction(expo.count(v)) for v in set(expo)})
            if not _is_number(base):
                inner = inner * Term.make(logs={base: 1})
            result.append(inner)
        for v in term.facts:
            result.append(Term.make(poly={v: Fraction(1)}, logs={v: 1}))
    return BigO.of(result) if result else ONE


def exp(base: str | int | Fraction, exponent: tuple[str, ...]) -> BigO:
    base_text = base if isinstance(base, str) and not _is_number(base) else _fmt_number(_frac(base))
    return BigO.of([Term.make(exps=[(base_text, tuple(exponent))])])


def factorial(name: str) -> BigO:
    return BigO.of([Term.make(facts=[name])])


def compare(a: BigO, b: BigO) -> int | None:
    """-1, 0 or 1 when ``a`` grows slower, alike or faster than ``b`` over independent sizes; else None."""
    a_le_b = all(any(t.dominates(s) for t in b.terms) for s in a.terms)
    b_le_a = all(any(t.dominates(s) for t in a.terms) for s in b.terms)
    if a_le_b and b_le_a:
        return 0
    if a_le_b:
        return -1
    if b_le_a:
        return 1
    return None


def compare_collapsed(a: BigO, b: BigO) -> int:
    """Total order on the collapsed classes (every size read as ``n``)."""
    ka, kb = a.order_key(), b.order_key()
    return (ka > kb) - (ka < kb)


@dataclass(frozen=True, order=True)
class CoarseClass:
    """Polynomial degree and whether a log factor is present, or exponential (anything beyond polynomial).

    ``O(n^2 log^2 n)`` and ``O(n^2 log n)`` share a class; ``O(2^n)``, ``O(n!)`` and ``O(n * 3^n)`` are all
    ``exponential``.  Ordered by growth.
    """

    exponential: bool
    degree: Fraction
    log: bool

    def __str__(self) -> str:
        if self.exponential:
            return "exponential"
        if self.degree == 0:
            return "log n" if self.log else "1"
        if self.degree == 1:
            base = "n"
        elif self.degree == Fraction(1, 2):
            base = "sqrt n"
        else:
            base = f"n^{_fmt_exponent(self.degree)}"
        return f"{base} log n" if self.log else base


def coarse_class(cost: BigO) -> CoarseClass:
    key = cost.order_key()
    if key[0] > 0:
        return CoarseClass(True, Fraction(0), False)
    degree = key[5] if key[5] >= 0 else Fraction(0)
    return CoarseClass(False, degree, key[6] > 0)
