"""Token masks over a real byte-level BPE tokenizer trained here on corpus code (no downloads)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skeldsl.mining import MiningOptions, Solution, mine_group, token_mask
from skeldsl.mining.token_masks import mask_from_offsets, spans_from_masked

tokenizers = pytest.importorskip("tokenizers", reason="tokenizers is in the test extra")

FIXTURE = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "effiskel_reference" / "cases.jsonl"


def _corpus() -> list[str]:
    if not FIXTURE.exists():
        pytest.skip("shared fixture folder absent")
    return [code for line in FIXTURE.read_text().splitlines() for code in json.loads(line)["codes"]]


@pytest.fixture(scope="module")
def bpe():
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=600, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  special_tokens=["<s>", "</s>"], show_progress=False)
    tokenizer.train_from_iterator(_corpus(), trainer)
    from tokenizers.processors import TemplateProcessing

    tokenizer.post_processor = TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", tokenizer.token_to_id("<s>")), ("</s>", tokenizer.token_to_id("</s>"))]
    )
    return tokenizer


@pytest.fixture(scope="module")
def hf_fast(bpe):
    transformers = pytest.importorskip("transformers")
    return transformers.PreTrainedTokenizerFast(tokenizer_object=bpe, bos_token="<s>", eos_token="</s>")


def _check_rule(text, spans, offsets, bits):
    """Independent formulation, per character then per token: a kept (non-blank) character is carried
    only by 1-tokens; a 1-token carries at least one kept character; blank-only tokens are 0."""
    kept = [any(s <= i < e for s, e in spans) and not c.isspace() for i, c in enumerate(text)]
    covering = [[] for _ in text]
    for (start, end), bit in zip(offsets, bits, strict=True):
        covered = range(max(start, 0), min(end, len(text)))
        assert bit == int(any(kept[i] for i in covered)), (text[start:end], bit)
        for i in covered:
            covering[i].append(bit)
    for i, char in enumerate(text):
        if not char.isspace():
            assert covering[i], f"tokenizer left character {i} uncovered"
            if kept[i]:
                assert all(covering[i])


code_text = st.text(
    alphabet=st.sampled_from(list("abcxyz_019 \t\n()[]{}:=+-*/.,'\"#<>") + ["é", "ü", "中", "😀", "\u00a0"]),
    max_size=80,
)


@st.composite
def text_and_spans(draw):
    text = draw(code_text)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts) - 1, 2)]
    return text, spans


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=text_and_spans())
def test_property_rule_holds_on_random_code(bpe, case):
    text, spans = case
    result = token_mask(bpe, text, spans)
    _check_rule(text, spans, result.offsets, result.mask)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(k=st.integers(0, 10), strategy=st.sampled_from(["lexical", "syntactic"]))
def test_property_rule_on_mined_skeletons_with_transformers_fast(hf_fast, k, strategy):
    cases = [json.loads(line) for line in FIXTURE.read_text().splitlines()]
    codes = cases[k]["codes"]
    mined = mine_group([Solution(c) for c in codes], strategy, MiningOptions(min_count=3))
    for result in mined:
        if not hasattr(result, "spans"):
            continue
        tm = token_mask(hf_fast, result.text, result.spans)
        _check_rule(result.text, result.spans, tm.offsets, tm.mask)
        assert 0 < sum(tm.mask) <= len(tm.mask)


def test_multibyte_character_split_into_several_tokens_shares_its_bit(bpe):
    text = "x = '😀'\ny = '😀'\n"
    spans = [(0, 8)]  # the first line kept, the second not
    result = token_mask(bpe, text, spans)
    emoji_tokens = [(o, b) for o, b in zip(result.offsets, result.mask) if o[1] - o[0] == 1 and text[o[0]] == "😀"]
    first = [b for o, b in emoji_tokens if o[0] < 8]
    second = [b for o, b in emoji_tokens if o[0] >= 8]
    assert len(first) >= 2 and set(first) == {1}  # the byte pieces of a kept emoji are all kept
    assert len(second) >= 2 and set(second) == {0}


def test_straddling_and_whitespace_tokens():
    text = "foo.bar  baz"
    offsets = [(0, 4), (4, 7), (7, 9), (9, 12), (0, 0)]
    spans = [(0, 3), (9, 12)]
    # "foo." straddles the edge of "foo": 1; "bar" outside: 0; "  " blank: 0; "baz": 1; special: 0
    assert mask_from_offsets(text, offsets, spans) == (1, 0, 0, 1, 0)


def test_special_tokens_are_zero(hf_fast):
    result = token_mask(hf_fast, "for x in y", [(0, 10)], add_special_tokens=True)
    assert result.input_ids[0] == hf_fast.convert_tokens_to_ids("<s>")
    assert result.mask[0] == 0 and result.mask[-1] == 0 and all(result.mask[1:-1])


def test_spans_from_masked_skeleton_default_and_compat():
    codes = [c for c in _corpus()[:5]]
    for options in (MiningOptions(), MiningOptions(compat="effiskel")):
        for result in mine_group([Solution(c) for c in codes], "lexical", options):
            recovered = spans_from_masked(result.text, result.masked)
            words_kept = {(a, b) for a, b in _words(result.text) if _inside(a, b, recovered)}
            words_expected = {(a, b) for a, b in _words(result.text) if _inside(a, b, result.spans)}
            assert words_kept == words_expected
    with pytest.raises(ValueError):
        spans_from_masked("a = b\n", "a = c\n")


def _words(text):
    from skeldsl.mining.compat import iter_words

    return list(iter_words(text))


def _inside(a, b, spans):
    return any(s <= a and b <= e for s, e in spans)


def test_slow_tokenizer_is_refused():
    class Slow:
        is_fast = False

    with pytest.raises(TypeError):
        token_mask(Slow(), "x", [])
