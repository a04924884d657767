"""Field names in messages: a list item's name is not repeated in the field's name."""
from __future__ import annotations

import pytest

from client.fields import LABELS, label


@pytest.mark.parametrize("path, zh, en", [
    ("goods[0].name_cn", "第1项货物名称(中文)", "goods line 1 name (Chinese)"),
    ("goods[1].hs_code", "第2项货物HS编码", "goods line 2 HS code"),
    ("containers[0].number", "第1个集装箱号", "container 1 number"),
    ("containers[2].size_type", "第3个集装箱规格", "container 3 size-type code"),
    ("certificates[0].type", "第1种证单类型", "certificate 1 type"),
    ("attachments[0].file_name", "第1份随附单据文件名", "attachment 1 file name"),
    ("goods[0]", "第1项货物", "goods line 1"),
    ("consignee.name_cn", "收货人中文名称", "consignee Chinese name"),
])
def test_label_names_the_line_once(path, zh, en):
    assert label(path) == zh
    assert label(path, "en") == en


def test_no_list_label_repeats_its_list_noun():
    """Every item field of every list reads without a doubled word, in both languages."""
    for key in LABELS:
        if "[]." not in key:
            continue
        lst, field = key.split("[].", 1)
        path = f"{lst}[0].{field}"
        zh, en = label(path), label(path, "en")
        for word in ("货物", "集装箱", "证单", "单据"):
            assert word + word not in zh, path
        words = en.lower().split()
        assert all(a != b for a, b in zip(words, words[1:])), path
