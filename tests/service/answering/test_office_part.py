"""A question in parts, one asking which office runs the policy: that part's run names the implementing body."""

from __future__ import annotations


def test_the_office_part_is_answered_by_who_implements_not_by_the_questions_verb(qa) -> None:  # type: ignore[no-untyped-def]
    # "牵头落实" is asked; "快捷落实人才购房补贴" shares the verb, "本办法由…领导小组牵头实施" answers
    answer = qa.ask("总部企业这块政策是哪个单位牵头落实的?认定下来以后给发什么凭证?", [])
    lead = answer.answer.splitlines()[0]
    assert "总部经济发展工作领导小组" in lead and "证书" in lead
    assert "人才购房" not in lead
