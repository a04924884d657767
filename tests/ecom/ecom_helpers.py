"""Registrations the e-commerce tests file."""
from __future__ import annotations

#: a registrable product (HS 3304 cosmetics: ingredients required) from Korea
COSMETIC = {"kind": "product", "name_cn": "保湿面霜", "brand": "雪花秀", "spec": "50ml/瓶",
            "hs_code": "3304990099", "origin_country": "KOR", "gtin": "8801234567893",
            "ingredients": "水、甘油、丁二醇、人参提取物"}
#: on the negative list: category 2 (HS 0302 fresh fish)
FRESH_FISH = {"kind": "product", "name_cn": "鲜三文鱼", "brand": "Nordic", "spec": "2kg/条",
              "hs_code": "0302140000", "origin_country": "NOR", "gtin": "7012345678908",
              "ingredients": "大西洋鲑"}
OPERATOR = {"kind": "operator", "role": "ecommerce_operator", "name_cn": "上海华信电子科技有限公司",
            "uscc": "91310115607200113D", "contact": "王敏", "phone": "021-55550000"}
