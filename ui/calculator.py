"""The 政策计算器 tab: a company-profile form, the verdict table from POST /api/eligibility, and the cited page.

Each row of the table (符合 / 需补充信息 / 不符合) opens its printed page with the fact's quote marked.
Hooked into the UI by one line in ui/app.py: ``calculator.add_tab(settings, api)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Any

import gradio as gr

from service.answering.quantities import format_amount
from service.models import Citation
from service.settings import Settings
from ui import render
from ui.client import ApiError, PolicyApi

KINDS = ["总部企业", "专精特新企业", "人工智能企业", "科技型中小企业", "文化企业"]
STARS = [("未评星级", 0), ("三星级", 3), ("四星级", 4), ("五星级", 5)]
ZJTX = ["", "创新型中小企业", "省级专精特新", "隐形冠军", "小巨人", "单项冠军"]
LISTING = ["", "未上市", "拟上市", "新三板挂牌", "成长板挂牌", "境内上市", "境外上市"]
# form field -> (label, placeholder) for the amounts; each accepts 12亿 / 3000万 / 15% / a number of 元
AMOUNTS = {
    "revenue": ("上年度营业收入", "例如 12亿"),
    "rd_spend": ("上年度研发费用", "例如 6000万"),
    "rd_share": ("研发费用占营收比例", "例如 15%(可不填,自动计算)"),
    "paid_in_capital": ("实到注册资本(人民币)", "例如 3亿"),
    "paid_in_capital_usd": ("实到注册资本(美元)", "例如 500万美元"),
    "revenue_growth": ("近3年营收年均增幅", "例如 12%"),
    "output_value": ("产值", "例如 5亿"),
    "rd_spend_increase": ("年度新增研发费用", "例如 300万"),
}
# less common figures, in a folded section of the form
MORE_AMOUNTS = {
    "retail_sales": ("年度社零总额", "例如 1.2亿"),
    "export_value_usd": ("年出口额(美元)", "例如 600万美元"),
    "vc_investment": ("累计获得创投投资", "例如 1500万"),
    "acquisition_value": ("重大资产收并购金额", "例如 6亿"),
    "contract_value": ("算力等服务合同金额", "例如 300万"),
    "tech_contract_value": ("年度输出技术合同交易额", "例如 3000万"),
    "project_investment": ("项目投入/项目投资额", "例如 3000万"),
    "platform_trade_value": ("交易平台年交易额(非关联企业)", "例如 5亿"),
    "annual_rent": ("办公用房年租金", "例如 400万"),
    "purchase_price": ("首次购置办公用房的购房价", "例如 2亿"),
    "loan_amount": ("银行贷款额(贴息按它和基准利率计)", "例如 3000万"),
    "benchmark_rate": ("该笔贷款的银行基准利率", "例如 4.35%"),
    "growth_over_average": ("社零增幅高于全区平均增幅的百分点数", "例如 6"),
    "event_spend": ("促消费活动实际投入", "例如 80万"),
    "venue_rent": ("举办展会或峰会的场租费", "例如 150万"),
    "copyright_trade_value": ("版权交易额(入驻作家所设企业)", "例如 500万"),
    "dataset_income": ("数据集单次流通收益", "例如 200万"),
    "credit_loan_increase": ("银行:科技型企业信用贷款年度新增日均余额", "例如 2亿"),
    "guarantee_balance": ("担保公司:科技型企业日均担保余额", "例如 5亿"),
    "served_companies": ("平台对外服务企业数", "例如 60"),
    "dataset_users": ("调用数据集的区内非关联企业数", "例如 5"),
    "growth_rank": ("新增研发费用增幅全区排名", "例如 8 或 第8位"),
}
VERDICT_TONE = {"meets": ("符合", "ok"), "cannot_decide": ("需补充信息", "warn"), "fails": ("不符合", "bad")}
FIELD_NAMES = {
    "kinds": "企业类型",
    "industry": "所属行业",
    "star_rating": "总部星级",
    "zjtx_level": "专精特新层级",
    "listing_stage": "上市阶段",
    "recognitions": "已获认定/奖项",
    "原文所述条件": "原文所述条件(需人工核对)",
    **{k: v[0] for k, v in (AMOUNTS | MORE_AMOUNTS).items()},
}
_CSS = """
.pq-calc-summary { display: flex; gap: 8px; align-items: center; margin: 2px 0 8px; font-size: 13px; }
.pq-calc .pq-cond { font-size: 12.5px; color: #344054; }
.pq-calc .pq-cond { min-width: 200px; }
.pq-calc .pq-doc { min-width: 130px; max-width: 170px; }
.pq-calc .pq-src { white-space: nowrap; }
.pq-calc .pq-src .pq-badge { margin-left: 0; }
.pq-calc .pq-gives { min-width: 130px; }
.pq-calc .pq-amount { font-weight: 600; color: #146c2e; }
.pq-calc .pq-missing { color: #935f00; font-size: 12px; }
"""
_CALC_JS = """
element.addEventListener('click', (e) => {
  const row = e.target.closest('[data-row]');
  if (row) {
    element.querySelectorAll('.pq-row.pq-active').forEach(x => x.classList.remove('pq-active'));
    row.classList.add('pq-active');
    trigger('open', {row: +row.dataset.row});
  }
});
"""


def add_tab(settings: Settings, api: Callable[[gr.Request | None], PolicyApi]) -> None:
    """The 政策计算器 tab (call inside ``gr.Tabs()``)."""
    with gr.Tab("政策计算器 Calculator", id="calculator"):
        _tab(settings, api)


def _tab(settings: Settings, api: Callable[[gr.Request | None], PolicyApi]) -> None:
    results_state = gr.State([])
    gr.HTML(f"<style>{_CSS}</style>", padding=False)
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=300, elem_id="pq-calc-form"):
            kinds = gr.CheckboxGroup(KINDS, label="企业类型(已认定)", elem_id="pq-calc-kinds")
            industry = gr.Textbox(label="所属行业", placeholder="例如 软件和信息技术服务业", elem_id="pq-calc-industry")
            amounts = {
                key: gr.Textbox(label=label, placeholder=hint, elem_id=f"pq-calc-{key}")
                for key, (label, hint) in AMOUNTS.items()
            }
            with gr.Accordion("更多指标 More figures", open=False):
                amounts |= {
                    key: gr.Textbox(label=label, placeholder=hint, elem_id=f"pq-calc-{key}")
                    for key, (label, hint) in MORE_AMOUNTS.items()
                }
            with gr.Row():
                star = gr.Dropdown(STARS, value=0, label="总部星级", elem_id="pq-calc-star")
                zjtx = gr.Dropdown(ZJTX, value="", label="专精特新层级", elem_id="pq-calc-zjtx")
                listing = gr.Dropdown(LISTING, value="", label="上市阶段", elem_id="pq-calc-listing")
            recognitions = gr.Textbox(
                label="已获认定/奖项(逗号分隔)",
                placeholder="例如 省级企业研究院, 国家级重点实验室",
                elem_id="pq-calc-recog",
            )
            as_of = gr.Textbox(label="判断日期", value=settings.today().isoformat(), elem_id="pq-calc-asof")
            go = gr.Button("计算 Check", variant="primary", elem_id="pq-calc-go")
        with gr.Column(scale=7, min_width=640):
            table = gr.HTML(
                render.notice_html("填写企业情况(都可不填),点击“计算”,查看每项政策奖励是否符合;点击一行查看原文页。"),
                js_on_load=_CALC_JS,
                elem_id="pq-calc-results",
            )
        with gr.Column(scale=3, min_width=320):
            page = gr.HTML(
                '<div class="pq-pageview pq-pv-empty">点击结果表中的一行,在此查看原文页面(引文以黄色标出)。'
                "<br><span>Click a row to read its page, with the quote highlighted.</span></div>",
                elem_id="pq-calc-page",
            )

    form = {"kinds": kinds, "industry": industry, **amounts, "star_rating": star, "zjtx_level": zjtx}
    form |= {"listing_stage": listing, "recognitions": recognitions, "as_of": as_of}

    def calculate(values: dict[Any, Any], request: gr.Request) -> tuple[list[dict[str, Any]], str]:
        profile, when = profile_from_form({name: values.get(component) for name, component in form.items()})
        try:
            body = api(request).eligibility(profile, when or None)
        except ApiError as exc:
            return [], render.error_html(exc.message)
        results = list(body.get("results", []))
        return results, results_html(results, body.get("counts", {}), str(body.get("as_of", "")))

    go.click(calculate, set(form.values()), [results_state, table])

    def open_row(results: list[dict[str, Any]], evt: gr.EventData, request: gr.Request) -> str:
        data = getattr(evt, "_data", None) or {}
        try:
            citation = Citation.model_validate(results[int(data["row"])]["citation"])
        except (KeyError, IndexError, TypeError, ValueError):
            return render.error_html("找不到这一行,请重新计算。")
        try:
            text = api(request).page(citation.doc_no, citation.printed_page)
        except ApiError as exc:
            return render.error_html(exc.message)
        return render.page_view_html(text, citation)

    table.open(open_row, [results_state], page)


def profile_from_form(values: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    """The CompanyProfile JSON from the form's values (blank fields left out) and the date to judge on."""
    profile: dict[str, Any] = {}
    if values.get("kinds"):
        profile["kinds"] = list(values["kinds"])
    for key in ("industry", *AMOUNTS, *MORE_AMOUNTS):
        text = str(values.get(key) or "").strip()
        if text:
            profile[key] = text
    if values.get("star_rating"):
        profile["star_rating"] = int(values["star_rating"])
    for key in ("zjtx_level", "listing_stage"):
        if values.get(key):
            profile[key] = values[key]
    held = str(values.get("recognitions") or "").replace(",", ",")
    if held.strip():
        profile["recognitions"] = [r.strip() for r in held.split(",") if r.strip()]
    return profile, str(values.get("as_of") or "").strip()


def results_html(results: list[Mapping[str, Any]], counts: Mapping[str, Any], as_of: str) -> str:
    """The verdict table: one row per fact, its conditions compared, what it gives and where it is printed."""
    if not results:
        return render.notice_html("没有可判断的政策条目。")
    summary = "".join(
        f'<span class="pq-badge pq-{tone}">{label} {int(counts.get(key, 0))}</span>'
        for key, (label, tone) in VERDICT_TONE.items()
    )
    rows = [_row(i, r) for i, r in enumerate(results)]
    head = "<tr><th>结果</th><th>政策 / 奖项</th><th>条件对照</th><th>可获支持</th><th>出处 · 效力</th></tr>"
    return (
        f'<div class="pq-calc"><div class="pq-calc-summary">截至 {escape(as_of)}:{summary}'
        '<span class="pq-sub">点击一行查看原文页</span></div>'
        f'<div class="pq-scroll"><table class="pq-table pq-results"><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></div>"
    )


def _row(i: int, r: Mapping[str, Any]) -> str:
    label, tone = VERDICT_TONE.get(str(r.get("verdict")), ("?", "muted"))
    c = r.get("citation") or {}
    conditions = "".join(
        f"<div>{escape(str(x.get('condition', '')))}:{escape(str(x.get('detail', '')))}</div>"
        for x in r.get("conditions") or []
    )
    missing = [FIELD_NAMES.get(str(m), str(m)) for m in r.get("missing") or []]
    if missing:
        conditions += f'<div class="pq-missing">需补充:{escape("、".join(missing))}</div>'
    amount = r.get("estimated_amount")
    estimate = f'<div class="pq-amount">最多约 {escape(_yuan(amount))}</div>' if amount else ""
    title = escape(str(c.get("title", "")), quote=True)
    source = (
        f'<div class="pq-docno" title="《{title}》">{escape(str(c.get("doc_number", "")))}</div>'
        f'<div class="pq-sub">第{escape(str(c.get("printed_page", "")))}页</div>'
        f"{render.validity_badge(str(r.get('validity', 'unknown')))}"
    )
    return (
        f'<tr class="pq-row" data-row="{i}" title="点击查看原文页 · open the page">'
        f'<td class="pq-nowrap"><span class="pq-badge pq-{tone}">{label}</span></td>'
        f'<td class="pq-doc"><b>{escape(str(r.get("label", "")))}</b>'
        f'<div class="pq-sub">{escape(str(r.get("who", ""))[:30])}</div></td>'
        f'<td class="pq-cond">{conditions or "—"}</td>'
        f'<td class="pq-gives">{escape(str(r.get("gives", "")))}{estimate}</td>'
        f'<td class="pq-src">{source}</td></tr>'
    )


def _yuan(amount: object) -> str:
    try:
        return format_amount(Decimal(str(amount)), "元")
    except InvalidOperation:
        return str(amount)
