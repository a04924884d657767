"""The request-body checks (sandbox.jsontext): the depth found by the level walk over the
parsed value (``check``) is the nesting of the text, on any JSON; lone surrogates in keys
and strings at any depth are refused."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox import jsontext
from sandbox.protocol import ApiError

_text = st.text(alphabet=st.sampled_from('ab"\\[]{}:,报 \n'), max_size=6)
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | _text,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(_text, inner, max_size=3),
    max_leaves=40)


def _deep_by_walk(value, max_depth: int) -> bool:
    try:
        jsontext.check(value, max_depth, strings=False)
    except ApiError as exc:
        assert exc.code == "json_too_deep"
        return True
    return False


def _nesting(value) -> int:
    """Arrays/objects nested in ``value`` (the definition, recursively)."""
    if isinstance(value, dict):
        return 1 + max(map(_nesting, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_nesting, value), default=0)
    return 0


@settings(max_examples=300, deadline=None)
@given(_json, st.integers(min_value=1, max_value=6))
def test_the_walk_finds_the_nesting_of_the_value(value, max_depth):
    assert _deep_by_walk(value, max_depth) == (_nesting(value) > max_depth)


@settings(max_examples=300, deadline=None)
@given(_json, st.integers(min_value=0, max_value=6))
def test_a_lone_surrogate_is_found_at_any_depth(value, depth):
    bad = "x\ud800"
    for n in range(depth):
        bad = {"k": [bad]} if n % 2 else [bad]
    for doc in ([value, bad], {"a": value, "b": bad}, {"x\udfff": value}):
        with pytest.raises(ApiError) as info:
            jsontext.check(doc)
        assert info.value.code == "invalid_text"
    jsontext.check(value)  # the generated text holds none


@pytest.mark.parametrize("depth", [31, 32, 33, 200])
def test_nesting_at_the_limit(depth):
    text = "[" * depth + '"]}{[\\"' + '"' + "]" * depth
    value = json.loads(text)
    assert _deep_by_walk(value, jsontext.MAX_DEPTH) == (depth > jsontext.MAX_DEPTH)
    if depth > jsontext.MAX_DEPTH:
        with pytest.raises(ApiError) as info:
            jsontext.loads(text.encode())
        assert info.value.code == "json_too_deep"
    else:
        assert jsontext.loads(text.encode()) == value


_scalar = st.none() | st.booleans() | st.integers() | _text


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_text, _json, max_size=5), _scalar | _json, _scalar, _scalar, _scalar)
def test_the_composed_mutation_hash_is_the_canonical_hash(payload, base, did, no, kind):
    """sandbox.mutations hashes a declaration mutation around its payload's stored text:
    the same digest as canonical_hash of the hashed keys (replays keep matching)."""
    from sandbox.mutations import _HASHED, _declaration_hash, _payload_text
    from sandbox.protocol import canonical_hash
    m = {"kind": kind, "declaration_id": did, "inspection_no": no, "base_version": base,
         "payload": payload, "mutation_id": "M1"}
    assert _declaration_hash(m, _payload_text(payload)) == canonical_hash(
        {k: m.get(k) for k in _HASHED})
