"""The rulebook's golden findings: a fixed corpus of declarations and what the rules say.

    .venv/bin/python tools/rules_golden.py check            # compare, summary by rule code
    .venv/bin/python tools/rules_golden.py golden           # rewrite the golden findings
    .venv/bin/python tools/rules_golden.py corpus           # rebuild the corpus (rarely)

``tests/data/rules_corpus.jsonl.gz`` holds the corpus: one JSON object a line,
``{"name", "ctx", "data"}`` where ``data`` is the raw decoded declaration JSON (so the
parser's paths are judged too) and ``ctx`` the :class:`~client.rules.RuleContext` it is
judged in (see :func:`make_ctx`). It is built from ``examples/*.json``, every case of
``tests/rules/test_rules_table.py`` (valid and broken), the four goods of issue 13 with
each requirement dropped, declarations with random CIQ goods, and seeded random
mutations of sample declarations (``None``, blanks, wrong types, odd codes, removed keys).

``tests/data/rules_golden.jsonl.gz`` holds, per corpus entry, the full findings of
``validate_raw`` (code, severity, field, both messages, in the order given).
``tests/rules/test_rules_golden.py`` fails when any finding differs, so a speed change that
alters a finding cannot pass. When a rule's meaning changes on purpose, run ``check`` to see
which codes changed (the summary counts added and removed findings by code and names a few
entries), make sure only the intended codes moved, then ``golden`` to rewrite.

The corpus is data, not code: ``corpus`` reproduces it from the code of the day (sample
declarations change when the sample changes), so rebuild it only on purpose and then
``golden`` at once.
"""
from __future__ import annotations

import argparse
import functools
import copy
import gzip
import json
import random
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "data" / "rules_corpus.jsonl.gz"
GOLDEN = ROOT / "tests" / "data" / "rules_golden.jsonl.gz"

#: the context every entry is judged in unless its ``ctx`` says otherwise
#: (as ``tests/rules/rules_testkit.ctx``)
DEFAULT_CTX = {"credit_grade": "A", "grade_synced_at": "2026-11-26T08:00:00+00:00",
               "today": "2026-11-26"}


# ----------------------------------------------------------------------- reading
def _read_jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw:
        # mtime=0 and no file name: the same rows give the same bytes
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            for r in rows:
                gz.write((json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n").encode())


def load_corpus() -> list[dict]:
    return _read_jsonl(CORPUS)


def load_golden() -> dict[str, list[list]]:
    return {r["name"]: r["issues"] for r in _read_jsonl(GOLDEN)}


def make_ctx(spec: dict, codes=None):
    """The :class:`RuleContext` of a corpus entry's ``ctx`` (JSON) over the built-in tables."""
    from client.codes import default_codebook
    from client.rules import RuleContext
    s = {**DEFAULT_CTX, **spec}
    ecom = s.get("ecom")
    regs = None
    if ecom is not None:
        from client.ecom.store import KnownRegistrations, ProductRef
        regs = KnownRegistrations({p[0]: ProductRef(*p) for p in ecom["products"]},
                                  frozenset(ecom["not_found"]))
    synced = s.get("grade_synced_at")
    usccs = s.get("client_usccs")
    if s.get("code_lists") == "eciq":   # judged with the eCIQ lists in force (issue 13)
        codes = _eciq_codebook()
    return RuleContext(
        codes=codes or default_codebook(), credit_grade=s.get("credit_grade"),
        grade_synced_at=datetime.fromisoformat(synced) if synced else None,
        today=date.fromisoformat(s["today"]), attachment_sizes=s.get("attachment_sizes"),
        enterprise_uscc=s.get("enterprise_uscc"),
        client_usccs=frozenset(usccs) if usccs is not None else None,
        ecom_registrations=regs)


@functools.lru_cache(maxsize=1)
def _eciq_codebook():
    from client.ciq.lists import eciq_codebook
    return eciq_codebook()


def findings(entry: dict, codes=None) -> list[list]:
    """What the rulebook says of one corpus entry: ``[code, severity, field, zh, en]``."""
    from client.rules import validate_raw
    _decl, issues = validate_raw(copy.deepcopy(entry["data"]), make_ctx(entry["ctx"], codes))
    return [[i.code, i.severity, i.field, i.message_zh, i.message_en] for i in issues]


# ------------------------------------------------------------------ the corpus
def _ctx_spec(kw: dict) -> dict:
    """A test case's context kwargs as JSON."""
    out: dict[str, Any] = {}
    for k, v in kw.items():
        if k == "ecom_registrations":
            out["ecom"] = {"products": [[p.reg_no, p.hs_code, p.origin_country, p.title]
                                        for p in v.products.values()],
                           "not_found": sorted(v.not_found)}
        elif k == "grade_synced_at":
            out[k] = v.isoformat() if v else None
        elif k == "client_usccs":
            out[k] = sorted(v) if v is not None else None
        else:
            out[k] = v
    return out


def _to_data(decl) -> dict:
    from client.model import to_json
    return json.loads(to_json(decl))


def _table_cases(eciq: bool = False) -> Iterator[dict]:
    sys.path.insert(0, str(ROOT / "tests" / "rules"))
    import test_rules_table as t  # noqa: PLC0415 - the rule table's cases, valid and broken
    for n, case in enumerate(t.CASES):
        if case.eciq != eciq:
            continue
        name = t._case_id(case)
        for broken in (False, True):
            kw = case.good if not broken or case.bad is None else case.bad
            try:
                data = _to_data(case.build(broken=broken))
            except Exception as e:  # noqa: BLE001 - a typed value JSON cannot carry
                print(f"  skipped {name} broken={broken}: {e}", file=sys.stderr)
                continue
            ctx = _ctx_spec(kw)
            prefix = "table"
            if eciq:
                ctx["code_lists"] = "eciq"
                prefix = "eciq/table"
            yield {"name": f"{prefix}/{n:03d}/{name}/{'broken' if broken else 'valid'}",
                   "ctx": ctx, "data": data}


def _ciq_cases() -> Iterator[dict]:
    sys.path.insert(0, str(ROOT / "tests" / "rules"))
    import test_rules_ciq as t  # noqa: PLC0415
    from client.ciq import requirements
    for build in (t.frozen_beef_import, t.prepackaged_food_import, t.toy_export,
                  t.dangerous_chemical_export):
        d = build()
        yield {"name": f"ciq/{build.__name__}/complete", "ctx": {}, "data": _to_data(d)}
        # take each present requirement away in turn
        for k, r in enumerate(requirements(d, 0)):
            if not r.present:
                continue
            d2 = build()
            g = d2.goods[0]
            if r.kind == "licence":
                g.licences = [x for x in g.licences if x.type not in r.alternatives]
            elif r.kind == "attribute":
                g.goods_attributes = [a for a in g.goods_attributes if a not in r.alternatives]
            elif r.kind == "attachment":
                d2.attachments = [a for a in d2.attachments if a.type not in r.alternatives]
            elif r.kind == "field" and g.dangerous is not None and r.code in ("un_no", "class",
                                                                              "pack_category"):
                setattr(g.dangerous, "class_" if r.code == "class" else r.code, None)
            elif r.kind == "field":
                g.producer = None
            else:
                continue
            yield {"name": f"ciq/{build.__name__}/without-{k}-{r.code}", "ctx": {},
                   "data": _to_data(d2)}


def _ciq_pairs(codes) -> list[tuple[str, str]]:
    """HS+CIQ pairs the catalogue has something to say about, and some it has not."""
    from client.ciq.lookup import ciq_lookup
    lk = ciq_lookup(codes)
    rows = [(r["hs_code"], r["ciq_code"]) for r in codes.table("ciq_codes").rows]
    rng = random.Random(13)
    hit = [p for p in rows if lk.catalogue(*p) is not None]
    miss = [p for p in rows if lk.catalogue(*p) is None]
    return rng.sample(hit, min(300, len(hit))) + rng.sample(miss, min(60, len(miss)))


def _random_ciq(codes) -> Iterator[dict]:
    """Declarations whose goods are drawn from the CIQ code list, completed as the catalogue
    asks (``satisfy_catalogue``), then often with a requirement or an attribute disturbed."""
    from client.model import Dangerous, Licence
    from client.rules.sample import sample_declaration, satisfy_catalogue
    pairs = _ciq_pairs(codes)
    attrs = sorted(codes.table("goods_attributes").codes())
    rng = random.Random(1317)
    for k in range(300):
        direction = "inbound" if k % 2 == 0 else "outbound"
        d = sample_declaration(direction, rng.randrange(1, 5), seed=5000 + k)
        for g in d.goods:
            g.hs_code, g.ciq_code = rng.choice(pairs)
            g.licences, g.goods_attributes, g.producer = [], [], None
            if rng.random() < 0.3:
                g.goods_attributes = rng.sample(attrs, rng.randrange(1, 4))
            if rng.random() < 0.15:
                g.goods_attributes.append(rng.choice(("31", "32")))
                if rng.random() < 0.7:
                    g.dangerous = Dangerous(un_no="1005", name="无水氨", class_="2.3",
                                            pack_category=rng.choice(("1", "2", "3", "4", "9")))
        satisfy_catalogue(d, k)
        roll = rng.random()
        for g in d.goods:
            if roll < 0.3 and g.licences:
                g.licences.pop(rng.randrange(len(g.licences)))
            elif roll < 0.4 and g.licences:
                g.licences[0] = Licence(g.licences[0].type, rng.choice(("", " ", None)))
            elif roll < 0.5 and g.goods_attributes:
                g.goods_attributes.pop()
            elif roll < 0.55:
                g.ciq_code = rng.choice((None, "", "999", "101", "12", "abc"))
        if roll > 0.9:
            d.attachments = d.attachments[:1]
        yield {"name": f"ciq-random/{k:03d}", "ctx": {}, "data": _to_data(d)}


def _code_pool(codes) -> list[Any]:
    """Values a declarer might put in a field: codes of every table, and odd ones."""
    pool: list[Any] = []
    for name in ("countries", "bureaus", "units", "currencies", "transport_modes",
                 "trade_modes", "purposes", "attachment_types", "certificates",
                 "inspection_types", "package_types", "goods_attributes",
                 "licences_inbound", "licences_outbound", "dangerous_pack_categories",
                 "enterprise_qualifications", "credit_grades"):
        table = sorted(codes.table(name).codes())
        pool += table[:6] + table[-3:]
    pool += ["CNSHA", "DEHAM", "JPTYO", "USLAX", "CN-SH", "cnsha", "310115", "999999",
             "8471300000", "0202300090", "84713000", "9503006000", "2814100000",
             "91310115MA1K4AB2CX", "CSQU3054383", "CSQU3054384", "22G1", "45GP",
             "import_direct", "export_direct", "import_transfer", "standard", "inbound",
             "outbound", "2026-02-30", "2026-11-26", "2030-01-01", "1e3", "12.5", "-3",
             "0", "0.0001", "１２３", " 310000", "310000 ", "x" * 300, "备注\x07", "\ufeff",
             "", " ", None, 0, -1, 7, 2 ** 70, 1.5, True, [], {}, ["a"], {"a": 1}]
    return pool


def _paths(obj: Any, prefix: tuple = ()) -> Iterator[tuple]:
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, prefix + (i,))


def _mutate(data: dict, rng: random.Random, pool: list) -> None:
    paths = [p for p in _paths(data) if p]
    path = rng.choice(paths)
    parent: Any = data
    for k in path[:-1]:
        parent = parent[k]
    key = path[-1]
    roll = rng.random()
    if roll < 0.1 and isinstance(parent, dict):
        del parent[key]
    elif roll < 0.18 and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))      # a duplicate entry
    elif roll < 0.22 and isinstance(parent[key], list):
        parent[key] = []
    elif roll < 0.3 and isinstance(parent[key], str) and parent[key]:
        v = parent[key]
        parent[key] = rng.choice((v + v[-1], v[:-1], v.lower(), " " + v, v + "\n"))
    else:
        parent[key] = copy.deepcopy(rng.choice(pool))


def _random_mutations(codes, n: int) -> Iterator[dict]:
    from client.rules.sample import sample_declaration
    pool = _code_pool(codes)
    rng = random.Random(2026)
    grades = (None, "A", "B", "C", "D", "Z")
    for k in range(n):
        direction = "inbound" if rng.random() < 0.5 else "outbound"
        d = sample_declaration(direction, rng.randrange(1, 9), seed=k)
        if rng.random() < 0.2:
            d.clearance_mode = "import_direct" if direction == "inbound" else "export_direct"
        data = _to_data(d)
        for _ in range(rng.choice((1, 1, 2, 3, 5))):
            _mutate(data, rng, pool)
        spec: dict[str, Any] = {}
        if rng.random() < 0.3:
            spec["credit_grade"] = rng.choice(grades)
        if rng.random() < 0.1:
            spec["grade_synced_at"] = rng.choice((None, "2026-10-01T08:00:00+00:00"))
        if rng.random() < 0.1:
            sha = d.attachments[0].sha256 if d.attachments else "0" * 64
            spec["attachment_sizes"] = rng.choice(({}, {sha: 182_044}, {sha: 5 << 20}))
        if rng.random() < 0.1:
            spec["enterprise_uscc"] = d.declarant.uscc if rng.random() < 0.5 \
                else "91310000MA1FL8LQ21"
        yield {"name": f"mutated/{k:04d}", "ctx": spec, "data": data}


def _examples() -> Iterator[dict]:
    for p in sorted((ROOT / "examples").glob("*.json")):
        yield {"name": f"examples/{p.name}", "ctx": {},
               "data": json.loads(p.read_text(encoding="utf-8"))}


def _eciq_cases() -> Iterator[dict]:
    """Added after the eCIQ switch (issue 13): the rule table's cases judged with the eCIQ
    lists in force, and the examples (which now carry eCIQ codes) under those lists. The
    first 1,863 entries were judged by the code before the speed-ups; these by the merged
    code (the rules and ciqswitch branches)."""
    yield from _table_cases(eciq=True)
    for e in _examples():
        yield {**e, "name": "eciq/" + e["name"], "ctx": {"code_lists": "eciq"}}


def build_corpus(n_mutated: int = 1200) -> list[dict]:
    from client.codes import default_codebook
    codes = default_codebook()
    rows = [*_examples(), *_table_cases(), *_ciq_cases(), *_random_ciq(codes),
            *_random_mutations(codes, n_mutated), *_eciq_cases()]
    names = [r["name"] for r in rows]
    assert len(set(names)) == len(names), "corpus names must be unique"
    return rows


# -------------------------------------------------------------------- commands
def compare(corpus: list[dict], golden: dict[str, list[list]], show: int = 3) -> int:
    """Print what differs from the golden, by rule code; returns the number of entries
    that differ."""
    added: Counter = Counter()
    removed: Counter = Counter()
    where: dict[str, list[str]] = {}
    differ = 0
    for e in corpus:
        now = findings(e)
        was = golden.get(e["name"])
        if was is None:
            print(f"not in the golden: {e['name']}")
            differ += 1
            continue
        if now == was:
            continue
        differ += 1
        a = Counter(map(tuple, now)) - Counter(map(tuple, was))
        r = Counter(map(tuple, was)) - Counter(map(tuple, now))
        codes = set()
        for f, c in a.items():
            added[f[0]] += c
            codes.add(f[0])
        for f, c in r.items():
            removed[f[0]] += c
            codes.add(f[0])
        if not codes:
            codes.add("(order only)")
            added["(order only)"] += 1
        for c in codes:
            where.setdefault(c, []).append(e["name"])
    print(f"{len(corpus)} entries, {differ} differ from the golden")
    for code in sorted(set(added) | set(removed)):
        names = where.get(code, [])
        print(f"  {code}: +{added[code]} -{removed[code]} in {len(names)} entries, e.g. "
              + ", ".join(names[:show]))
    return differ


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("check", "golden", "corpus"))
    ap.add_argument("--mutated", type=int, default=1200, help="corpus: random mutations")
    args = ap.parse_args(argv)
    if args.command == "corpus":
        rows = build_corpus(args.mutated)
        _write_jsonl(CORPUS, rows)
        print(f"wrote {len(rows)} declarations to {CORPUS.relative_to(ROOT)}; "
              f"now run `golden`")
        return 0
    corpus = load_corpus()
    if args.command == "golden":
        rows = [{"name": e["name"], "issues": findings(e)} for e in corpus]
        _write_jsonl(GOLDEN, rows)
        n = sum(len(r["issues"]) for r in rows)
        codes = Counter(i[0] for r in rows for i in r["issues"])
        print(f"wrote the findings of {len(rows)} declarations ({n} findings, "
              f"{len(codes)} distinct codes) to {GOLDEN.relative_to(ROOT)}")
        return 0
    return 1 if compare(corpus, load_golden()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
