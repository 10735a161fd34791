"""Questions in parts and their refusals: an office part names who implements, a tax part names the tax."""

from __future__ import annotations


def test_the_office_part_is_answered_by_who_implements_not_by_the_questions_verb(qa) -> None:  # type: ignore[no-untyped-def]
    # "牵头落实" is asked; "快捷落实人才购房补贴" shares the verb, "本办法由…领导小组牵头实施" answers
    answer = qa.ask("总部企业这块政策是哪个单位牵头落实的?认定下来以后给发什么凭证?", [])
    lead = answer.answer.splitlines()[0]
    assert "总部经济发展工作领导小组" in lead and "证书" in lead
    assert "人才购房" not in lead


def test_a_tax_refusal_names_the_tax_asked_about(qa) -> None:  # type: ignore[no-untyped-def]
    # the purchase subsidy is the compilation's; the deed tax on the purchase is national tax law's
    answer = qa.ask("我们总部企业刚在滨江买了办公楼,契税能减免多少?", [])
    assert answer.status.value == "not_found"
    assert "「契税" in answer.answer and "国家税法" in answer.answer
