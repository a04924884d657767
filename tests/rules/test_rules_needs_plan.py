"""The need functions' contract (``client/ciq/requirements.py``), which ``line_missing``'s
plans rely on: WHETHER a function of ``NEEDS`` lists items, and how many, depends only on
the line's catalogue row, the direction and the goods attributes; licences, attachments,
the producer and the dangerous-goods data decide only each item's ``present``."""
from __future__ import annotations

import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from client.ciq.lookup import ciq_lookup
from client.codes import default_codebook
from client.model import Attachment, Dangerous, Licence, Producer
from client.rules.sample import sample_declaration

REQ = sys.modules["client.ciq.requirements"]
CB = default_codebook()
LK = ciq_lookup(CB)
ROWS = [None, *sorted({id(e): e for e in (*LK._prefix.values(), *LK._exact.values())}.values(),
                      key=lambda e: e.match)]
ATTRS = ["11", "12", "13", "14", "15", "31", "32", "33", "19"]
LICS = ["325", "519", "517", "411", "410", "425", "426", "518", "999"]


def _lengths(decl, entry, named):
    c = REQ._Ctx(CB, LK, decl, 0, decl.goods[0], entry, named)
    return [len(fn(c)) for fn in REQ.NEEDS.values()]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ROWS), st.sampled_from(["inbound", "outbound", None, "sideways"]),
       st.lists(st.sampled_from(ATTRS), max_size=3),
       st.lists(st.tuples(st.sampled_from(LICS), st.sampled_from(["N-1", "", " ", None])),
                max_size=4),
       st.lists(st.sampled_from(["101006", "101007", "101001", "999999"]), max_size=2),
       st.sampled_from([None, Producer(name="P", reg_no="3100/1"), Producer(name="P")]),
       st.sampled_from([None, Dangerous(un_no="1005", class_="2.3", pack_category="4"),
                        Dangerous(un_no=" ")]),
       st.sampled_from([None, "310120261234567890"]), st.booleans())
def test_what_a_need_lists_depends_only_on_row_direction_and_attributes(
        entry, direction, attrs, lics, atts, producer, dangerous, clearance, named):
    bare = sample_declaration("outbound" if direction == "outbound" else "inbound", 1)
    bare.direction = direction
    g = bare.goods[0]
    g.goods_attributes, g.licences, g.producer, g.dangerous = list(attrs), [], None, None
    bare.attachments, bare.clearance_doc_no = [], None
    want = _lengths(bare, entry, named)
    g.licences = [Licence(t, n) for t, n in lics]
    g.producer, g.dangerous = producer, dangerous
    bare.attachments = [Attachment(type=t, file_name=f"{t}.pdf", sha256="a" * 64, size=4)
                        for t in atts]
    bare.clearance_doc_no = clearance
    assert _lengths(bare, entry, named) == want
