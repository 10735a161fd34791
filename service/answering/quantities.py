"""Amounts as printed in the policies and as users write them, turned into exact Decimals with one unit.

Money is normalised to 元 (万元 x 1e4, 亿元 x 1e8), dollars to 美元, shares stay in %, periods in 年,
land in 亩. A Quantity keeps the text it was read from, so every stored number can be found again verbatim.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, Field

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}

# unit as printed -> (normalised unit, multiplier)
UNITS: dict[str, tuple[str, Decimal]] = {
    "亿元": ("元", Decimal(10) ** 8),
    "亿": ("元", Decimal(10) ** 8),
    "万元": ("元", Decimal(10) ** 4),
    "万": ("元", Decimal(10) ** 4),
    "元": ("元", Decimal(1)),
    "万美元": ("美元", Decimal(10) ** 4),
    "美元": ("美元", Decimal(1)),
    "%": ("%", Decimal(1)),
    "\uff05": ("%", Decimal(1)),
    "个百分点": ("百分点", Decimal(1)),
    "年": ("年", Decimal(1)),
    "亩": ("亩", Decimal(1)),
    "家": ("家", Decimal(1)),
    "位": ("位", Decimal(1)),
    "P": ("P", Decimal(1)),
}
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
NUMBER = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
# a number, optional blanks, a unit ("10 亿元", "三年", "15%"); a range "5—10%" shares the unit
QUANTITY = re.compile(rf"(?P<num>{NUMBER})\s*(?:(?P<dash>[—~\uff5e至-])\s*(?P<num2>{NUMBER})\s*)?(?P<unit>{_UNIT_ALT})")


class Quantity(BaseModel):
    """An exact amount in a normalised unit, with the text it was read from."""

    value: Decimal = Field(description="In the normalised unit: 元, 美元, %, 百分点, 年, 亩, 家, P.")
    unit: str
    text: str = Field(description="The amount as printed, e.g. '10 亿元' or '三年' (verbatim in the quote).")

    def display(self) -> str:
        return format_amount(self.value, self.unit)


def chinese_number(text: str) -> Decimal | None:
    """一 -> 1, 十五 -> 15, 三百 -> 300, 一千 -> 1000; digits pass through; None when it is not a number."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    if not text or any(ch not in CN_DIGITS and ch not in CN_UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
    return Decimal(total + (digit or 0))


def quantity(number: str, unit: str, text: str) -> Quantity | None:
    value = chinese_number(number)
    if value is None or unit not in UNITS:
        return None
    normalised, factor = UNITS[unit]
    return Quantity(value=value * factor, unit=normalised, text=text)


def quantities(text: str) -> list[tuple[re.Match[str], Quantity]]:
    """Every amount in ``text`` with its match (a range "5—10%" gives its upper bound; see ``ranges``)."""
    out = []
    for m in QUANTITY.finditer(text):
        number = m.group("num2") or m.group("num")
        q = quantity(number, m.group("unit"), m.group(0).strip())
        if q is not None:
            out.append((m, q))
    return out


def range_of(match: re.Match[str]) -> tuple[Quantity, Quantity] | None:
    """The two ends of a printed range such as "5—10%", each keeping the whole range as its text."""
    if not match.group("num2"):
        return None
    text = match.group(0).strip()
    low = quantity(match.group("num"), match.group("unit"), text)
    high = quantity(match.group("num2"), match.group("unit"), text)
    return (low, high) if low is not None and high is not None else None


def format_amount(value: Decimal, unit: str) -> str:
    """1200000000 元 -> 12亿元, 2000000 元 -> 200万元, 15 % -> 15%, 3 年 -> 3年, 5 百分点 -> 5个百分点."""
    if unit in ("元", "美元"):
        for factor, name in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
            if abs(value) >= factor:
                return f"{_plain(value / factor)}{name}{unit}"
        return f"{_plain(value)}{unit}"
    if unit == "%":
        value = value.quantize(Decimal("0.01")) if value != value.to_integral_value() else value
    if unit == "百分点":  # 5个百分点, as the texts write it
        return f"{_plain(value)}个{unit}"
    return f"{_plain(value)}{unit}"


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
