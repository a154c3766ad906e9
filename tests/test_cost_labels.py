"""The label parser over every distinct complexity label of the NeetCode and doocs write-ups."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from skeldsl.cost import LabelError, coarse_class, parse_label

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "multilang"

# Reviewed by hand: not big-O expressions (markdown left-overs, an infinite bound), or an exponent written
# as a bare `\log_{10}^2` with no argument.
KNOWN_UNPARSABLE = {
    "-",
    "- `Serialization` :",
    "- **constructor**:",
    "- Typically for an entire DFS over an input graph, it takes",
    "O(∞)",
    r"O(n^{1 + 2 \log_{10}^2})",
}


def _labels() -> set[str]:
    labels: set[str] = set()
    for name in ("neetcode_approaches.jsonl.gz", "doocs_approaches.jsonl.gz"):
        with gzip.open(CORPUS / name, "rt") as handle:
            for line in handle:
                label = json.loads(line).get("time_complexity")
                if label is not None:
                    labels.add(label)
    return labels


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora is not next to this checkout")
def test_every_real_label_parses_or_is_known_unparsable() -> None:
    labels = _labels()
    assert len(labels) > 600
    failed = set()
    for label in sorted(labels):
        try:
            parse_label(label)
        except LabelError:
            failed.add(label)
    assert failed == KNOWN_UNPARSABLE & labels, sorted(failed ^ (KNOWN_UNPARSABLE & labels))


@pytest.mark.parametrize(
    ("label", "canonical", "klass"),
    [
        ("O(n ^ 2)", "O(n^2)", "n^2"),
        (r"O(n \log n)", "O(n log n)", "n log n"),
        (r"O(n \times \log n)", "O(n log n)", "n log n"),
        ("O(n * m)", "O(m n)", "n^2"),
        ("O(m * n)", "O(m n)", "n^2"),
        ("O(2^n)", "O(2^n)", "exponential"),
        ("O(n + m)", "O(m + n)", "n"),
        ("O(n!)", "O(n!)", "exponential"),
        (r"O(\sqrt n)", "O(n^(1/2))", "sqrt n"),
        (r"O(\sqrt {n})", "O(n^(1/2))", "sqrt n"),
        ("O(V + E)", "O(E + V)", "n"),
        ("O(n * k)", "O(k n)", "n^2"),
        ("O(26 * n)", "O(n)", "n"),
        (r"O(n\log ^ 2 n)", "O(n log^2 n)", "n log n"),
        (r"O(\log_3 n)", "O(log n)", "log n"),
        (r"O(n \times |\Sigma|)", "O(n)", "n"),
        (r"O(m \times n \times \alpha(m \times n))", "O(m n)", "n^2"),
        (r"O(\frac {4 ^ n}{\sqrt {n}})", "O(4^n)", "exponential"),
        ("O(2 ^ {m + n})", "O(2^m * 2^n)", "exponential"),
        (r"O(2^{n\times 2} \times n)", "O(n * 4^n)", "exponential"),
        ("O(n * min(n, m))", "O(n^2)", "n^2"),
        ("O(max(m, n))", "O(m + n)", "n"),
        ("O(mn)", "O(m n)", "n^2"),
        (r"O(n^{1.5})", "O(n^(3/2))", "n^(3/2)"),
        (r"O\left(\left(\max(|x|, |y|)\right)^2\right)", "O(x^2 + y^2)", "n^2"),
        (r"O(\textit{maxTime} \times (m + n))", "O(m maxTime + maxTime n)", "n^2"),
        ("O(n\\log n + n ^ 2)", "O(n^2)", "n^2"),
        ("O(10^7)", "O(1)", "1"),
        # a sum over a collection is one (total) size; a constant to the power log X is a power of X
        (r"O(\sum_{w \in \textit{words}} |w|)", "O(sum_w)", "n"),
        (r"O(n \sum w_i)", "O(n sum_w_i)", "n^2"),
        (r"O(n \times \log \sum_{i=0}^{n-1} sweetness[i])", "O(n log sum_sweetness)", "n log n"),
        (r"O(10 \times 2^{\log M})", "O(M)", "n"),
        (r"O(n ^ {\sqrt {n}})", "O(n^n)", "exponential"),
        (r"O((n \times M)^n)", "O(M^n * n^n)", "exponential"),
    ],
)
def test_label_examples(label: str, canonical: str, klass: str) -> None:
    cost = parse_label(label)
    assert str(cost) == canonical
    assert str(coarse_class(cost)) == klass


@pytest.mark.parametrize("bad", ["", "O()", "n^2", "O(n", "O(n ^)", "O(log)", "O(n $ 2)", None, 3])
def test_garbage_raises_label_error(bad) -> None:
    with pytest.raises(LabelError):
        parse_label(bad)
