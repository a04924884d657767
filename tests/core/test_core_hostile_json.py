"""Hostile JSON files are refused one by one with a clear message (issue 12, item 5):
the good file beside them still imports and nothing ends in an internal error."""
from __future__ import annotations

import json

import pytest

from client.cli.main import main
from client.interchange.jsonfile import MAX_DEPTH, UnreadableJson, load_json_document
from client.model import to_dict
from client.rules.sample import sample_declaration


def _good_text(seed: int) -> str:
    return json.dumps(to_dict(sample_declaration(seed=seed)), ensure_ascii=False)


def _hostile_files(tmp_path) -> dict[str, str]:
    doc = _good_text(900)
    texts = {
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "deep_in_extra.json": doc[:-1] + ', "x": ' + "[" * 500 + "]" * 500 + "}",
        "surrogate.json": doc.replace('"N/M"', '"\\ud800"') if '"N/M"' in doc
        else doc[:-1] + ', "marks2": "\\ud800"}',
        "surrogate_key.json": doc[:-1] + ', "\\udfff": 1}',
        "nan.json": doc[:-1] + ', "unknown": NaN}',
        "inf.json": "[" + doc[:-1] + ', "u": [1, -Infinity]}]',
        "bigint.json": doc[:-1] + ', "n": ' + "9" * 5000 + "}",
    }
    out = {}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        out[name] = str(tmp_path / name)
    return out


def test_each_hostile_file_is_refused_and_the_good_one_imports(data_dir, tmp_path, capsys):
    bad = _hostile_files(tmp_path)
    good = tmp_path / "good.json"
    good.write_text(_good_text(901), encoding="utf-8")
    code = main(["import", *bad.values(), str(good), "--json"])
    res = json.loads(capsys.readouterr().out)
    assert code == 2
    assert len(res["imported"]) == 1
    refused = {e["file"]: e["message"] for e in res["errors"]}
    assert set(refused) == set(bad.values())
    assert "嵌套" in refused[bad["deep.json"]] and str(MAX_DEPTH) in refused[bad["deep.json"]]
    assert "ud800" in refused[bad["surrogate.json"]]
    assert "NaN" in refused[bad["nan.json"]] and "Infinity" in refused[bad["inf.json"]]
    assert main(["list", "--json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == res["imported"]


def test_validate_reports_hostile_files_as_unreadable(data_dir, tmp_path, capsys):
    bad = _hostile_files(tmp_path)
    good = tmp_path / "good.json"
    good.write_text(_good_text(902), encoding="utf-8")
    code = main(["validate", *bad.values(), str(good), "--json"])
    captured = capsys.readouterr()
    assert code == 2
    assert len(json.loads(captured.out)) == 1  # the good file was validated
    for path in bad.values():
        assert path in captured.err


@pytest.mark.parametrize("raw", [b"\xff\xfe{}", b"", b"{", b"[1,]", b"NaN", b'"\\ud800"',
                                 b"[" * 70 + b"]" * 70, b'{"a": "[[[[[["}'])
def test_load_json_document_refuses_with_a_desk_error_or_returns(raw):
    try:
        data = load_json_document(raw)
    except UnreadableJson as exc:
        assert exc.message_zh and exc.message_en and exc.exit_code == 2
    else:
        assert data == {"a": "[[[[[["}  # brackets inside strings do not count as nesting


def test_a_list_keeps_each_items_text(tmp_path):
    f = tmp_path / "l.json"
    f.write_text('[ {"a": 1} , {"b": [2]} ]', encoding="utf-8")
    assert load_json_document(f, keep_text=True) == ([{"a": 1}, {"b": [2]}],
                                                     ['{"a": 1}', '{"b": [2]}'])
    f.write_text('[{"a": NaN}]', encoding="utf-8")
    with pytest.raises(UnreadableJson):
        load_json_document(f, keep_text=True)


def test_a_declaration_carrying_nan_is_refused_not_written(data_dir):
    from client.errors import InputError
    from client.model import dumps_compact
    from client.services import Desk

    d = sample_declaration(seed=903)
    d.extra = {"unknown": float("nan")}
    with pytest.raises(InputError) as exc:
        dumps_compact(d)
    assert "NaN" in exc.value.message_zh and d.id in exc.value.message_en
    desk = Desk.open(data_dir)
    try:
        with pytest.raises(InputError):
            desk.save_draft(d)
        assert desk.count() == 0
    finally:
        desk.close()


def test_the_same_id_twice_in_one_file_imports_once(data_dir, tmp_path, capsys):
    """Found by the fuzz test: a list holding one declaration twice ended in exit 3."""
    doc = to_dict(sample_declaration(seed=904))
    f = tmp_path / "twice.json"
    f.write_text(json.dumps([doc, doc], ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(f), "--json"]) == 1
    res = json.loads(capsys.readouterr().out)
    assert res["imported"] == [doc["id"]]
    assert res["errors"][0]["row"] == 2 and "重复" in res["errors"][0]["message"]
