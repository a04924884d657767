"""Receipt notes in one language (issue 18 item 12: "已受理 / accepted")."""
from __future__ import annotations

import pytest

from client.notes import note_text
from client.sync.pull import receipt_note


@pytest.mark.parametrize("note, zh, en", [
    ("已受理 / accepted", "已受理", "accepted"),
    ("退单 / rejected: 货物名称与HS编码不符", "退单：货物名称与HS编码不符",
     "rejected: 货物名称与HS编码不符"),
    ("布控查验：开箱查验 / targeted inspection: container opened", "布控查验：开箱查验",
     "targeted inspection: container opened"),
    ("海关已放行", "海关已放行", "海关已放行"),
    ("提单/运单号有误", "提单/运单号有误", "提单/运单号有误"),
    (None, "", ""),
])
def test_note_in_one_language(note, zh, en):
    assert note_text(note, "zh") == zh
    assert note_text(note, "en") == en


def test_receipt_reasons_name_the_field_by_its_label():
    note = receipt_note("退单 / rejected: 货物名称与HS编码不符",
                        [{"field": "goods[0].name_cn", "message_zh": "货物名称与HS编码不符"}])
    assert "goods[0]" not in note
    assert note_text(note, "zh") == "退单：货物名称与HS编码不符；[第1项货物名称(中文)] 货物名称与HS编码不符"


@pytest.mark.parametrize("text", [b'[{"a": 1,}]', b'{"a" 1}', b'{"a": "x', b'[1 2]',
                                  b'{"a": "\\q"}', b'[1] x', b'[', b'{"a":"\t"}'])
def test_json_syntax_errors_in_chinese(text):
    """Issue 18 item 12: the parser's own words ("Expecting ',' delimiter") are translated."""
    import re

    from client.interchange.jsonfile import UnreadableJson, load_json_document
    with pytest.raises(UnreadableJson) as err:
        load_json_document(text)
    assert not re.search(r"[A-Za-z]{3,}", err.value.message_zh.replace("JSON", "")), \
        err.value.message_zh
