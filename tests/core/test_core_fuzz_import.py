"""Fuzzing the JSON and CSV importers (issue 12): thousands of generated files go through
the real import functions into a real store; none may end in an internal error.

Inputs are hypothesis-built files (raw bytes, edited template files, structured JSON with
odd values) plus, for each of them, seeded byte-level mutants of a small corpus of good
files (splicing in NaN, lone surrogates, deep brackets, NUL, formula text…): at least
2 × 300 × 17 = 10,200 inputs.

Allowed outcomes are a report (declarations imported, per-file or per-row problems) or a
:class:`~client.errors.DeskError`. Any other exception is a bug hypothesis shrinks and
prints. The number of inputs tried is printed to the terminal.
"""
from __future__ import annotations

import csv
import io
import json
import random
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from client.errors import DeskError
from client.interchange.columns import columns_for
from client.interchange.importer import import_into
from client.interchange.writer import declaration_rows, write_csv
from client.model import to_dict
from client.rules.sample import sample_declaration
from client.services import Desk, ImportReport

#: hypothesis examples per importer; each also runs MUTANTS seeded byte-level mutants
EXAMPLES = 300
MUTANTS = 16
TRIED = {"json": 0, "csv": 0}

_SEED_DOC = json.dumps(to_dict(sample_declaration("inbound", 2, seed=1200)), ensure_ascii=False)
_FIELDS = list(to_dict(sample_declaration("inbound", 1, seed=1201)))

_odd_text = st.text(max_size=30) | st.sampled_from(
    ["=1+1", "'=x", "\x00", "\x1b[31m", "\\ud800", "NaN", "-Infinity", "1e999", "9" * 30,
     "２０２６－１１－３０", "  ", "是", "null", "[", "{", "\r\n", "\ufeff"])
_json_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                 | st.text(max_size=20) | _odd_text)
_json_values = st.recursive(_json_scalars,
                            lambda inner: st.lists(inner, max_size=4)
                            | st.dictionaries(st.sampled_from(_FIELDS) | st.text(max_size=8),
                                              inner, max_size=4), max_leaves=6)


def _mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    for pos, cut, ins in edits:
        pos %= len(text) + 1
        text = text[:pos] + ins + text[pos + cut:]
    return text


_edits = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 8),
                            st.text(alphabet='{}[],:"\\0123456789eE.-+NaIfinity tfnul\ud800',
                                    max_size=6)),
                  min_size=1, max_size=4)

json_inputs = st.one_of(
    st.binary(max_size=200),
    _edits.map(lambda e: _mutate(_SEED_DOC, e).encode("utf-8", "surrogatepass")),
    _json_values.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8")),
    st.tuples(st.sampled_from(_FIELDS), _json_values).map(
        lambda kv: json.dumps({**json.loads(_SEED_DOC), kv[0]: kv[1]}).encode()),
    st.tuples(st.sampled_from(_FIELDS), st.sampled_from(["NaN", "Infinity", '"\\ud800"',
                                                        "[" * 200 + "]" * 200, "1" * 5000])
              ).map(lambda kv: _SEED_DOC[:-1].encode() + f', "{kv[0]}x": {kv[1]}}}'.encode()),
)

_COLS = columns_for("inbound")
_PATHS = [c.path for c in _COLS]


def _csv_text(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


def _template_csv() -> str:
    d = sample_declaration("inbound", 2, seed=1202)
    path = Path(tempfile.mkdtemp()) / "t.csv"
    write_csv(path, _COLS, declaration_rows(d, _COLS))
    return path.read_text(encoding="utf-8-sig")


_SEED_CSV = _template_csv()
_cells = st.one_of(st.just(""), _odd_text, st.sampled_from(
    ["310000", "1,200.50", "2026/11/30", "20261130", "45000", "否", "CN", "001", "USD",
     "=HYPERLINK(\"x\")", "''=x", "-5", "1e3", "3.5", "abc,def", "、", "\t"]))
_rows = st.lists(st.lists(_cells, min_size=0, max_size=len(_COLS) + 2), min_size=0, max_size=6)

csv_inputs = st.one_of(
    st.binary(max_size=200),
    _rows.map(lambda r: ("\ufeff" + _csv_text([[c.label("zh") for c in _COLS], _PATHS] + r))
              .encode("utf-8")),
    _rows.map(lambda r: _csv_text([_PATHS] + r).encode("gb18030", "replace")),
    _edits.map(lambda e: _mutate(_SEED_CSV, e).encode("utf-8", "surrogatepass")),
    st.tuples(st.integers(0, len(_PATHS) - 1), _cells).map(
        lambda ic: _csv_text([_PATHS, [ic[1] if i == ic[0] else "" for i in range(len(_PATHS))]
                              ]).encode("utf-8")),
)


#: tokens the random mutator splices in (dangerous to a parser or to a spreadsheet)
_TOKENS = [b"NaN", b"-Infinity", b"Infinity", b"\\ud800", b"\\udfff", b"[" * 300, b"{" * 300,
           b"]", b"}", b",", b":", b'"', b"\\", b"null", b"true", b"1e999", b"9" * 5000,
           b"\x00", b"\x1b", b"\xff", b"\xef\xbb\xbf", b"\r\n", b"\n", b"\t", b"'=",
           b"=cmd|' /C calc'!A0", b"\xe4\xb8", "报检".encode(), "，".encode(), b";", b"0" * 20]


def mutants(seed: int, corpus: list[bytes], n: int) -> list[bytes]:
    """``n`` byte-level mutants of the corpus files (a classic mutation fuzzer, seeded)."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        data = bytearray(rnd.choice(corpus))
        for _ in range(rnd.randint(1, 4)):
            pos = rnd.randrange(len(data) + 1)
            op = rnd.randrange(5)
            if op == 0:
                data[pos:pos] = rnd.choice(_TOKENS)
            elif op == 1:
                del data[pos:pos + rnd.randint(1, 40)]
            elif op == 2 and data:
                data[pos % len(data)] = rnd.randrange(256)
            elif op == 3:
                data[pos:pos] = data[pos:pos + rnd.randint(1, 200)]
            else:
                del data[pos:]
        out.append(bytes(data))
    return out


_JSON_CORPUS = [_SEED_DOC.encode(), ("[" + _SEED_DOC + "," + _SEED_DOC + "]").encode(),
                b'{"id": "X", "goods": [{"seq": 1}]}']
_CSV_CORPUS = [_SEED_CSV.encode("utf-8"), ("\ufeff" + _SEED_CSV).encode("utf-8"),
               _SEED_CSV.replace(",", ";").encode("gb18030")]


@pytest.fixture(scope="module")
def fuzz_desk(tmp_path_factory):
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None  # fsync-free if it can be
    with tempfile.TemporaryDirectory(prefix="ciqdesk-fuzz-", dir=base) as tmp:
        desk = Desk.open(Path(tmp) / "profile")
        yield desk, Path(tmp)
        desk.close()


def _report_ok(report: ImportReport) -> None:
    for e in report.errors:
        assert e.message and e.message_en  # every problem explained in both languages


def _fuzz(n: int) -> settings:
    return settings(max_examples=n, deadline=None, database=None, derandomize=True,
                    suppress_health_check=list(HealthCheck))


def _import_json(desk, tmp: Path, raw: bytes) -> None:
    f = tmp / "in.json"
    f.write_bytes(raw)
    TRIED["json"] += 1
    try:
        report = desk.import_json_files([f])
    except DeskError:
        return
    _report_ok(report)


def _import_csv(desk, tmp: Path, raw: bytes) -> None:
    f = tmp / "in.csv"
    f.write_bytes(raw)
    TRIED["csv"] += 1
    report = ImportReport()
    try:
        import_into(desk, f, report)
    except DeskError:
        return
    _report_ok(report)


@_fuzz(EXAMPLES)
@given(raw=json_inputs, seed=st.integers(0, 2**32))
def _fuzz_json(fuzz_desk, raw: bytes, seed: int) -> None:
    desk, tmp = fuzz_desk
    for one in [raw, *mutants(seed, _JSON_CORPUS, MUTANTS)]:
        _import_json(desk, tmp, one)


@_fuzz(EXAMPLES)
@given(raw=csv_inputs, seed=st.integers(0, 2**32))
def _fuzz_csv(fuzz_desk, raw: bytes, seed: int) -> None:
    desk, tmp = fuzz_desk
    for one in [raw, *mutants(seed, _CSV_CORPUS, MUTANTS)]:
        _import_csv(desk, tmp, one)


def _announce(kind: str) -> None:
    sys.__stdout__.write(f"\n[fuzz] {kind} importer: {TRIED[kind]} generated inputs tried, "
                         f"no internal error\n")
    sys.__stdout__.flush()


def test_fuzz_json_import_never_ends_in_an_internal_error(fuzz_desk):
    _fuzz_json(fuzz_desk)
    _announce("json")
    assert TRIED["json"] >= EXAMPLES * (1 + MUTANTS)


def test_fuzz_csv_import_never_ends_in_an_internal_error(fuzz_desk):
    _fuzz_csv(fuzz_desk)
    _announce("csv")
    assert TRIED["csv"] >= EXAMPLES * (1 + MUTANTS)
