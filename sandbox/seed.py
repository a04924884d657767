"""Demo data seeded on first start: one enterprise per credit grade and a broker.

All logins use the password ``demo123``. USCCs are valid GB 32100-2015 codes (the embedded
organisation code carries its GB 11714 check character too).
"""
from __future__ import annotations

import hashlib
import hmac
import os

from sqlalchemy import insert, select
from stdnum.cn import uscc as _uscc

from . import db

DEMO_PASSWORD = "demo123"

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_ALPHA = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def org_code(base8: str) -> str:
    """GB 11714 organisation code: 8 characters + check character."""
    total = sum(_ORG_ALPHA.index(c) * w for c, w in zip(base8, _ORG_WEIGHTS))
    c = 11 - total % 11
    check = "X" if c == 10 else "0" if c == 11 else str(c)
    return base8 + check


def make_uscc(division: str, org8: str, prefix: str = "91") -> str:
    """A valid 18-character USCC: ``91`` (enterprise) + division + org code + check."""
    body = prefix + division + org_code(org8)
    full = body + _uscc.calc_check_digit(body)
    assert _uscc.is_valid(full), full
    return full


#: (username, role, grade, name_cn, name_en, reg_no, division, org8)
DEMO_ENTERPRISES = [
    ("aa@demo", "enterprise", "AA", "上海华信电子科技有限公司", "Shanghai Huaxin Electronics Co., Ltd.",
     "3100600001", "310115", "60720011"),
    ("a@demo", "enterprise", "A", "宁波海通进出口贸易有限公司", "Ningbo Haitong Import & Export Co., Ltd.",
     "3800600002", "330206", "71435022"),
    ("b@demo", "enterprise", "B", "苏州恒瑞机械制造有限公司", "Suzhou Hengrui Machinery Co., Ltd.",
     "3200600003", "320505", "82546033"),
    ("c@demo", "enterprise", "C", "广州南粤食品有限公司", "Guangzhou Nanyue Foods Co., Ltd.",
     "4400600004", "440106", "93657044"),
    ("d@demo", "enterprise", "D", "深圳鹏达物流有限公司", "Shenzhen Pengda Logistics Co., Ltd.",
     "4700600005", "440304", "54768055"),
    ("broker@demo", "broker", "A", "上海通关报检代理有限公司", "Shanghai Tongguan Customs Brokerage Co., Ltd.",
     "3100900006", "310104", "45879066"),
]
#: the broker files for these
BROKER_CLIENTS = {"broker@demo": ["aa@demo", "a@demo", "b@demo"]}


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    dk = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2 ** 14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${salt.hex()}${dk.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        algo, n, r, p, salt, dk = stored.split("$")
        if algo != "scrypt":
            return False
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n),
                             r=int(r), p=int(p), dklen=len(dk) // 2)
        return hmac.compare_digest(got.hex(), dk)
    except (ValueError, TypeError):
        return False


def seed(database: db.Database, now: float) -> bool:
    """Insert the demo enterprises unless present. Returns True when it seeded."""
    with database.write_lock, database.engine.begin() as conn:
        if conn.execute(select(db.enterprises.c.id).limit(1)).first() is not None:
            return False
        pw = hash_password(DEMO_PASSWORD)  # one hash (own salt) shared by the demo logins
        ids: dict[str, int] = {}
        for username, role, grade, cn, en, reg_no, division, org8 in DEMO_ENTERPRISES:
            res = conn.execute(insert(db.enterprises).values(
                username=username, password_hash=pw, role=role, name_cn=cn, name_en=en,
                reg_no=reg_no, uscc=make_uscc(division, org8), credit_grade=grade,
                credit_grade_updated_at=now))
            ids[username] = res.inserted_primary_key[0]
        for broker, clients in BROKER_CLIENTS.items():
            for c in clients:
                conn.execute(insert(db.broker_clients).values(broker_id=ids[broker],
                                                              client_id=ids[c]))
        return True
