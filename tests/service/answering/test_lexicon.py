"""The lexicons are data derived from the corpus: every target occurs in the compilation's text."""

from __future__ import annotations

import pytest

from corpus.library import Corpus
from corpus.text import compact
from service.answering import lexicon


@pytest.fixture(scope="module")
def corpus_text() -> str:
    corpus = Corpus.load()
    bodies = [corpus.source_of(d).body for d in corpus.with_text()]
    return compact(" ".join([corpus.toc_text, *bodies])).lower()


@pytest.mark.parametrize("table", [lexicon.english, lexicon.spoken, lexicon.topics])
def test_every_target_occurs_in_the_compilation(table, corpus_text: str) -> None:  # type: ignore[no-untyped-def]
    loaded = table()
    assert len(loaded.entries) > 100, loaded.name
    missing = sorted(t for t in loaded.targets() if compact(t).lower() not in corpus_text)
    assert missing == [], f"{loaded.name}: targets not in the corpus: {missing[:20]}"


def test_every_toc_title_is_reached_by_the_topics_lexicon() -> None:
    targets = {t for targets in lexicon.topics().entries.values() for t in targets}
    for doc in Corpus.load().documents.values():
        assert any(t in doc.title for t in targets), doc.title


def test_english_keys_match_whole_words_longest_first() -> None:
    table = lexicon.Lexicon("t", {"ai": ("人工智能",), "rent subsidy": ("房租补贴",), "rent": ("租金",)})
    assert table.expand("She said the rent subsidy is capped") == ["房租补贴"]
    assert table.expand("AI companies pay rent") == ["人工智能", "租金"]
    assert table.expand("plain words only") == []


def test_a_negation_key_is_no_negation_inside_an_a_not_a_question() -> None:
    table = lexicon.Lexicon("t", {"不能": ("不得",), "不可以": ("不得",)})
    assert table.expand("评审专家不能参加吗") == ["不得"]
    assert table.expand("能不能自己直接报") == []
    assert table.expand("可不可以自己报") == []


def test_spoken_prohibitions_read_as_the_rules_own_wording() -> None:
    # the compilation forbids with 不得 and takes part with 参与 ("不得参与相关项目的评审")
    assert "不得" in lexicon.spoken().expand("哪些人不能参加评审")
    assert "参与" in lexicon.spoken().expand("哪些人不能参加评审")
    # moving in, said as people say it
    assert "新迁入" in lexicon.spoken().expand("我们刚从外区迁到滨江")
    assert "固定资产投资" in lexicon.spoken().expand("今年固投目标多少")
    assert "知识产权质押" in lexicon.spoken().expand("用专利质押贷款")


@pytest.mark.parametrize(
    ("question", "wording"),
    [
        ("What happens if a winner faked data?", "虚假数据"),
        ("Is the special-and-new policy still valid?", "专精特新"),
        ("How much for a company that lists on the main board?", "境内上市"),
        ("We are an industrial company with RMB 900 million revenue.", "工业"),
        ("What does the review office of the standard award do?", "评审办"),
        ("Does a company on the serious dishonesty list qualify?", "严重违法失信主体名单"),
        ("Can an individual apply for the award directly?", "自主申报"),
        ("Is there a reward when revenue grows three straight years?", "连续"),
        ("Is there support for a copyright deal on original IP?", "版权交易"),
        ("Is there support for a copyright deal on original IP?", "原创IP"),
        ("What is the yearly industrial support budget?", "产业扶持资金"),
        # an award's name with "prize" for "award"
        ("How long is the notice period for the standards innovation prize?", "标准创新奖"),
        # the policy's 双引擎 said in other words
        ("What did the twin-engine plan promise for listing?", "双引擎"),
        ("How much land does the two engines policy set aside?", "双引擎"),
        ("Is the diagnosis by a digital service provider free?", "诊断"),
    ],
)
def test_everyday_english_reaches_the_compilations_wording(question: str, wording: str) -> None:
    assert wording in lexicon.english().expand(question)


def test_one_character_chinese_keys_are_not_loaded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "spoken.tsv"
    path.write_text("厂\t工厂\n写字楼\t办公用房\n# comment\n", encoding="utf-8")
    table = lexicon.Lexicon.load(path)
    assert table.expand("我们的厂在写字楼里") == ["办公用房"]


def test_a_doc_number_is_no_language() -> None:
    assert lexicon.is_english("What is 区党委〔2019〕25号 about?")
    assert not lexicon.is_english("区党委〔2019〕25号是什么文件?")


def test_award_names_are_the_specific_supports() -> None:
    names = lexicon.award_names()
    assert {"房租补贴", "算力补贴", "场租费补贴", "展位费补贴"} <= names
    # words for any support name none
    assert not names & {"一次性奖励", "专项奖励", "奖金", "一次性补助", "政策补助"}


def test_places_outside_the_district() -> None:
    assert set(lexicon.other_places("上海张江的政策")) == {"上海", "张江"}
    assert lexicon.other_places("滨江的总部企业") == []


def test_a_hyphen_between_letters_reads_as_a_space() -> None:
    english = lexicon.english()
    assert dict(english.matches("The dual-engine policy"))["dual engine"] == ("双引擎",)
    assert lexicon.normalise_key("Dual-Engine 区党委〔2019〕25号-附则") == "dual engine 区党委〔2019〕25号-附则"


def test_british_spellings_read_as_the_glossarys_american_ones(tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "t.tsv"
    table.write_text("research center\t研究中心\nnewly recognized\t新认定\nenterprise\t企业\n", encoding="utf-8")
    loaded = lexicon.Lexicon.load(table)
    keys = [key for key, _ in loaded.matches("Newly recognised research centres of an enterprise")]
    # both sides read alike, so a word the rule misreads ("enterprise") still meets its key
    assert keys == ["newly recognized", "research center", "enterprize"]
    assert lexicon.normalise_key("the Labour Programme licence") == "the labor program license"
    # plurals and agent nouns of the -ise family too
    assert lexicon.normalise_key("organisations, organisers") == "organizations, organizers"


@pytest.mark.parametrize(
    ("spoken", "corpus_kind"),
    [
        ("律所", "律师事务所"),
        ("会计所", "会计师事务所"),
        ("研究所", "科研院所"),
        ("大学", "高校"),
        ("保险公司", "保险机构"),
    ],
)
def test_short_names_of_kinds_of_organisation_reach_the_compilations_wording(spoken: str, corpus_kind: str) -> None:
    assert corpus_kind in lexicon.spoken().expand(f"那{spoken}呢?")


@pytest.mark.parametrize("spoken", ["准备上市", "筹备IPO", "冲刺ipo", "打算上市"])
def test_a_company_about_to_list_is_the_compilations_listing_candidate(spoken: str) -> None:
    assert "拟上市" in lexicon.spoken().expand(f"我们公司在{spoken},有什么奖励?")


def test_every_sector_a_policy_fact_is_for_has_an_english_gloss(corpus_text: str) -> None:
    from service.answering import fact_terms

    keywords = {k for t in fact_terms.of_kind("industry") for k in t.keywords if compact(k).lower() in corpus_text}
    targets = lexicon.english().targets()
    missing = sorted(k for k in keywords if not any(k in t for t in targets))
    assert missing == [], f"sector words with no English key reaching them: {missing}"


def _inflected(key: str, keys: set[str]) -> list[str]:
    """The glossary's keys that are ``key`` in another number or inflection (-s, -es, -d, -ed, -ies, -ied)."""
    *head, last = key.split(" ")
    forms = {last + "s", last + "es", last + "d", last + "ed"}
    if last.endswith("y"):
        forms |= {last[:-1] + "ies", last[:-1] + "ied"}
    return [" ".join([*head, f]) for f in forms if " ".join([*head, f]) in keys]


def test_a_word_reads_the_same_in_any_number_or_inflection() -> None:
    # "policy" and "policies", "qualify" and "qualified": how a question inflects a word is incidental
    entries = lexicon.english().entries
    keys = set(entries)
    differ = [
        (key, other) for key in keys for other in _inflected(key, keys) if set(entries[key]) != set(entries[other])
    ]
    assert differ == []


def test_an_english_abbreviation_reads_as_the_glossarys_long_form() -> None:
    from service.answering import lexicon

    english = lexicon.english()
    assert english.expand("Are we an industrial HQ?") == english.expand("Are we an industrial headquarters?")
    assert "销售型总部" in english.expand("two sales HQs")


def test_english_words_of_winning_and_publishing_an_award_read_as_the_texts_own() -> None:
    from service.answering import lexicon

    english = lexicon.english()
    # the texts name who won as 获奖 (获奖组织, 获奖个人) and showing the list as 公示
    assert "获奖" in english.expand("If we win the award, what do we get?")
    assert {"获奖", "个人"} <= set(english.expand("What does an individual winner get?"))
    assert {"公示", "拟授奖名单"} <= set(english.expand("Is the list of winners made public?"))


def test_english_verbs_of_reviewing_an_application_read_as_its_nouns() -> None:
    from service.answering import lexicon

    english = lexicon.english()
    # "evaluating applications", "how are they reviewed / assessed" ask about the texts' 评审
    for question in ("steps in evaluating applications", "How are applications reviewed?", "Who assessed it?"):
        assert "评审" in english.expand(question), question


def test_english_words_for_a_contact_an_office_and_a_currency_conversion_read_as_the_texts_own() -> None:
    english = lexicon.english()
    # 服务专员/联络专员 (an assigned contact), the office that 牵头实施 a policy, and 汇率折算 of foreign capital
    assert "服务专员" in english.expand("Will we have a point of contact?")
    assert "牵头实施" in english.expand("Which district bureau oversees this?")
    assert "折算" in english.expand("How is USD capital converted?")
    assert "办公用房" not in english.expand("Which government office handles it?")


def test_english_words_of_applying_oneself_or_through_the_employer_read_as_the_texts_own() -> None:
    english = lexicon.english()
    # the texts' 自主申报 (applying by oneself) and 单位推荐 / 所在单位 (nominated by one's employer)
    for question in ("Can we put ourselves forward?", "May I apply on my own?", "Can she apply directly?"):
        assert "自主申报" in english.expand(question), question
    assert {"单位推荐", "所在单位"} <= set(english.expand("Must it go through my employer?"))


@pytest.mark.parametrize("spoken", ["交钱", "交费", "收费", "收钱"])
def test_paying_a_fee_reads_as_the_texts_charging_of_fees(spoken: str) -> None:
    assert "收取" in lexicon.spoken().expand(f"评审要{spoken}吗?")


@pytest.mark.parametrize("place", ["我们这里", "我们这边", "我们这儿"])
def test_we_here_is_the_district_but_our_kind_or_trade_is_not(place: str) -> None:
    assert "我区" in lexicon.spoken().expand(f"{place}对新引进的企业有房租补贴吗?")
    for own in ("我们这行算不算重点产业?", "银行给我们这种科技公司放贷有补贴吗?", "我们这家公司能申报吗?"):
        assert "我区" not in lexicon.spoken().expand(own)


def test_a_place_inside_a_name_the_lexicons_read_is_no_other_place() -> None:
    from service.answering.lexicon import other_places

    # an exchange is where the district's companies list, not another government
    assert other_places("We want to list on the Shenzhen Stock Exchange.") == []
    assert other_places("上海证券交易所上市奖励多少?") == []
    assert other_places("How much does Shenzhen give for listing?") == ["shenzhen"]
    assert "上海" in other_places("上海张江对小巨人奖多少?")


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # 上海 only straddles 够得上|海外: the question is about the district's own overseas-market reward
        ("我们出口额够得上海外拓市奖励的门槛吗?", []),
        ("上海的公司能申请吗?", ["上海"]),
        # a place that opens a longer name is still that place
        ("余杭区对企业上市奖励多少?", ["余杭"]),
        ("苏州工业园区认定总部企业的门槛是多少?", ["苏州"]),
    ],
)
def test_a_place_is_named_only_where_it_starts_or_ends_a_word(text: str, places: list[str]) -> None:
    assert lexicon.other_places(text) == places


def test_an_english_how_long_asks_a_period_and_names_no_topic() -> None:
    from service.answering.plan import Asked, plan_query

    plan = plan_query("How long does the public notice of the award shortlist last?", [], Corpus.load())
    assert Asked.PERIOD in plan.asked
    # the asking words are no topic word: nothing makes a policy's own 有效期 look like the topic
    assert all("有效期" not in c.alternatives for c in plan.concepts), plan.concepts


def test_a_key_ending_in_e_reads_its_ing_form_without_the_e() -> None:
    # "migrating" is "migrate"; "trial" is the texts' 试用期
    assert "迁移" in lexicon.english().expand("Will anyone help with migrating our models?")
    assert "试用期" in lexicon.english().expand("Can we trial the compute platform before paying?")
    # never inside a longer word
    assert "迁移" not in lexicon.english().expand("emigrating staff")


def test_words_joining_the_parts_of_a_question_are_no_topic() -> None:
    from service.answering.plan import concepts_of

    # "另外" (besides) and "此外" only join a second question to the first: never a rare topic word
    keys = {c.key for c in concepts_of("总部企业租房补助多少?另外,购房补助最高多少?此外还有人才房吗?", "zh")}
    assert "另外" not in keys and "此外" not in keys and "总部" in keys, keys


def test_an_english_self_description_is_read_as_the_glossary_reads_keys() -> None:
    from service.answering.plan import self_described

    question = "We are a new-energy equipment maker. How much is the overseas market award?"
    assert self_described(question, ["new energy", "overseas market"]) == {"new energy"}


def test_a_share_word_before_the_askers_own_figure_asks_nothing() -> None:
    from service.answering.plan import Asked, asked_kinds

    assert Asked.RATIO not in asked_kinds("研发占比正好15%,能认定吗?")
    assert Asked.RATIO not in asked_kinds("研发投入占比已经达到12%,够不够?")
    assert Asked.RATIO in asked_kinds("研发占比要求是百分之几?")
