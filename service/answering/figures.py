"""What counts as a figure in a policy text: amounts, shares, counts, durations (and "free of charge")."""

from __future__ import annotations

import re

FIGURE = re.compile(
    r"\d[\d.,]*\s*(?:万美元|万元|亿元|万|亿|元|%|倍|亩|家|个工作日|个月|个|名|P|年|日|天|次)"
    r"|百分之[一二三四五六七八九十]+|[一二三四五六七八九十]+(?:亿元|万元|年|个工作日)"
)
NO_CHARGE = re.compile(r"不收取|免费|无需缴纳|不收费")
