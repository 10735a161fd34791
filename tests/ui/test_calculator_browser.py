"""The 政策计算器 tab in headless Chromium: fill the form, read the verdict table, open a row's page.

Uses the server fixtures of test_browser.py (`policyqa serve` on a free port, or POLICYQA_UI_TEST_URL);
the screenshot goes to tests/artifacts/ui-5-calculator.png.
"""

from __future__ import annotations

import pytest
from test_browser import _shot, page, server_url  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _fill(page, elem_id: str, text: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.locator(f"#{elem_id} textarea, #{elem_id} input").first.fill(text)


def _choose(page, elem_id: str, option: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.locator(f"#{elem_id} input").first.click()
    page.get_by_role("option", name=option, exact=True).click()


def test_calculator_form_table_and_page(page) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.get_by_role("tab", name="政策计算器").click()
    page.locator("#pq-calc-kinds").get_by_label("总部企业").check()
    _fill(page, "pq-calc-industry", "软件和信息技术服务业")
    _fill(page, "pq-calc-revenue", "12亿")
    _fill(page, "pq-calc-paid_in_capital", "3亿")
    _choose(page, "pq-calc-star", "四星级")
    _fill(page, "pq-calc-asof", "2026-12-01")
    page.locator("#pq-calc-go").click()

    rows = page.locator("#pq-calc-results .pq-row")
    rows.first.wait_for(timeout=60_000)
    table = page.locator("#pq-calc-results").inner_text()
    for label in ("符合", "需补充信息", "不符合"):
        assert label in table
    met = page.locator("#pq-calc-results .pq-row", has_text="星级培育奖励(四星级)")
    assert "符合" in met.first.inner_text() and "200万元" in met.first.inner_text()
    assert "您的12亿元,达到" in table
    assert "信息传输、软件和信息技术服务业总部" in table

    met.first.click()
    mark = page.locator("#pq-calc-page mark").first
    mark.wait_for(timeout=30_000)
    assert "四星级" in mark.inner_text()
    assert "第13页" in page.locator("#pq-calc-page").inner_text()
    page.locator("#pq-calc-results").scroll_into_view_if_needed()
    _shot(page, "5-calculator")
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and '{"error"' not in body
