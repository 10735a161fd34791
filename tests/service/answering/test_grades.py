"""Grades of a graded award (星级, 等奖, letter 类, 级): what a question names, what a text lists, and a grade the
list lacks. Table-driven, no index."""

from __future__ import annotations

import pytest

from service.answering.grades import absent_grade, grade_families, label, question_grades, text_grades


@pytest.mark.parametrize(
    ("question", "lang", "grades"),
    [
        ("我们被评为二星级企业,有奖励吗?", "zh", (("star", "二"),)),
        ("拿了2星级能奖多少", "zh", (("star", "二"),)),
        ("省级科技进步奖三等奖奖多少?", "zh", (("level", "省"), ("rank", "三"))),
        ("在C类期刊上发论文奖多少?", "zh", (("class", "C"),)),
        # two values of one family set grades side by side: no single grade is asked
        ("四星级和五星级分别奖多少?", "zh", ()),
        ("What do we get for a four-star rating?", "en", (("star", "四"),)),
        ("Is there money for a second prize of the provincial science award?", "en", (("level", "省"), ("rank", "二"))),
        ("Our paper went to a class C venue, any reward?", "en", (("class", "C"),)),
        ("we got a paper into a ccf c journal any reward", "en", (("class", "C"),)),  # as speech input writes it
        # "a class" is an article, not a grade
        ("Is there a class of companies that gets rent help?", "en", ()),
        ("总部企业房租补贴多少?", "zh", ()),
        # the compilation's own province or city before a kind is its level; before a star rating, or as the
        # government that gives ("杭州市对…"), it is not
        ("我们被评为浙江省雏鹰企业,奖多少?", "zh", (("level", "省"),)),
        ("杭州市雏鹰企业奖多少?", "zh", (("level", "市"),)),
        ("杭州市四星级总部企业奖多少?", "zh", (("star", "四"),)),
        ("杭州市对雏鹰企业奖多少?", "zh", ()),
        ("被杭州市评为雏鹰企业,奖多少?", "zh", ()),
        ("浙江省的雏鹰企业标准是什么?", "zh", ()),
    ],
)
def test_the_grades_a_question_names(question: str, lang: str, grades: tuple[tuple[str, str], ...]) -> None:
    assert question_grades(question, lang) == grades


def test_the_families_of_grade_a_question_names_with_any_number_of_values() -> None:
    assert grade_families("四星级和五星级分别奖多少?", "zh") == {"star"}
    assert grade_families("A类、B类人才房租补几年?", "zh") == {"class"}
    assert grade_families("What does a class B project get?", "en") == {"class"}
    assert grade_families("总部企业房租补贴多少?", "zh") == set()


def test_a_texts_enumerations_share_their_suffix() -> None:
    assert text_grades("获得一、二、三等奖的") == {"rank": ["一", "二", "三"]}
    assert text_grades("获得一至三等奖的") == {"rank": ["一", "二", "三"]}
    assert text_grades("申报国家、省、市级项目") == {"level": ["国家", "省", "市"]}
    assert text_grades("评为“五星级”“四星级”的") == {"star": ["五", "四"]}
    assert text_grades("发表于 A 类或 B 类期刊") == {"class": ["A", "B"]}


_STARS = "对首次评为“五星级”“四星级”“三星级”企业的,分别予以 300 万元、200 万元、100 万元奖励。"
_PRIZES = (
    "获得国家级奖项一、二等奖的,分别奖励 100 万元、50 万元;"
    "获得省级奖项一、二、三等奖的,分别奖励 30 万元、20 万元、10 万元。"
)


@pytest.mark.parametrize(
    ("asked", "quotes", "missing"),
    [
        ((("star", "二"),), [_STARS], ("star", "二")),
        ((("star", "三"),), [_STARS], None),
        # the level goes with the grade: the 省级 list has a 三等奖, the 国家级 one does not
        ((("level", "国家"), ("rank", "三")), [_PRIZES], ("rank", "三")),
        ((("level", "省"), ("rank", "三")), [_PRIZES], None),
        ((("level", "国家"), ("rank", "二")), [_PRIZES], None),
        # a quote that lists no grade of the family says nothing either way
        ((("star", "二"),), ["对新认定的企业给予 50 万元奖励。"], None),
        # a level alone is said of too many things to judge by
        ((("level", "市"),), ["对省级企业给予 20 万元奖励。"], None),
        # 各级 holds every level
        ((("level", "市"), ("rank", "一")), ["对各级一等奖给予奖励。"], None),
    ],
)
def test_a_grade_the_quoted_list_lacks(
    asked: tuple[tuple[str, str], ...], quotes: list[str], missing: tuple[str, str] | None
) -> None:
    found = absent_grade(asked, quotes)
    assert (found.asked if found else None) == missing


def test_the_grades_listed_are_named_as_the_text_orders_them() -> None:
    found = absent_grade((("star", "二"),), ["说明。", _STARS])
    assert found is not None and found.quote == 1 and found.named == ("五", "四", "三")
    assert [label(("star", v)) for v in found.named] == ["五星级", "四星级", "三星级"]
    assert label(("class", "B"), "en") == "class B" and label(("rank", "三"), "en") == "third prize"
    assert label(("star", "二"), "en") == "2-star"


def test_a_level_alone_is_judged_by_the_kind_it_rates() -> None:
    from service.answering.grades import absent_level, level_subject

    assert level_subject("被认定为区级“雏鹰”企业的,奖励多少?") == "雏鹰"
    assert level_subject("国家级和省级雏鹰企业各奖多少?") == ""  # two levels: side by side
    assert level_subject("我们被评为浙江省“雏鹰”企业,奖多少?") == "雏鹰"
    # what is said of the kind after it ("认定后", "以后") is not part of it
    assert level_subject("区级雏鹰中心认定后奖励多少?") == "雏鹰中心"
    # the place a spoken question names after the kind ("区里", "区内") is not part of it
    assert level_subject("市级雏鹰企业区里奖多少?") == "雏鹰"
    assert level_subject("区级雏鹰中心区内给多少?") == "雏鹰中心"
    assert level_subject("评上市级雏鹰企业以后能拿多少?") == "雏鹰"
    assert level_subject("国家级上市后备企业有奖励吗?") == "上市后备"
    listing = "对国家级雏鹰企业、省级雏鹰\n企业分别给予50万元、20万元奖励。"
    products = "对各级认定的雏鹰企业首台(套)产品给予最高10万元奖励。"
    found = absent_level("区", "雏鹰", [products, listing])
    assert found is not None and found.named == ("国家", "省") and found.quote == 1
    assert absent_level("省", "雏鹰", [products, listing]) is None
    # every level of the same kind holds the one asked; another kind rated at a level says nothing of it
    assert absent_level("区", "雏鹰", ["对各级认定的雏鹰企业给予奖励。"]) is None
    assert absent_level("区", "雏鹰", ["对省级瞪羚企业给予奖励。"]) is None
    # levels written together share one 级, or none: each of them is rated
    shared = "对新认定的国家、省级雏鹰企业,分别给予50万元、20万元奖励。"
    assert absent_level("国家", "雏鹰", [shared]) is None
    assert absent_level("国家", "雏鹰", ["对新认定的国家、省雏鹰企业分别给予50万元、20万元奖励。"]) is None
    found = absent_level("市", "雏鹰", [shared])
    assert found is not None and found.named == ("国家", "省")
    # ... or each its own 级 ("国家级、省级雏鹰企业"): the first level is rated too
    each = "鼓励申报省级重点雏鹰企业,对经认定的国家级、省级雏鹰企业分别给予50万元、20万元奖励。"
    assert absent_level("国家", "雏鹰", [each]) is None
    assert absent_level("国家", "雏鹰", ["对经认定的国家级和省级雏鹰企业给予奖励。"]) is None
    found = absent_level("市", "雏鹰", [each])
    assert found is not None and found.named == ("国家", "省")


def test_a_grade_the_asker_says_they_do_not_hold_is_not_asked() -> None:
    # "市级…,并不是省级的": the asker holds 市级; 省级 is named only to be denied
    assert question_grades("公司去年评上了市级专精特新,并不是省级的,区里一次性奖多少?", "zh") == (("level", "市"),)
    assert question_grades("我们是市级专精特新(还不是省级的),有奖励吗?", "zh") == (("level", "市"),)
    assert question_grades("市级和省级专精特新分别奖多少?", "zh") == ()


def test_a_familys_values_named_side_by_side_are_each_asked() -> None:
    # my own wordings
    from service.answering.grades import side_by_side_grades

    assert side_by_side_grades("一星级总部奖多少?比五星级少多少?", "zh") == (("star", "一"), ("star", "五"))
    assert side_by_side_grades("三星级总部奖多少?", "zh") == ()
