"""The 政策计算器 tab's pieces without a server: the profile built from the form, the verdict table's HTML."""

from __future__ import annotations

from ui.calculator import profile_from_form, results_html


def test_profile_from_form_leaves_blank_fields_out() -> None:
    profile, as_of = profile_from_form(
        {
            "kinds": ["总部企业"],
            "industry": "  ",
            "revenue": " 12亿 ",
            "rd_spend": "",
            "star_rating": 0,
            "zjtx_level": "",
            "listing_stage": "境内上市",
            "recognitions": "省级企业研究院,国家级重点实验室, ",
            "as_of": "2026-12-01",
        }
    )
    assert profile == {
        "kinds": ["总部企业"],
        "revenue": "12亿",
        "listing_stage": "境内上市",
        "recognitions": ["省级企业研究院", "国家级重点实验室"],
    }
    assert as_of == "2026-12-01"


def test_results_table_escapes_and_names_missing_fields() -> None:
    row = {
        "verdict": "cannot_decide",
        "label": "<b>奖</b>",
        "who": "总部企业",
        "conditions": [{"condition": "上年度营业收入10亿元以上(含)", "detail": "未提供"}],
        "missing": ["revenue"],
        "gives": "500万元",
        "estimated_amount": "5000000",
        "citation": {"title": "意见", "doc_number": "区办〔2023〕12号", "printed_page": 13},
        "validity": "in_force",
    }
    html = results_html([row], {"meets": 0, "cannot_decide": 1, "fails": 0}, "2026-12-01")
    assert "&lt;b&gt;奖&lt;/b&gt;" in html and "<b>奖</b>" not in html
    assert "需补充:上年度营业收入" in html and "最多约 500万元" in html
    assert 'data-row="0"' in html and "需补充信息 1" in html and "第13页" in html
    assert "没有可判断" in results_html([], {}, "2026-12-01")
