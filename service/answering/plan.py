"""Query understanding: normalisation, 文号 and document names, English glossary, follow-up rewriting."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

import opencc

from corpus.doc_numbers import bracket_spoken_doc_numbers, bracket_yearless_doc_numbers, find_doc_numbers
from corpus.library import Corpus
from corpus.text import compact, nfkc
from service.answering import lexicon
from service.answering.catalogue import (
    Catalogue,
    asks_about_document,
    asks_start_page,
    catalogue_request,
    checks_number,
)
from service.answering.comparisons import UserFigure, asked_metrics, parse_user_figures
from service.answering.figures import FIGURE, asks_budget, asks_yearly_cap, figure_key, figure_kind
from service.answering.grades import EN_LEVEL_WORD, Grade, level_subject, question_grades, side_by_side_grades
from service.answering.lexicon import QUESTION_NOISE, is_english, other_places
from service.answering.periods import (
    EN_NUMBER_WORDS,
    EN_NUMBERS,
    Elapsed,
    Started,
    elapsed_periods,
    planned_dates,
    started_dates,
    without_elapsed,
    without_english_beginnings,
)
from service.answering.quantities import chinese_number, format_amount
from service.answering.ranks import said_ranks
from service.models import Turn

# 问法 that ask for several documents side by side
_CROSSDOC = re.compile(
    r"有哪些支持|哪些扶持|有什么支持|各个|各政策|哪几个|哪些文件|哪几份|几个文件|几份|每个文件|都一样|哪些政策|几个政策|哪些规定|有几个"
    r"|\bwhich (?:policy )?(?:documents|policies)\b|\b(?:each|every) (?:policy|document)\b"
    r"|\b(?:documents|policies)\b[^?]*\brespectively\b"
    r"|\bhow many (?:policy )?(?:documents|policies)\b",
    re.I,
)
# counting words that may count the items of one document ("哪几个环节", "有几个", "各个阶段")
_COUNTS_WITHIN = re.compile(r"哪几个|有几个|各个|都一样")
_DOCUMENT_WORD = re.compile(r"\s*(?:文件|政策|份)")


def _within_one(question: str, named: list[int], doc_filter: list[int], corpus: Corpus) -> bool:
    """A question that names one loaded document and asks across documents only with a counting word
    ("区标准创新奖…要经过哪几个环节?") asks within that document."""
    docs = set(doc_filter) or set(named)
    if len(docs) != 1 or any(
        not _COUNTS_WITHIN.fullmatch(m.group()) or _DOCUMENT_WORD.match(question, m.end())
        for m in _CROSSDOC.finditer(question)
    ):
        return False  # (what it counts may be documents: "哪几个文件", "各个政策")
    doc = corpus.documents.get(next(iter(docs)))
    return doc is not None and doc.has_text


# the question sets two things side by side ("总部企业和专精特新企业的标准一样吗?", "…政策和…政策分别奖多少?"):
# with two documents named, a side-by-side question; "分别" alone is within one ("组织奖和个人奖分别几个名额?")
SETS_SIDE_BY_SIDE = re.compile(
    r"分别|各(?=自|奖|补|给|是|能|拿|有多少)|\brespectively\b|"
    # "the reward under the HQ policy and under the AI policy", "in the HQ rules and in the AI rules"
    r"\b(?:under|in|from|by)\s+(?:the\s+)?[^,.;?]{1,40}?\s+(?:and|or|vs\.?|versus)\s+(?:under|in|from|by)\s+the\b|"
    r"\beach(?: of them| one)?\s+(?:pays?|gives?|offers?|awards?|grants?|provides?)\b",
    re.I,
)
_COMPARES = re.compile(
    r"一样|相同|区别|不同|差别|差异|异同|\bdiffer|\bcompare|\bversus\b|\bvs\.?\b|"
    # (whether two agree: "标准是否一致?", "一致吗", "一不一致"; not "与…保持一致")
    r"是否一致|一致[吗么嘛]|一不一致|(?<!保持)不一致|\bconsistent\b|"
    # "the same as", "is it the same under…?", "the same amount": not "the same work" (which one is meant)
    r"\bsame\b(?!\s+(?:work|project|product|standard|company|firm|entity|application|item|thing|person|team|"
    r"patent|result|achievement|one)s?\b)|"
    # which of them gives more ("按哪个政策奖得多?", "哪边补得更多", "which policy pays more?")
    r"(?:哪个|哪边|哪份|哪一个|哪家)[^,,。??]{0,8}(?:[奖补给拿发]得|更)(?:更)?多|"
    r"\bwhich\b[^?.]{0,40}\b(?:pays?|gives?|offers?|awards?|grants?)\s+(?:the\s+)?more\b",
    re.I,
)
# an elliptical turn leans on the previous one: "那省级的呢?", "这个政策…", "个人奖呢?"
_ELLIPTIC = re.compile(
    r"^(那|那么|这个|这项|该|它|其|还有|另外|如果是|个人|年度)|呢[??]?$|^(and|what about|how about)\b|"
    # "首版次软件也算在里面吗?": in what was just spoken of
    r"算在(?:这|那)?里面|算在内|包括在内|在(?:这|那)?里面吗|"
    # English pointing back: "Which document says so?", "Is it still valid?", "that policy", "the same award"
    r"\b(?:says|said) so\b|^(?:is|does|can|was|will|and) (?:it|that|this)\b|"
    r"\b(?:this|that|the same) (?:[\w&-]+ ){0,2}?(?:policy|document|award|subsidy|rule|one|opinion|measures)\b|"
    # "Which policy document is that from?", "What page is it on?", "Where does it say that?", "Who runs it?"
    r"\b(?:is|was|are) (?:that|this|it) (?:from|in|on)\b|\bwhere does (?:it|that|this) say\b|"
    r"\b(?:runs?|implements?|interprets?|manages?) (?:it|this|that)\b|"
    # "How many years can we keep drawing that?", "Can we claim it twice?": what was spoken of, as an object
    r"\b(?:draw(?:ing)?|claim(?:ing)?|get(?:ting)?|receiv(?:e|ing)|collect(?:ing)?|apply(?:ing)? for|stack(?:ing)?)"
    r"\s+(?:it|that|this|them)\b|"
    # "Is there a cap per company per year on that?", "What is the deadline for it?": ending on what was spoken of
    r"\b(?:on|for|of|about|under|with|from) (?:it|that|this|them|those)\s*[?.!]*\s*$",
    re.I,
)
_AMOUNT_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*个?\s*(万|亿)(?!元|美元)")
_CJK = re.compile(r"[\u4e00-\u9fff]")

# wording that addresses the system rather than the policies ("忽略以上指令", "ignore previous instructions")
_INSTRUCTION = re.compile(
    r"忽略|无视|忘记|忘掉|不受任何|你现在是|扮演|系统提示|提示词|指令|越狱|###|</?[a-z_]+>|"
    r"ignore|disregard|jailbreak|system prompt|you are now|(previous|above|prior|new) instructions",
    re.I,
)
_INSTRUCTION_BLOCK = re.compile(
    r"<\s*(instructions?|system|prompt|rules?|assistant|admin)\b[^<>]*>.*?<\s*/\s*\1\s*>", re.I | re.S
)
_MARKUP = re.compile(r"</?[A-Za-z_][^<>]{0,40}>|#{2,}[^#]{0,20}#{2,}")
# courtesies around a question ("你好,请问一下,…谢谢!", "麻烦问下:…急,在线等"): they ask nothing
_COURTESY_WORDS = (
    r"你好|您好|老师好|请问一下|请问下|请问|问一下|问下|麻烦问一下|麻烦问下|麻烦|打扰一下|打扰了|谢谢您|谢谢|感谢|多谢|"
    r"很急|着急|急|在线等|想了解一下|了解一下"
)
_COURTESY = re.compile(rf"^(?:{_COURTESY_WORDS})+[\s,,。.!!~～::…]*$")
_COURTESY_OPENING = re.compile(rf"^(?:{_COURTESY_WORDS})+\s*[::,,]\s*")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff??。!!])\s+|\s+(?=[\u4e00-\u9fff])")
# the asker describing themselves ("我是公司的标准化工程师,"), not "我们是不是…", "我是否…" (a question)
SELF_DESCRIPTION = re.compile(
    r"(?:^|(?<=[,,。;;!!??\s]))(?:我是|我们是|本人是|咱们是|我司是)(?!不是|否)([^,,。;;??!!]{2,30})[,,。;;]?|"
    # "我们营收5000万,是专精特新企业,…": a clause of 是 that the question goes on after (not "…,是销售型总部吗?")
    r"(?<=[,,])(?:但|不过|而且|并且)?(?:在[^,,。;;??!!是]{1,12})?是(?!不是|否)([^,,。;;??!!吗]{2,30})[,,;;]|"
    # "我在区内一家企业工作,": where the asker works
    r"(?:^|(?<=[,,。;;!!??\s]))(?:我|本人)(?:目前|现在)?在([^,,。;;??!!]{2,20}?(?:工作|上班|任职))[,,。;;]"
)
# in English: "We are a small software company with…", "We're an accounting firm.", "As an HQ company, …"
SELF_DESCRIPTION_EN = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:we are|we're|i am|i'm|we run|i run|our company is|as)\s+(?:a|an|the)\s+"
    r"([^,.;:?!]{2,60}?)(?=\s+(?:with|that|which|who|and|in|based|located)\b|[,.;:?!]|$)|"
    # "Our animation studio sits in…": the asker's own firm, named by what it is, then where it is
    r"(?:^|(?<=[.!?]\s))our\s+([a-z][a-z -]{2,40}?)\s+(?:sits|is based|is located|operates|is registered)\b",
    re.I,
)
_CLAUSE = re.compile(r"(?:[^,,。;;!!??\n.]|\.(?=\d))+(?:[,,。;;!!??\n]|\.(?!\d))*|\.")
# words of titles that name no particular policy
_GENERIC_TITLE_WORDS = set(
    [
        "关于",
        "推动",
        "若干",
        "意见",
        "政策",
        "实施",
        "实施意见",
        "发展",
        "高质量",
        "杭州",
        "高新",
        "开发区",
        "滨江",
        "杭州高新区",
        "进一步",
        "一步",  # (jieba's piece of 进一步)
        "加快",
        "促进",
        "支持",
        "企业",
        "产业",
        "建设",
        "打造",
        "管理",
        "办法",
        "推进",
        "加强",
        "提升",
        "扶持",
        "新一代",
        "创新",
        "世界",
        "一流",
        "工作",
        "新时代",
        "深度",
        "融合",
        "区块",
    ]
)


class Asked(StrEnum):
    """The kind of fact a question asks for."""

    AMOUNT = "amount"
    RATIO = "ratio"
    COUNT = "count"
    DATE = "date"
    PERIOD = "period"
    CRITERION = "criterion"
    PROCEDURE = "procedure"
    DOCUMENT = "document"  # which document / 文号 / page
    YES_NO = "yes_no"
    OUTCOME = "outcome"  # what happened or will happen: results, statistics to date, future policy


# an amount asked in words of money
_MONEY_WORDS = re.compile(
    r"多少钱|几个?钱|多少(?:元|块)|费用?(?:标准)?(?:是|为)?多少|多少万|几万|几百万|几千万|金额|奖金|资金|"
    r"how much money|\bcash\b|\byuan\b|\brmb\b",
    re.I,
)
# how much a benefit gives ("奖励多少", "补贴标准是多少", "区里补多少"), not how many of something
_WORTH = re.compile(
    r"(?:奖励?|补贴|补助|资助|补|扶持|配套)(?:金额|标准)?(?:是|有|能有|能给|给)?多少(?![个家项次名年月天])"
)
# units of time: "多少个工作日" and "how many days" ask a period, not a count
_TIME_UNIT = r"(?:工作日|月|星期|礼拜)"
_TIME_UNIT_EN = r"(?:(?:working |business |calendar )?days?|weeks?|months?|years?)\b"
# whether a policy still applies, or the span it covers, asked in English ("can it still be applied for?", "What
# period do they cover?"): a date asked, and the document's own validity statement its answer (structure.py)
STILL_VALID_EN = (
    r"still (?:apply|available|open|possible|claim|get|receive)|still be (?:applied|used|claimed)|"
    r"\bwhat (?:time )?period\b[^.?!]{0,30}\bcover"
)
# Wording of each kind of question, Chinese (spoken forms included) and English: general question
# words, not the wording of particular questions.
# whether a policy is still followed ("还在执行", "仍然施行", "还照着执行", "还按这个文件执行"): a date asked, and
# whether it still applies
_STILL_FOLLOWED = (
    r"(?:还|仍)(?:在|然)?(?:照着?|按着?|按照|依照|遵照)?(?:这个|此|该)?(?:文件|政策|规定)?(?:执行|实施|施行|生效)"
)
_ASKED: dict[Asked, re.Pattern[str]] = {
    # 多少 alone asks an amount; 多少比例, 多少家, 多少年 ask the kind their word names, 文号是多少 a document
    Asked.AMOUNT: re.compile(
        r"多少钱|几个?钱|多少万|几[十百千]?(?:万|亿|块)(?![家人名个项])|几千(?:元|块)|(?:什么|啥|多少)价|价[格钱](?:是|大概|大约)?(?:多少|几)|金额|额度|奖金|最高|上限|封顶|最多|给多少|补多少|奖多少|拿多少|[奖补给拿发]得(?:更)?多|能拿(?![它这那着去来])(?![^,,。??]{0,10}?[去来](?:报|申|参|评))|(?<!文号是)(?<!文号)(?<!页码是)多少(?!比例|%|家|个|名|项|亩|宗|年|天|次|票)|怎么算|咋算|"
        r"how much|how (?:big|large)|amount|maximum|\bcap\b|up to|reward|subsid|grant|bonus|fund|pays? more|"
        # what a price, a wage or a fee is ("What is the monthly minimum wage?")
        r"\bwages?\b|\bsalar(?:y|ies)\b|\bfees?\b|\bprices?\b|"
        # "what is the most the district would pay?" (not "the most important…")
        r"\bthe most\b(?!\s+(?:important|common|recent|likely|popular|suitable|relevant|appropriate)\b)",
        re.I,
    ),
    # "几个点" (how many percentage points) asks a share, not a count
    Asked.RATIO: re.compile(
        r"比例|百分之[几多]?|几成|打?几折|打折|折扣|占比|多少%|(?:几|多少)个(?:百分)?点|"
        # ("rates them five-star" is a verb: the rating given, not a share)
        r"percent|share of|\bratios?\b|\brates?\b(?!\s+(?:them|it|us|you|him|her|me)\b)|proportion",
        re.I,
    ),
    Asked.COUNT: re.compile(
        rf"多少家|几家|(?:多少|几)个(?!{_TIME_UNIT}|点|百分点|钱)|(?:多少|几)票|多少宗|多少亩|多少名|多少项|"
        rf"how many(?! {_TIME_UNIT_EN})|number of",
        re.I,
    ),
    Asked.DATE: re.compile(
        r"什么时候|啥时候?|几时|何时|哪天|哪一天|哪年|哪一年|几号|几月份?(?!\s*[内里])|哪个月|到期|有效期|(?<!怎么)(?<!如何)(?<!怎样)(?:施行|生效)|起止|过期|失效|截止|还有效|一直有效|有效[吗么不]|有效(?:的)?吧|有效(?=\s*[一二三四五六七八九十两\d]+\s*个?年)|"
        r"还能(?:不能)?(?:按[^,,。??]{0,20}?)?(?:去)?(?:用|申请|申报|报|享受|拿(?!什么)|领|兑现|适用|执行|有效)|还适用|"
        + _STILL_FOLLOWED
        + r"|"
        # "when" asks when it opens a question ("When does it expire?", "by when…"), not in a clause that says
        # under which circumstances ("covers 80% of the cost when we rent compute")
        r"\bwhen(?=\s+(?:is|are|was|were|do|does|did|will|would|can|could|should|must|may|might|has|have|had)\b)|"
        r"\b(?:by|until|till|since|from) when\b|\bwhen\s*\?|\b(?:which|what) (?:year|date|day)\b|"
        r"\b(?:tell|know|ask|find out|wonder(?:ing)?|say|says|state|states|confirm)\s+(?:me\s+|us\s+)?when\b|"
        r"expire|\blaps(?:e|es|ed|ing)\b|valid|effective|in (?:force|effect)|deadline|"
        rf"{STILL_VALID_EN}|"
        # (not "…approve them before they take effect": when the rules start is no date asked)
        r"(?<!before they )(?<!before it )(?<!before )takes? effect|took effect|"
        r"\b(?:runs?|lasts?)\s+for\s+(?:\w+\s+)?years?\b|"
        r"c[oa]me into (?:force|effect)",
        re.I,
    ),
    Asked.PERIOD: re.compile(
        # "最早什么时候能再报?": when a waiting period ends (获奖后3年内不得再次申报)
        rf"最早(?:要到|得到|到)?(?:什么时候|啥时候|哪年|哪一年|何时|几时)|"
        rf"多久|多长时间|(?<=期)(?:有|是|为)?多长|期(?:有|是|为)多长|几年|期限|时限|(?:多少|几)个?(?!月){_TIME_UNIT}|(?:多少|几)个月|多少天|几天|"
        rf"how long|how soon|how quickly|how fast|within what|time frame|period|how many {_TIME_UNIT_EN}",
        re.I,
    ),
    Asked.CRITERION: re.compile(
        # 标准 as a noun asked about ("评定标准是什么?"), not as the first word of a name (标准创新奖, 标准必要专利,
        # 标准化) nor the standard itself ("标准的技术水平")
        r"条件|门槛|标准(?!(?:是|为|有)?多少|创新|必要|化|的|制定|研制|起草|体系|项目)|要求|资格|符合|够不够|够格|算不算|算.{1,12}吗|能不能认定|能认定|认定为|可以认定|认成|"
        r"criteria|requirement|eligib|qualif|threshold|condition|\bmeets?\b",
        re.I,
    ),
    Asked.PROCEDURE: re.compile(
        r"流程|程序|步骤|几步|几道(?:手续|关)|怎么办|咋办|(?:怎么|如何|怎样)处理|(?:哪些|哪几个|几个|什么|哪个|哪一个|评审|审批|申报)环节|(?:怎么|如何|怎样|去哪)(?:申请|申报|报名|报)|(?:怎么|如何|怎样)(?:去|才能)?(?:提出?(?![高升前醒示取])(?:异议|意见|申诉)?|投诉|反映|举报|办理)|找谁|哪个部门|哪个机构|哪个单位|交给|受理|(?<!新)材料|渠道|途径|"
        # who is in charge, in spoken words ("归谁管?", "谁负责?", "哪家牵头?")
        r"[归由]谁来?(?:负责|牵头|主管|管|审|批|受理)?|谁[来在]?(?:负责|牵头|主管|管|审|批|受理)|哪家(?:负责|牵头|受理)|"
        # where to look, apply or hand in ("去哪里看申报通知?", "在哪儿交材料?")
        r"(?:去|在|到)?哪(?:里|儿)(?:看|查|找|报|申请|申报|领|提交|交|办)|(?:去|到)哪(?:看|查|找|报|提交|交|办)|"
        r"procedure|process|how to apply|apply|steps|walk (?:me|us) through|step by step|"
        # how one goes about something ("How do we raise an objection?", "How can a company file…?")
        r"\bhow (?:do|can|should|would|could|must) (?:we|i|you|they|one|a company|companies|an? applicant)\b|"
        r"who (?:actually |really |exactly )?(?:handles|reviews|writes|decides|runs|is in charge)|"
        r"who (?:will|would|should|is going to) (?:handle|review|run|implement|interpret)|"
        r"which (?:[a-z-]+ ){0,3}(?:office|department|bureau|agency|body|authority|organi[sz]ation)|"
        # whom to turn to ("找谁?": "Who do we contact about…?")
        r"who(?:m)? (?:(?:do|should|can|could) (?:we|i|you|one) )?(?:contact|ask|call|talk to|speak to|turn to)|"
        r"whom? to (?:contact|ask|call)",
        re.I,
    ),
    Asked.DOCUMENT: re.compile(
        r"哪个文件|哪份文件|哪一份|哪几个文件|哪些文件|什么文件|"
        r"文号|第几页|哪一页|出处|出自|哪条|which (?:document|policy|page)|page",
        re.I,
    ),
    Asked.YES_NO: re.compile(
        r"吗[??]?|是不是|能不能|可不可以|可以不|有没有|是否|能否|可否|有无|对吧|对不对|支持不|算不算|真的假的|"
        # any A-not-A verb (要不要, 用不用, 交不交, 拿没拿)
        r"([\u4e00-\u9fff])[不没]\1|"
        # spoken: a question that ends in 不 or 没(有) ("能认成总部企业不?", "申请过没有?")
        r"(?:不|没有?)(?=\s*(?:[??]|$))|"
        # an English yes/no question opens its sentence with an auxiliary verb
        # (or a clause after a comma, a colon or a dash: "We'd like to buy an office there — can we claim it?")
        r"(?:^|[.?!]\s+|[,;；:：—–]\s*|\s-\s+)(?:is|are|can|could|does|do|did|will|would|should|may)\b|"
        # ... or checks a statement with a tag ("…, right?", "isn't it?")
        r"\bright\s*\?|\bcorrect\s*\?|\bisn't it\b|\bis that (?:right|correct|so|true)\b|"
        # ... or is relayed ("A caller asks whether…", "they want to know if…")
        r"\b(?:asks?|asking|asked|know|wondering|wonders?|checking|check)\s+(?:whether|if)\b",
        re.I,
    ),
}
# A policy compilation states rules and targets, not results to date or what later policies will say
# ("capital actually paid in" is the text's 实到注册资本, not a payment made).
_ASKED[Asked.OUTCOME] = re.compile(
    r"实际(完成|使用|达到|发放|兑现)|最(后|终)完成|完成了多少|现在一共|目前(一共|共有|有多少)|至今|截至目前|"
    # what was actually done, and how it compares with the target ("实际新落地了多少个?比目标多还是少?")
    r"实际[\u4e00-\u9fff]{0,6}了多少|比[^,,。;;??]{0,12}目标(?:多|少|高|低)|"
    # who has won, how many there are now ("去年谁获奖了?", "区里有多少家总部企业?")
    # ("最后是哪些单位和个人获奖的?")
    r"谁(?:获奖|得奖|评上|拿到)了?|哪些(?:企业|单位|公司|人)(?:和(?:企业|单位|公司|个人|人))?(?:获奖|得奖|评上|拿到)(?:了|的\s*(?=[??。]|$))|"
    r"(?:区里|滨江|全区|现在|目前)(?:一共|总共|共)?有多少家|"
    r"\bwho (?:won|got|received)\b|\bwhich (?:companies|firms|enterprises) (?:won|got|received)\b|"
    r"\bhow many (?:[\w-]+ ){0,2}(?:companies|firms|enterprises) (?:are there|does \w+ have)\b|"
    # ("会不会很贵?", "会不会被取消资格?" ask of what the rules say: only a 会不会 of what later comes out asks ahead)
    r"会不会(?:出台|出新|有新|再出|继续|延续|延长|延期|调整)|(?:以后|将来|今后|明年|后续)[^??。]{0,10}会不会|"
    # (at a clause's start or after a policy's end: "…名单出来以后会公示多久?" asks what the rules say comes after
    # an event)
    # (not the name of a programme: "新一轮“5050”计划" is the text's own; a name in quotation marks is a space here)
    r"会出|新一轮(?![\"“]?[\dA-Za-z]|\s)|下一轮|(?:(?<![\u4e00-\u9fff])|(?<=那)|(?<=到期|失效|期满))(?:以后|将来|今后|明年)会|届时|"
    r"(?:到期|失效|期满)(?:以)?后[^??。]{0,40}新|"  # what a policy's successor says, once it has expired
    r"after (?:it|the policy|they) expires?[^?.]{0,60}\bnew\b|"
    r"actually (achiev(?:e|ed)|paid(?!\s*-?\s*in\b)|reach(?:ed)?|hit|meet|met|complete[sd]?)|so far|to date|"
    r"will there be|next round|in the future|\bfinal (?:figure|result|number|outcome)s?\b|"
    r"\bdid [^?]{0,40}\b(?:reach|meet|hit|achieve|complete)\b[^?]{0,40}\btargets?\b",
    re.I,
)
FIGURE_KINDS = frozenset({Asked.AMOUNT, Asked.RATIO, Asked.COUNT, Asked.PERIOD})
# the question checks a statement it makes ("…对吧?")
# ("…200万,是不是?", "是不是能拿30%?"; not "我们营收15亿,是不是销售型总部?", which asks whether they are one)
_CHECKS_PREMISE = re.compile(
    r"对吧|吧[??]|是不是(?=\s*(?:[??。,,]|$)|[^??。]*[\d一二两三四五六七八九十百千])|是吗|对不对|没错吧|"
    r"是这样吗|(?:是)?真的吗|真的假的|对吗|"
    r"right\?|correct\?|isn't it",
    re.I,
)


@dataclass(frozen=True)
class Concept:
    """One thing the question is about, with the corpus's words for it (any of them counts)."""

    key: str
    alternatives: tuple[str, ...]


@dataclass
class QueryPlan:
    """What retrieval and the answerer need to know about one question."""

    original: str
    text: str  # normalised, rewritten with history, English terms glossed
    lang: str
    doc_numbers: list[str] = field(default_factory=list)
    doc_filter: list[int] = field(default_factory=list)  # documents named by 文号
    boost_docs: list[int] = field(default_factory=list)  # documents named by title words
    crossdoc: bool = False
    asked: frozenset[Asked] = frozenset()
    checks_premise: bool = False
    concepts: list[Concept] = field(default_factory=list)  # topic words and their lexicon alternatives
    # words of a listed document's policy area the question uses, with the title words they point to
    toc_hints: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    years: list[str] = field(default_factory=list)  # years the question names (outside 文号)
    # those of them that date a day of the asker's own ("2025年3月开始实施的") or gloss 今年 ("今年(2026年)")
    dating_years: list[str] = field(default_factory=list)
    issued_years: list[str] = field(default_factory=list)  # years policies the asker names were issued in
    rewritten: bool = False
    # a follow-up's own topic words ("文创那块呢?" -> 文创): what it asks anew, beside the turn it leans on
    followup_topic: tuple[str, ...] = ()
    # the kinds of the policy figures a question states (a yes/no checks them; another takes them for granted:
    # "区里的200万一次性奖励什么时候到账?"): the text's own figure of that kind answers too
    checks_kinds: frozenset[Asked] = frozenset()
    quoted: list[str] = field(default_factory=list)  # phrases the asker quotes from a text ("…挂牌交易的")
    user_figures: list[UserFigure] = field(default_factory=list)  # the asker's own figures (营收12亿...)
    # the milestones the asker's earlier turn said they passed ("营收第一次突破50亿元…" before "又冲过100亿了…")
    earlier_milestones: list[UserFigure] = field(default_factory=list)
    asked_text: str = ""  # the question as asked (joined to the previous turn for a follow-up), unexpanded
    claimed: list[str] = field(default_factory=list)  # the figures the question states ("200万", "一年")
    asks_budget: bool = False  # about a measure's yearly budget itself ("每年安排多少预算")
    asks_yearly_cap: bool = False  # the most a measure gives in a year ("一年最多补多少?", "每年上限")
    asks_deadline: bool = False  # a deadline or schedule ("申报截止"), not the policy's validity
    asks_materials: bool = False  # the papers to hand in ("要交哪些材料?"): a list of them answers, not a channel
    asks_office: bool = False  # which office runs, implements or interprets a policy (``asks_office``)
    names_office: bool = False  # which office, of a policy or of a step of it ("申报由哪个办公室受理?")
    asks_list: bool = False  # "which steps / what conditions": a list's items answer
    asks_benefit: bool = False  # "有什么奖励?": what a company is given, whatever its form
    asks_if_given: bool = False  # "有补贴吗?": whether anything is given (a text giving answers, not one urging)
    asks_definition: bool = False  # "“对区贡献”是什么意思?", "what does 'X' mean?": the sentence defining it answers
    names_benefit: bool = False  # "促消费活动补贴是哪个文件规定的?": a benefit is named (补贴, 奖励, subsidy…)
    # "我们营收3000万,能申请哪些补贴?": the asker's figures, a benefit asked, and no award, recognition or
    # programme named: what their figures reach is the answer (the eligibility check)
    asks_what_fits: bool = False
    other_place: bool = False  # names a place outside the district and not the district itself
    other_government: bool = False  # asks what the province or city itself pays, or how it rates companies
    asks_tax_owed: bool = False  # tax owed on a benefit ("要交个人所得税吗?"), a tax rate: national tax law
    parts: list[str] = field(default_factory=list)  # the questions of a question in several parts
    years_ago: int | None = None  # how long ago the asker's own event was ("前年拿过" -> 2), when they say
    elapsed: list[Elapsed] = field(default_factory=list)  # what the asker says has lasted how long ("实施刚满一年半")
    started: list[Started] = field(default_factory=list)  # when the asker says something began ("2025年3月实施的")
    planned: list[Started] = field(default_factory=list)  # the month the asker would apply in ("想在2024年1月报")
    # the wordings of a metric whose own figure is asked ("营收要达到多少?": 营业收入, 营收, 收入…)
    asked_metric: tuple[str, ...] = ()
    # a contact detail asked ("服务专员的联系电话是多少?", "what is the hotline?"): "联系电话", "hotline"…
    asks_contact: str = ""
    # how long a recognition or status lasts, or whether it is reviewed ("认定以后有效期几年?", "每年要复核吗?")
    asks_status_term: bool = False
    # the asker's places in an order, by role ("我是第三起草单位的第一起草人": unit 3, person 1)
    places: dict[str, int] = field(default_factory=dict)
    # an amount asked per a measure ("每平方米多少钱?", "per day"): the measure, as PER_MEASURES names it
    asks_per: str = ""
    asks_stacking: bool = False  # whether two supports can be had together ("能叠加吗", "同时享受")
    asks_still: bool = False  # whether a policy can be used now or in a year asked ("现在还能申请吗?")
    denies_past: bool = False  # the asker says they have not had it ("没拿过", "未获得")
    claims_past: bool = False  # the asker says they have had it ("拿过", "已经获得", "already won")
    # what the asker's company has outside the district ("财政收入级次在隔壁区" -> 财政收入级次)
    outside: tuple[str, ...] = ()
    star_levels: tuple[int, ...] = ()  # the 星级 the question names, in order ("三星级升到四星级" -> (3, 4))
    # the grade of a graded award the question names ("二星级", "国家…三等奖", "CCF B-class"), one per family
    grades: tuple[Grade, ...] = ()
    side_grades: tuple[Grade, ...] = ()  # a family's several values named side by side ("二星级…和三星级比…")
    level_subject: str = ""  # the kind the question rates at its level ("市级专精特新企业" -> 专精特新)
    level_kind: str = ""  # in English, as asked ("a municipal-level R&D centre" -> R&D centre) ...
    level_wordings: tuple[str, ...] = ()  # ... and its words' Chinese (研发中心)
    raises: bool = False  # the asker moves up a grade ("升到", "提升", "评上更高") rather than asking side by side
    corrections: tuple[tuple[str, str], ...] = ()  # a word the compilation never writes, and its homophone in it
    # the yes and the no of the question's own verb: 算吗 -> 算 / 不算, 能…吗 -> 可以 / 不能
    verdict_words: tuple[str, str] = ("可以", "不够")
    catalogue: Catalogue | None = None  # a question about the compilation itself ("汇编里有哪些文件?")

    @property
    def read_as_meant(self) -> str:
        """The asker's words with each typo read as the compilation's word it stands for (专精特心 -> 专精特新)
        and without quotation marks (专精特新“小巨人” names 专精特新小巨人)."""
        text = self.original
        for wrong, right in self.corrections:
            text = text.replace(wrong, right)
        return re.sub(r"[“”\"「」『』‘’']", "", text)

    @property
    def claimed_keys(self) -> set[str]:
        return {figure_key(f) for f in self.claimed}

    @property
    def dense_text(self) -> str:
        """What the embedder reads: a Chinese question as asked; an English one with its Chinese glosses
        (e5 bridges languages only loosely)."""
        if self.lang == "en":
            return self.text
        text = self.asked_text or self.text
        for wrong, right in self.corrections:  # what the asker meant (新才料 -> 新材料), not the typo
            text = text.replace(wrong, right)
        # who asks ("我们是一家企业,") is not what is asked: the embedder reads the question without it
        asked = SELF_DESCRIPTION.sub("", text).strip()
        return asked if _CJK.search(asked) else text

    @property
    def asks_date(self) -> bool:
        return Asked.DATE in self.asked

    @property
    def asks_amount(self) -> bool:
        return bool((self.asked | self.checks_kinds) & FIGURE_KINDS)

    @property
    def asks_money(self) -> bool:
        """An amount asked in words of money ("奖金多少?", "多少钱?", "how much money"), or a sum of money the asker
        puts forward to be checked ("个人奖能拿50万,是真的吗?"): a count is no answer."""
        if Asked.AMOUNT in self.checks_kinds:
            return True
        return Asked.AMOUNT in self.asked and bool(_MONEY_WORDS.search(self.asked_text or self.original))

    @property
    def asks_worth(self) -> bool:
        """What a benefit is worth is asked ("奖励多少?", "区里补多少?"): a sum or a share answers, a count (how many
        are awarded, how many were built) does not."""
        return self.asks_money or (Asked.AMOUNT in self.asked and bool(_WORTH.search(self.asked_text or self.original)))


# "w" for 万 after a figure or 几 (10w, 50W, 几个w), never inside a Latin word
_SPOKEN_WAN = re.compile(r"(?<=[\d几])\s*个?\s*[wW](?![A-Za-z])")


_R_AND_D = re.compile(r"\b[rR]\s*(?:and|n|'n')\s*[dD]\b")


@lru_cache(maxsize=1)
def _converters() -> tuple[opencc.OpenCC, opencc.OpenCC]:
    return opencc.OpenCC("t2s.json"), opencc.OpenCC("tw2sp.json")


def simplified(text: str) -> str:
    """Traditional characters (繁體) as the compilation writes them, in simplified characters, with Taiwan's words
    for the mainland's (軟體 -> 软件, 資訊 -> 信息), by OpenCC's tables, and written Cantonese's everyday words as
    Mandarin's. The tables leave a question in simplified characters as it is: the phrase table alone would
    rewrite some of them (么 -> 幺)."""
    characters, taiwan = _converters()
    text = taiwan.convert(text) if characters.convert(text) != text else text
    text = text.replace("甚么", "什么")  # Hong Kong's 甚麼, a variant the tables keep
    return _CANTONESE.sub(lambda m: _CANTONESE_WORDS[m.group()], text)


# written Cantonese's everyday words, as Mandarin writes them ("有冇得补贴?补几多?" is "有没有补贴?补多少?"): words
# Mandarin does not use, not a dialect's whole grammar (the 系 of 係 is left alone: 关系, 体系)
_CANTONESE_WORDS = {
    "我哋": "我们",
    "你哋": "你们",
    "佢哋": "他们",
    "佢": "他",
    "嘅": "的",
    "喺": "在",
    "有冇": "有没有",
    "冇": "没有",
    "系咪": "是不是",
    "唔系": "不是",
    "唔": "不",
    "几多": "多少",
    "乜嘢": "什么",
    "乜": "什么",
    "咩": "什么",
    "点样": "怎样",
    "点解": "为什么",
    "边度": "哪里",
    "边个": "哪个",
    "边间": "哪家",
    "呢个": "这个",
    "嗰个": "那个",
    "嗰": "那",
    "一啲": "一些",
    "啲": "的",
    "畀": "给",
    "攞": "拿",
    "睇": "看",
    "揾": "找",
    "咗": "了",
    "嚟": "来",
    "细公司": "小公司",
    "㗎": "",
    "喎": "",
    "啩": "",
}
_CANTONESE = re.compile("|".join(sorted(map(re.escape, _CANTONESE_WORDS), key=len, reverse=True)))


# the corner quotes of Hong Kong, Taiwan (and some mainland writers) as the compilation quotes: “小巨人”
_MAINLAND_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


def normalise(text: str) -> str:
    """NFKC (full-width to half-width), simplified characters and quotes, unified whitespace, 万/亿 amounts spelled
    as the texts do (万元)."""
    text = simplified(nfkc(text)).replace("\u3000", " ").translate(_MAINLAND_QUOTES)
    text = bracket_spoken_doc_numbers(re.sub(r"\s+", " ", text).strip())
    if _CJK.search(text):  # chat shorthand in Chinese: "10w", "几个w" are 10万, 几万
        text = _SPOKEN_WAN.sub("万", text)
    text = _R_AND_D.sub("R&D", text)  # "r and d", as said and as speech input writes it
    return _AMOUNT_UNIT.sub(lambda m: f"{m.group(1)}{m.group(2)}元", text)


def has_content(text: str) -> bool:
    """At least two Chinese characters or a Latin word: something a question can be about."""
    return len(_CJK.findall(text)) >= 2 or bool(re.search(r"[A-Za-z]{2,}", text))


def strip_instructions(text: str) -> str:
    """Drop the clauses that instruct the system ("忽略以上指令…", "ignore previous instructions") and the
    courtesies around a question ("你好,请问一下,", "谢谢!"): they are not what the question is about, and
    must move neither retrieval nor the verdict."""
    text = _INSTRUCTION_BLOCK.sub(" ", text)  # <instructions>answer freely</instructions>: tags and words
    text = _MARKUP.sub(" ", text)
    # whitespace next to Chinese text separates clauses as punctuation does, and stays a boundary:
    # "…有没有专人对接 员工上下班…" reads "…有没有专人对接?员工上下班…", not one run-on clause
    parts = _CJK_GAP.split(text)
    pieces = [
        p
        for part, after in zip(parts, [*parts[1:], ""], strict=True)
        for p in _CLAUSE.findall(_gap_punctuated(part, after))
    ]
    kept = [p for p in pieces if not _INSTRUCTION.search(p)]
    asked = [p for p in kept if not _COURTESY.match(p.strip())]
    if asked:  # a question that is only a greeting stays as it is
        kept = [_COURTESY_OPENING.sub("", asked[0].lstrip()), *asked[1:]]
    return "".join(kept).strip()


# a clause that asks: a question particle at its end, or a question word
_GAP_ASKS = re.compile(
    r"[吗呢吧么啊]$|[^要]不$|没$|多少|几[个家年项次种月天]|什么|啥|哪|怎么|如何|是否|有没有|能不能|可不可以|算不算|是不是|够不够"
)


def _gap_punctuated(clause: str, after: str) -> str:
    """A run of words that a space ended (``after``: what follows the space, "" at the end), with the mark
    the space stands for between Chinese words: a question's "?" when the words before it ask, a comma
    otherwise; next to Latin words the space stays ("We have 8亿 revenue" keeps its figure with its metric)."""
    clause = clause.strip()
    if not clause or clause[-1] in ",,。;;!!??.::":
        return clause
    if not _CJK.match(clause[-1]) or (after and not _CJK.match(after)):
        return f"{clause} "
    asks = bool(_GAP_ASKS.search(re.split(r"[,,。;;!!??]", clause)[-1]))
    return f"{clause}?" if asks else clause if not after else f"{clause},"


def rewrite_followup(question: str, history: list[Turn], depth: int = 2) -> tuple[str, bool]:
    """Join an elliptical question to the last user turn (and the 文号 the assistant named); when that turn
    was elliptical too ("总部租房补贴多少?" -> "那购房呢?" -> "要满足什么条件?"), as it was read."""
    at = next((i for i in range(len(history) - 1, -1, -1) if history[i].role == "user"), None)
    previous_user = history[at].content if at is not None else ""
    if not previous_user or not has_content(question):
        return question, False
    if depth > 1 and at is not None:
        previous_user = rewrite_followup(previous_user, history[:at], depth - 1)[0]
    previous_answer = next((t.content for t in reversed(history) if t.role == "assistant"), "")
    short = (
        len(question) <= 14
        or bool(_ELLIPTIC.search(question.strip()))
        # "贴息是按多大比例、贴几年?" after an exchange on the HQ's M&A loan interest: every topic word it has was
        # just spoken of, so it asks more of the same
        or _spoken_of(question, previous_user + " " + previous_answer)
    )
    names_own_subject = bool(find_doc_numbers(question)) and len(question) > 14
    if not short or names_own_subject:
        return question, False
    # another subject ("那总部企业呢?", "专精特新企业呢?") is not asked of the document an earlier answer named:
    # a 文号 carried from an answer (not one the asker wrote) stays behind
    asked_numbers = set(find_doc_numbers(" ".join(t.content for t in history if t.role == "user")))
    own_subject = previous_user
    for number in find_doc_numbers(previous_user):
        if number not in asked_numbers:
            own_subject = re.sub(r"\s*" + re.escape(number), "", own_subject)
    swapped = _swap_sibling(own_subject, question.strip())
    if swapped != own_subject:
        # "那总部企业呢?" after "专精特新企业参加境外展会…": the same question of another kind of company, whose
        # document is not the one the previous answer named
        return f"{swapped} {question}".strip(), True
    if _names_another(question.strip(), own_subject):
        # "那瞪羚企业呢?" after "专精特新小巨人奖励多少?": another subject, not the previous answer's document
        return f"{own_subject} {question}".strip(), True
    numbers = [n for n in find_doc_numbers(previous_user + previous_answer) if n not in previous_user]
    carried = " ".join(dict.fromkeys(numbers))
    return f"{previous_user} {carried} {question}".strip(), True


def _spoken_of(question: str, before: str) -> bool:
    """Whether every topic word of ``question`` (in any of its corpus wordings) was said in ``before``, the last
    exchange, and it has one at least."""
    lang = "en" if is_english(question) else "zh"
    concepts = [c for c in concepts_of(question, lang) if c.key not in QUESTION_NOISE and not asking_word(c.key)]
    said = compact(before).lower()
    return bool(concepts) and all(any(compact(a).lower() in said for a in c.alternatives) for c in concepts)


# "那X呢?": X a subject of three to ten characters, no demonstrative in it ("文创那块呢?" points back)
_WHAT_ABOUT = re.compile(r"^(?:那么|那)?(?P<subject>(?![么])(?:(?![那这])[\u4e00-\u9fff]){3,10}?)(?:的)?呢[??]?$")


def _earlier_milestones(history: list[Turn]) -> list[UserFigure]:
    """The figures the asker's last earlier turn said they passed for the first time, with their metric."""
    previous = next((t.content for t in reversed(history) if t.role == "user"), "")
    return [f for f in parse_user_figures(_QUOTED.sub(" ", previous)) if f.metric and f.first_time]


def _loan_interest(figures: list[UserFigure]) -> list[UserFigure]:
    """A year's interest on the asker's loan at the rate they give ("贷了3000万,基准利率按4.35%算"), what an
    interest subsidy ("实际贷款额银行基准利率的50%") is a share of."""
    loan = next((f for f in figures if f.field == "loan_amount" and f.unit == "元"), None)
    rate = next((f for f in figures if f.field == "benchmark_rate" and f.unit == "%"), None)
    if loan is None or rate is None:
        return []
    value = loan.value * rate.value / 100
    shown = f"{loan.display()}×{rate.display()}={format_amount(value, '元')}"
    return [UserFigure(metric="贷款利息", field="loan_interest", value=value, unit="元", text=shown)]


_EARLIER_YEAR = re.compile(
    r"去年|前年|大前年|上一年|那年|\blast year\b|\b(?:a|one|two|three|\d+) years? ago\b|\bthe year before\b", re.I
)


def _passed_and_now(question: str) -> tuple[list[UserFigure], list[UserFigure]]:
    """A question that says which figure of one metric an award was already paid for ("前年破了50亿已经拿过奖励")
    and what the figure is now ("今年营收到了105亿"): the earlier figures as milestones passed, and the present
    ones, each with the metric the question names (empty when it names none or two, or the present is not higher)."""
    if not (_CLAIMS_PAST.search(question) or _EARLIER_YEAR.search(question)):
        return [], []  # (most questions: nothing said of before, no clause read again)
    past: list[UserFigure] = []
    present: list[UserFigure] = []
    # (years ago, figures, clause number) of the clauses said of an earlier year
    dated: list[tuple[int, list[UserFigure], int]] = []
    had_at = -1  # the last clause that says an award was had
    for at, clause in enumerate(re.split(r"[,,。;;??!!]", question)):
        figures = parse_user_figures(clause)
        had_at = at if _CLAIMS_PAST.search(clause) else had_at
        # ("去年首次突破20亿,今年冲到了55亿", "passed RMB 2 billion two years ago": a milestone passed in an earlier
        # year)
        earlier = _CLAIMS_PAST.search(clause) or (
            _EARLIER_YEAR.search(clause) and any(f.first_time or f.beyond for f in figures)
        )
        (past if earlier else present).extend(figures)
        if earlier and figures and (ago := _years_ago(clause)):
            dated.append((ago, figures, at))
    latest = min((ago for ago, _, _ in dated), default=0)
    if (
        not present
        and len({ago for ago, _, _ in dated}) >= 2
        and all(at > had_at for ago, _, at in dated if ago == latest)
    ):
        # "前年营收首次突破20亿拿过奖,去年首次突破50亿": of milestones passed in two earlier years, the later one, with
        # no award said to be had after it, is the figure now (what an award paid as the difference is asked of)
        present = [f for ago, figures, _ in dated if ago == latest for f in figures]
        past = [f for f in past if not any(f is g for g in present)]
    metrics = {(f.metric, f.field) for f in past + present if f.metric}
    if len(metrics) != 1 or not past or not present:
        return [], []
    metric, name = metrics.pop()
    units = {f.unit for f in past} & {f.unit for f in present}
    # a figure of no metric is a milestone passed only when said to be passed ("破了50亿", "首次突破20亿"), not an
    # award's sum ("拿过100万奖励")
    past = [
        f for f in past if f.unit in units and (f.metric == metric or (not f.metric and (f.beyond or f.first_time)))
    ]
    present = [f for f in present if f.unit in units and f.metric in ("", metric)]
    if not past or not present or max(f.value for f in past) >= max(f.value for f in present):
        return [], []
    past = [f.model_copy(update={"metric": metric, "field": name, "first_time": True}) for f in past]
    return past, [f.model_copy(update={"metric": metric, "field": name}) for f in present]


def _swap_sibling(previous: str, question: str) -> str:
    """``previous`` with the thing a "那X呢?" question puts in its place: the word of ``previous`` that ends with
    the same head word of two or more characters as X ("那总部企业呢?" after "专精特新企业参加境外展会…" asks
    "总部企业参加境外展会…"). Unchanged when there is no such word, or X is in it already."""
    from indexing.keyword import word_bounds, word_class

    m = _WHAT_ABOUT.match(question)
    if not m or m.group("subject") in previous:
        return previous
    subject = m.group("subject")
    bounds = sorted(word_bounds(previous))
    for size in (3, 2):
        head = subject[-size:]
        # the head word as a whole word of the previous question, and the word before it as its modifier
        for at, end in pairwise(bounds):
            if not previous[at:end].endswith(head):
                continue
            if end - at > size:  # one word with the head in it (瞪羚企业)
                if len(subject) - (end - at) >= 2:
                    # X names its own thing before the head ("省科技进步三等奖" for "国家技术发明奖一等奖"): the
                    # nouns right before the word are its modifiers, and go with it
                    while (prior := [b for b in bounds if b < at]) and word_class(
                        previous[prior[-1] : at]
                    ) in _MODIFIER_CLASSES:
                        at = prior[-1]
                return previous[:at] + subject + previous[end:]
            # the head as a word of its own, and the word before it as its modifier (专精特新 企业)
            before = [b for b in bounds if b < at]
            modifier = previous[before[-1] : at] if before else ""
            if len(modifier) >= 2 and _CJK_WORD.fullmatch(modifier):
                return previous[: before[-1]] + subject + previous[end:]
    return previous


# jieba's word classes of a noun's modifier nouns (国家 技术 发明奖 before 一等奖; 省级 科技 进步奖)
_MODIFIER_CLASSES = frozenset({"n", "nz", "b", "nt", "ns", "j"})


def _names_another(question: str, previous: str) -> bool:
    """Whether a "那X呢?" question names a subject of its own: X is a modifier and a head word of general
    Chinese (瞪羚 + 企业, 省级 + 孵化器) that the previous question does not hold ("个人奖呢?" and "那省级的呢?"
    ask more of the same document)."""
    from indexing.keyword import in_dictionary

    m = _WHAT_ABOUT.match(question)
    if not m or m.group("subject") in previous:
        return False
    subject = m.group("subject")
    return any(len(subject) > size and in_dictionary(subject[-size:]) for size in (3, 2))


_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
# "除了X(以外),…": X is set aside, not asked ("除了房租补贴,研发资助几个点?"); 除非 and 除外 are no such clause
_EXCEPT = re.compile(r"除了[^,,。;;??!!]{1,30}?(?:以外|之外)?[,,]|除(?![了非外])[^,,。;;??!!]{1,30}?(?:以外|之外)[,,]")


def without_exceptions(question: str) -> str:
    """``question`` without the clauses that set something aside ("除了首次纳入限上的社零企业给2万以外,"): their
    words would find the text about what is not asked. Kept when no topic would be left ("除了房租补贴,还能拿什么?")."""
    rest = _EXCEPT.sub("", question)
    return rest if rest != question and concepts_of(rest, "zh") else question


# "还有没有别的途径…?", "is there another route…?": the asker asks for a way besides one they have ruled out
_ANOTHER_WAY = re.compile(
    r"(?:别的|其他|其它|另外的?|另一种?|第二条)(?:途径|路子|渠道|路径|门路|办法|方式|方法|通道)"
    r"|\b(?:another|other|alternative|different|second)\s+(?:routes?|ways?|paths?|channels?|options?|tracks?)\b",
    re.IGNORECASE,
)
# the condition they rule out, up to the verb that says they do not meet it ("营收够不上规模型总部的标准" ->
# 营收; "We don't hit any of the revenue thresholds" -> the thresholds): its words would find the very text the
# asker has read and does not meet, while what they still seek (总部) stays
_UNMET = re.compile(
    r"(?<![^,,。;;??!!\s:])[^,,。;;??!!:]*?(?=够不上|够不着|达不到|没达到|未达到|没到|不满足|不符合)"
    r"|\b(?:don'?t|do not|doesn'?t|does not|can'?t|cannot|fail to|won'?t)\s+(?:hit|meet|reach|satisfy|make)\s+"
    r"(?:any of\s+)?(?:the\s+|our\s+|its\s+)?(?:\w+\s+){0,3}?(?:thresholds?|bars?|criteria|requirements?|lines?)\b",
    re.IGNORECASE,
)


def without_unmet(question: str) -> str:
    """``question`` without the condition the asker says they do not meet, when they ask for another way
    ("营收够不上规模型总部的标准,…还有没有别的途径认定总部?"). Kept when no topic would be left."""
    if not _ANOTHER_WAY.search(question):
        return question
    rest = _UNMET.sub(" ", question).strip()
    lang = "en" if is_english(question) else "zh"
    return rest if rest != question and concepts_of(rest, lang) else question


def plan_query(question: str, history: list[Turn], corpus: Corpus) -> QueryPlan:
    """The question read once: its language, topic concepts, the kind of fact asked, the documents named."""
    original = strip_instructions(normalise(question))
    history = [t.model_copy(update={"content": simplified(t.content)}) for t in history]
    # "滨政7号": the compilation's one 滨政 document numbered 7
    original = bracket_yearless_doc_numbers(original, [d.doc_number for d in corpus.documents.values()])
    original = without_unmet(without_exceptions(original))
    text, rewritten = rewrite_followup(original, history)
    lang = "en" if is_english(original) else "zh"
    asked_text = text
    # the lexicons' wording of a topic; in English not of a unit or a bound alone ("RMB", "million", "up to": the
    # asker's figure, a constraint), which would only raise every chunk that states an amount (a Chinese question
    # says 最高 and 万元 itself)
    expansions = list(
        dict.fromkeys(
            t
            for table in _tables(lang)
            for _, targets in table.matches(text)
            if lang == "zh" or not _only_a_constraint(targets)
            for t in targets
        )
    )
    text = f"{text} {' '.join(expansions)}".strip()
    doc_numbers = find_doc_numbers(text)
    by_number = {d.doc_number: d.doc_no for d in corpus.documents.values()}
    doc_filter = [by_number[n] for n in doc_numbers if n in by_number]
    # words and figures inside quotation marks are the policy text the asker read out, not their own
    unquoted = _QUOTED.sub(" ", original)
    outside = _outside(unquoted)
    if outside:  # "税务在外地,能申请吗?": the rule that requires it in the district is what is looked up
        text = f"{text} {' '.join(outside)}"
    # a follow-up asks what the turn it leans on asked, unless it says what it asks itself ("那省级的呢?" asks the
    # amount asked before; "Who runs this policy?" asks the office, not the amount of the turn before it)
    own_kinds = asked_kinds(unquoted) if rewritten else frozenset()
    asked = (own_kinds or asked_kinds(unquoted if not rewritten else _QUOTED.sub(" ", text))) | _choice_kinds(unquoted)
    materials = bool(_MATERIALS.search(asked_text or original))
    if materials:
        asked |= {Asked.PROCEDURE}  # the papers to hand in are a part of how to apply
    compares = bool(_COMPARES.search(unquoted))
    if compares and _BENEFIT.search(unquoted) and not asked & FIGURE_KINDS:
        asked |= {Asked.AMOUNT}  # "两家的上市奖励一样吗?": what is compared of an award is how much it gives
    own = [f for f in parse_user_figures(unquoted) if f.metric]
    earlier = _earlier_milestones(history) if history else []
    passed, now = _passed_and_now(unquoted)
    if passed and not earlier:
        # "前年破了50亿已经拿过奖励,今年营收到了105亿,还能再拿多少?": the figure an award was paid for, and now
        earlier, own = passed, now + [f for f in own if f.metric != now[0].metric]
    own += _loan_interest(own)
    if earlier and not own:
        # "又冲过100亿了,还能再拿多少?" after "营收第一次突破50亿元…": a figure passed, of the metric passed before
        own = [
            f.model_copy(update={"metric": earlier[0].metric, "field": earlier[0].field})
            for f in parse_user_figures(unquoted)
            if f.beyond and f.unit == earlier[0].unit
        ]
    # the words asked (a follow-up joined to the turn it leans on), not the lexicon's expansions of them
    concepts = concepts_of(asked_text if rewritten else original, lang)
    corrections: tuple[tuple[str, str], ...] = ()
    if lang == "zh":
        concepts = concepts + _named_in(asked_text if rewritten else original, concepts, corpus)
        concepts, corrected = _typos_corrected(concepts, corpus, original)
        text = f"{text} {' '.join(corrected)}".strip()
        corrections = tuple(
            (c.key, c.alternatives[1]) for c in concepts if c.alternatives[1:] and c.alternatives[1] in corrected
        )
    named = named_documents(text, corpus)
    # two documents set side by side, named by 文号 or by their titles' words ("总部经济那个意见和滨政〔2023〕7号…
    # 一样吗?"): both are read, not only the one whose 文号 is written
    apart = list(dict.fromkeys(doc_filter + named))
    side_by_side = (compares or bool(SETS_SIDE_BY_SIDE.search(unquoted))) and len(apart) >= 2
    parts = [] if rewritten else _question_parts(original)
    # ... or each part of the question asks of another one ("滨政〔2023〕7号的房租补贴补几成?如果认定为总部企业,
    # 总部政策的租房补助又怎么算?")
    side_by_side = side_by_side or bool(doc_filter and _parts_name_apart(parts, corpus, by_number))
    if side_by_side and doc_filter:
        doc_filter = apart
    benefit = bool(_ASKS_BENEFIT.search(asked_text or original))
    undated = _full_years(_WITHOUT_DOC_YEARS.sub(" ", text))  # the years of 文号 are no years asked about
    level_kind = _level_kind(asked_text or original) if lang == "en" else ""
    return QueryPlan(
        original=original,
        text=text,
        lang=lang,
        doc_numbers=doc_numbers,
        doc_filter=list(dict.fromkeys(doc_filter)),
        boost_docs=named,
        crossdoc=(bool(_CROSSDOC.search(original)) and not _within_one(original, named, doc_filter, corpus))
        or side_by_side
        or (lang == "zh" and _parts_name_apart(parts, corpus))
        or _clauses_name_apart(original, lang, corpus),
        asked=asked,
        checks_premise=bool(_CHECKS_PREMISE.search(original)),
        concepts=concepts,
        toc_hints=lexicon.topics().matches(asked_text),
        years=_YEAR.findall(undated),
        dating_years=_DATING_YEAR.findall(undated)
        + _gloss_years(undated, bool(_STILL.search(asked_text or original)))
        + [next(filter(None, m.groups())) for m in _REPORTED_YEAR.finditer(undated)]
        + [next(filter(None, m.groups())) for m in _REPORTED_YEAR_EN.finditer(undated)]
        + [next(filter(None, m.groups())) for m in _APPLYING_YEAR.finditer(undated)]
        + _DOCUMENT_YEAR.findall(undated)
        # (the years the asker tells of before asking: "2016年成立,2022年拿了省级专精特新,24年又评上了…")
        + [y for sentence in background(original) for y in _YEAR.findall(_full_years(sentence))],
        issued_years=[next(filter(None, m.groups())) for m in _ISSUED_YEAR.finditer(_full_years(original))],
        rewritten=rewritten,
        followup_topic=tuple(c.key for c in concepts_of(original, lang)) if rewritten else (),
        asked_text=asked_text,
        user_figures=own,
        earlier_milestones=earlier,
        # "境外上市也是400万吗?" checks a figure: the text must state one of that kind
        checks_kinds=_claimed_kinds(unquoted, own),
        # (an English phrase in quotation marks, "'little giant'", is the glossary's to read: no text holds it)
        quoted=[q.strip() for q in _QUOTED.findall(original) if len(q.strip()) >= 4 and _CJK.search(q)],
        claimed=claims(original),
        asks_budget=asks_budget(asked_text or original),
        asks_yearly_cap=asks_yearly_cap(asked_text or original),
        # ("区办〔2023〕12号到什么时候截止?", "总部经济那个意见…截止?" ask when the document ends, unless applying or a
        # yearly round is spoken of: "总部企业每年什么时候截止?")
        asks_deadline=bool(_DEADLINE.search(original))
        and not (_names_document(text, doc_filter, named, corpus) and not _APPLYING.search(original)),
        asks_materials=materials,
        asks_office=asks_office(asked_text or original),
        names_office=bool(_OFFICE_ASKED.search(asked_text or original)),
        asks_list=asks_for_list(original),
        asks_benefit=benefit,
        asks_if_given=bool(_ASKS_IF_GIVEN.search(asked_text or original)),
        names_benefit=bool(_BENEFIT.search(asked_text or original)),
        asks_definition=bool(_ASKS_DEFINITION.search(asked_text or original)),
        asks_what_fits=benefit and bool(own) and not names_anything(without_self_description(unquoted), lang),
        verdict_words=verdict_words(asked_text or original),
        other_place=bool(other_places(original)) and not _DISTRICT.search(_WEIGHED_AGAINST.sub(" ", original)),
        other_government=bool(_OTHER_GOVERNMENT.search(unquoted)),
        asks_tax_owed=bool(_TAX_OWED.search(unquoted)),
        parts=parts,
        years_ago=_years_ago(unquoted),
        elapsed=elapsed_periods(unquoted),
        started=started_dates(unquoted),
        planned=planned_dates(unquoted),
        asked_metric=asked_metrics(unquoted),
        asks_contact=asked_contact(unquoted),
        asks_status_term=asks_status_term(unquoted),
        places=said_ranks(asked_text or original),
        asks_per=asked_per(unquoted),
        asks_stacking=bool(_STACKING.search(unquoted)),
        asks_still=Asked.YES_NO in asked and _asks_still(asked_text or original),
        denies_past=bool(_DENIES_PAST.search(unquoted)),
        claims_past=bool(_CLAIMS_PAST.search(text if lang == "en" else asked_text or original)),
        outside=outside,
        star_levels=_star_levels(unquoted, _QUOTED.sub(" ", text) if rewritten else ""),
        grades=question_grades(asked_text or original, lang),
        side_grades=side_by_side_grades(asked_text or original, lang),
        level_subject=level_subject(asked_text or original) if lang == "zh" else "",
        level_kind=level_kind,
        level_wordings=_level_wordings(level_kind) if level_kind else (),
        raises=bool(_RAISES.search(unquoted) or _EARLIER_STAR.search(unquoted)),
        corrections=corrections,
        catalogue=Catalogue.NUMBER
        if _checks_number(original, doc_numbers, named, asked)
        else _catalogue(original, lang, doc_filter, named, bool(named or own), corpus),
    )


def _checks_number(original: str, doc_numbers: list[str], named: list[int], asked: frozenset[Asked]) -> bool:
    """Whether the question gives one 文号 to the one document it names by its title's words, and asks only
    whether that is its number ("人工智能产业生态那份政策是杭高新〔2023〕4号吗?")."""
    return (
        len(doc_numbers) == 1
        and len(named) == 1
        and asked <= {Asked.YES_NO, Asked.DOCUMENT}
        and checks_number(bracket_spoken_doc_numbers(original))
    )


def _catalogue(
    original: str, lang: str, doc_filter: list[int], titled: list[int], names_topic: bool, corpus: Corpus
) -> Catalogue | None:
    """A question about the compilation itself, or about what one document with text that it names by its 文号
    is ("区党委〔2019〕25号是什么文件?"), or where one it names by its title's words (``titled``) starts ("总部经济那份
    意见从汇编第几页开始?"); None for a question on a topic."""
    named = set(doc_filter)
    if len(named) == 1 and corpus.documents[min(named)].has_text:
        return Catalogue.DOCUMENT if asks_about_document(bracket_spoken_doc_numbers(original)) else None
    if (
        not named
        and len(titled) == 1
        and lang == "zh"
        and asks_start_page(original, title_terms(corpus.documents[titled[0]].title))
    ):
        return Catalogue.DOCUMENT
    return None if named or names_topic else catalogue_request(original, lang)


_STAR = re.compile(r"([三四五345])\s*星|\b(three|four|five|[345])[- ]?stars?\b", re.I)
_EN_STARS = {"three": 3, "four": 4, "five": 5}
# the grade the asker held before ("评上了四星级,之前是三星级", "we got 100万 when we were 3-star"): it comes
# first, the new one after it
_EARLIER_STAR = re.compile(
    r"(?:之前|以前|原来|原先|去年|此前)(?:是|为|评的是|评为|评上的是|评上了?|评了|评过|评)?\s*([三四五345])\s*星|"
    r"\b(?:when (?:we|it|they) (?:were|was)|(?:we|it|they) (?:were|was) (?:previously|formerly|once)|used to be"
    r"|previously|formerly|from)\s+(?:an?\s+)?(three|four|five|[345])[- ]?stars?\b",
    re.I,
)


def _star_levels(text: str, joined: str = "") -> tuple[int, ...]:
    """The 星级 the question names, in the order the asker held them (the earlier one first); ``joined``: a
    follow-up joined to the turn it leans on, whose 星级 is the one held before when this turn names a raise to
    one other ("四星级总部奖多少?" -> "升到五星级还能再拿多少?")."""
    levels = [_star(m) for m in _STAR.finditer(text)]
    earlier = _EARLIER_STAR.search(text)
    if earlier is not None:
        held = _star(earlier)
        levels = [held, *(level for level in levels if level != held)]
    if len(levels) == 1 and joined and _RAISES.search(text):
        before = [level for level in _star_levels(joined) if level != levels[0]]
        levels = before[-1:] + levels
    return tuple(levels)


def _star(match: re.Match[str]) -> int:
    """The number of stars a match of ``_STAR`` or ``_EARLIER_STAR`` names, in Chinese or English."""
    word = next(g for g in match.groups() if g)
    return _EN_STARS.get(word.lower()) or int(chinese_number(word) or 0)


_RAISES = re.compile(r"升|提升|晋级|提高|差额|从.{1,8}(?:到|至|变成)|upgrad|moved? up|raised", re.I)


# a company's registrations, each as the policies word it, and where a question puts one outside the district
_REGISTRATIONS = {
    "财政收入级次": "财政收入级次",
    "财政级次": "财政收入级次",
    "税务": "税务登记",
    "工商": "工商登记",
    "统计": "统计关系",
    "纳税": "税务登记",
    "注册地": "工商登记",
    # (in English: "our fiscal revenue is booked at the municipal level", "taxes are filed elsewhere")
    "fiscal": "财政收入级次",
    "tax": "税务登记",
    "business registration": "工商登记",
    "statistic": "统计关系",
}
_ELSEWHERE = re.compile(
    r"隔壁|外地|外区|区外|其他区|别的区|外省|外市|不在(?:滨江|高新区|本区|区内|这边)|"
    r"\boutside (?:the |of )?(?:district|binjiang)\b|\b(?:another|other) district\b|\belsewhere\b|"
    r"\b(?:municipal|city|provincial) level\b|\brather than (?:at )?(?:the )?district\b|"
    r"\bnot in (?:the district|binjiang)\b",
    re.I,
)


def _outside(question: str) -> tuple[str, ...]:
    """The registrations the asker says are outside the district ("税务在外地", "财政级次在隔壁区")."""
    found: list[str] = []
    for clause in re.split(r"[,,。;;??!!]", question):
        if _ELSEWHERE.search(clause) or other_places(clause):
            found += [word for key, word in _REGISTRATIONS.items() if key in clause.lower()]
            # "我们在余杭区", "公司注册在外省": where the company is, its taxes and fiscal level are
            if _LOCATED.search(clause):
                found += ["工商登记", "财政收入级次"]
    return tuple(dict.fromkeys(found))


# the asker's company said to be in a place ("我们在…", "公司位于…", "企业注册在…")
_LOCATED = re.compile(r"(?:我们|我司|公司|企业|单位)(?:公司|企业)?(?:现在|目前)?(?:在|位于|设在|落在|注册在)")


_YEARS_AGO = re.compile(r"大前年|前年|去年|今年|(?P<n>\d+|[一二两三四五六七八九十])\s*年前")
_NAMED_YEARS_AGO = {"今年": 0, "去年": 1, "前年": 2, "大前年": 3}
_YEAR = re.compile(r"(?<!\d)(20\d\d)\s*年")
_YEARS_AGO_EN = re.compile(rf"\b(\d+|{EN_NUMBER_WORDS}) years? ago\b", re.I)
_STACKING = re.compile(
    r"同时(?:享受|拿|申请|申报)|叠加|(?:拿|领|享受|要)(?:两|二|2|几)(?:份|个|项|样|次)(?:吗|么|不|呢|\?|$)|重复(?:享受|拿|申请|申报|领)|(?:一起|一块儿?|一并)(?:拿|领|吃|享受|申请|申报)|各(?:拿|领|吃|享受)(?:一份|一次|一个|一笔)|加起来[^,,。;;??]{0,6}?(?:拿|领)|都(?:能|可以|想|要)?(?:拿|领|享受)|都(?:能|可以|想)要(?!求)|都(?:能|可以)(?:申请|申报)|兼得|"
    # ("…take the rent subsidy and then the purchase subsidy as well?": the second had on top of the first)
    r"\bstack|at the same time|\bboth\b|combine|\b(?:and|then)\b[^?.]*\b(?:as well|too)\s*\?",
    re.I,
)
_CLAIMS_PAST = re.compile(
    # ("去年拿了", "获得了", "评上了": what the asker got, said as done)
    r"[拿得获评享领]过|[拿获评享领](?:到|得|上|受)?了(?![吗么])|已经|已获|曾|之前|以前|"
    r"\bhad\b|\bhave (?:won|received|got)|\balready\b|\bbefore\b|"
    # ("We won the provincial award last year": won is said only of what happened)
    r"\bwon\b|\b(?:was|were) awarded\b|\bobtained\b",
    re.I,
)
_DENIES_PAST = re.compile(
    r"没(?:有)?(?:拿|获|得|评|申报|报)过|未(?:曾)?获得|从未|从没|never (?:won|received|got)", re.I
)


def _years_ago(question: str) -> int | None:
    """How long ago the earliest event the asker names was: 去年 1, 前年 2, "3年前" 3, "two years ago" 2; or,
    of an event in a year they name before a later year they ask of ("2024年获得了…,2025年还能申报吗?"), the
    years between (None when unsaid)."""
    found = [EN_NUMBERS.get(m.group(1).lower(), 0) or int(m.group(1)) for m in _YEARS_AGO_EN.finditer(question)]
    dated = [(clause, int(y)) for clause in re.split(r"[,,。;;??!!]", question) for y in _YEAR.findall(clause)]
    done = [year for clause, year in dated if _CLAIMS_PAST.search(clause)]
    asked = [year for clause, year in dated if not _CLAIMS_PAST.search(clause)]
    if done and asked and max(asked) > min(done):
        found.append(max(asked) - min(done))
    found += [1 for _ in re.finditer(r"\blast year\b", question, re.I)]
    found += [2 for _ in re.finditer(r"\byear before last\b", question, re.I)]
    for m in _YEARS_AGO.finditer(question):
        if m.group("n"):
            value = chinese_number(m.group("n"))
            if value is not None:
                found.append(int(value))
        else:
            found.append(_NAMED_YEARS_AGO[m.group()])
    return max(found) if found else None


_DEADLINE = re.compile(r"截止|截至|deadline", re.I)
# applying for something, or a round of it: a deadline spoken of with it is the application's, not the document's end
_APPLYING = re.compile(
    r"申报|申请|报名|提交|递交|材料|受理|每年|年度|每批|\bappl(?:y|ied|ication)|\bsubmi|\beach year", re.I
)


def _names_document(text: str, doc_filter: list[int], named: list[int], corpus: Corpus) -> bool:
    """The question names a document: by 文号, or by words of its title (not only by the kind of company it is
    for: "总部企业" names no one document)."""
    return bool(doc_filter) or any(
        len(t) >= 3 and t in text for doc in corpus.with_text() if doc.doc_no in named for t in title_terms(doc.title)
    )


# what a term means, or how the figure it names is reckoned
_ASKS_DEFINITION = re.compile(
    r"什么意思|啥意思|指(?:的是)?(?:什么|啥|哪些)|是指|含义|定义|怎么(?:算|计算|理解)|如何(?:计算|理解|界定)|"
    r"\bwhat (?:does|do) [^?]{1,60}\bmean\b|\bmeaning of\b|\bdefin(?:ed|e|ition)\b",
    re.I,
)
# the papers an application needs ("要交哪些材料?", "需要提供什么资料", "提交什么?", "what documents do we submit?")
_MATERIALS = re.compile(
    r"(?:交|提供|提交|准备|带|报送|递交|上传)(?:哪些|什么|啥|哪几样)(?:申报|申请)?(?:材料|资料|证明|手续)|"
    r"(?:哪些|什么|啥)(?:申报|申请)?(?:材料|资料)|提交(?:什么|哪些|啥)|材料(?:清单|有哪些|是什么|包括哪些|都有啥)|"
    r"\bwhat (?:documents|documentation|materials|paperwork)\b|\bwhich (?:documents|materials)\b",
    re.I,
)


# "how many years": the unit a period is asked in
_HOW_MANY_UNITS = re.compile(rf"\bhow many {_TIME_UNIT_EN}", re.I)
# how long ago something of the asker's happened ("won it two years ago"): their own time, a constraint, not a topic
_AGO_EN = re.compile(rf"\b(?:\d+|a few|a couple of|{EN_NUMBER_WORDS})\s+{_TIME_UNIT_EN}\s+ago\b", re.I)
# "rates them five-star", "rated us": the verb of a rating given, not the noun of a share or an interest rate
_RATE_VERB = re.compile(r"\brat(?:es|ed|ing)\s+(?:them|it|us|you|him|her|me)\b", re.I)


def _asks_still(question: str) -> bool:
    """Whether the question asks if a policy can still be used (its validity), not whether it can be used even so
    in a circumstance the asker names before ("被列入失信名单还能享受吗?", "If we move out, can we still claim?")."""
    m = _STILL.search(question)
    return m is not None and not _CIRCUMSTANCE.search(question[: m.start()])


# a circumstance the asker supposes or has undergone, before "还能…?"
_CIRCUMSTANCE = re.compile(
    r"被|如果|要是|假如|万一|一旦|\bif\b|\bonce\b|\bafter (?:we|i|our|the company)\b|"
    # ... or what they already got ("去年拿了省标准创新奖,今年还能报吗?": whether again, not until when)
    r"[拿获评](?:到|得|上)?[了过]|已经?获得?",
    re.I,
)
# whether a policy can be used now ("现在还能申请吗?", "今年还有吗", "Can we still claim it?")
_STILL = re.compile(
    r"还能|还可以|还有效|还适用|还管用|还算数|还作数|还有没有|"
    + _STILL_FOLLOWED
    + r"|仍能|仍可|仍然|现在能|现在可以|目前能|目前可以|今年能|今年可以|今年还|"
    r"\bstill\b|\bany ?more\b|\bnowadays\b|\bcurrently\b|"
    # "this year" asks of the policy beside applying for it ("Can we apply this year?"), not when it dates the
    # asker's own figures ("Our retail sales this year reached…")
    r"\b(?:apply|claim|get|receive|use|valid|available|in (?:force|effect)|open)\b[^.?!]{0,25}\bthis year\b|"
    r"\bthis year\b[^.?!]{0,25}\b(?:apply|claim|valid|available|in (?:force|effect)|open)\b",
    re.I,
)
_DISTRICT = re.compile(r"滨江|高新区|binjiang", re.I)
# the district named only as what another place is weighed against ("余杭区的上市奖励…跟滨江比哪个高?"):
# the question is still about the other place's own rules
_WEIGHED_AGAINST = re.compile(
    r"(?:跟|和|与|同)\s*(?:滨江|高新区)(?:区|的)?\s*(?:比|相比|比较|对比|一样|差不多)|比(?:滨江|高新区)|"
    r"(?:compared (?:with|to)|than|versus|vs\.?) binjiang",
    re.I,
)
# what a government above the district itself pays or how it rates companies: that government's own rules,
# which a district compilation does not hold ("省里自己给多少", "杭州市五星级是按什么标准评的")
_OTHER_GOVERNMENT = re.compile(
    r"(?:省里|市里|浙江省|杭州市|国家)(?:本身|自己|另外)?(?:对[^,,。;;??]{1,16})?(?:给|发|奖|补|出)(?:多少|几)|"
    # the province's or the city's own standard ("浙江省的专精特新奖励标准是什么?")
    r"(?:浙江省|杭州市|省里|市里)(?:自己)?的[^,,。;;??]{0,12}(?:奖励|补贴|补助|资助)(?:标准|政策|办法)|"
    r"(?:浙江省|杭州市|省里|市里)[^,,。;;??]{0,16}(?:怎么评|按什么标准评|如何评)|"
    r"\b(?:province|city|national government|central government)\s+(?:itself\s+)?(?:pays?|gives?|grants?)\b",
    re.I,
)
# the taxes a question may name (个人所得税 before 所得税: the longer name first)
TAX_NAMES = "个人所得税|企业所得税|所得税|个税|契税|增值税|印花税|房产税|土地使用税|土地增值税|消费税"
# whether tax is owed on what one gets ("奖金要交个人所得税吗?", "Is the award taxable?"): national tax law, which
# no district policy sets
_TAX_OWED = re.compile(
    # (not where a company pays its taxes: "要在滨江缴税才能享受吗?" is the registration condition)
    r"(?:要不要|需不需要|用不用|是否|需要|要|得)\s*(?:交|缴纳?|代?扣|代缴)(?:个人|企业)?(?:所得税|个税|税)|个税怎么(?:算|交)|"
    # ... and how it is withheld or declared (代扣代缴, 按偶然所得还是工资薪金申报: categories of the tax law)
    r"代扣代缴|偶然所得|工资薪金所得|"
    r"\btaxable\b|\bpay (?:income |personal income )?tax(?:es)? on\b|"
    r"\bsubject to (?:individual |personal |corporate )?income tax\b|\bwithh[oe]ld(?:ing)? (?:the )?(?:income )?tax\b|"
    # ... and a rate of tax, which national tax law sets (the compilation only says such policies are carried out)
    r"税率|\b(?:tax|VAT) rates?\b|加计扣除(?:的)?(?:比例|比率)|\bsuper[- ]?deduction (?:ratio|rate)s?\b|"
    # ... and relief from income tax ("外籍高管的个税能减免多少?", "income tax exemption for our engineers")
    # (and of the other taxes national law sets, which the compilation never names: 契税, 增值税, 印花税…)
    rf"(?:{TAX_NAMES})[^。;;??!!]{{0,12}}?(?:减免|免征|减征|返还|退还|退税|抵扣|减半|优惠)|"
    rf"(?:减免|免征|减征|免缴|免交|返还|退还|退税)[^。;;??!!]{{0,6}}?(?:{TAX_NAMES})|"
    r"\bincome[- ]tax (?:relief|refunds?|rebates?|exemptions?|breaks?|holidays?|reductions?)\b|"
    # "exempt from (personal) income tax", "tax-free", "tax exempt"
    r"\bexempt(?:ed)? from (?:the )?(?:individual |personal |corporate )?(?:income )?tax(?:es|ation)?\b|"
    r"\btax[- ](?:free|exempt)\b",
    re.I,
)
_ASKS_BENEFIT = re.compile(
    r"(?:有|给|享受)?(?:什么|哪些|啥)(?:样的)?(?:奖励|补贴|补助|资助|扶持|支持|优惠|政策|待遇|好处)|"
    r"(?:能|可以)?(?:拿到?|得到|获得|享受到?|给)(?:些)?(?:什么|哪些|啥)(?=[??,,。]|$)|"
    r"what (?:support|incentives?|benefits?|subsid|awards?|grants?)|"
    r"what (?:does|do|will|would|can|could) [^?.]{0,60}\b(?:give|get|offer|receive|provide)s?\b|"
    # whether any is given ("有没有奖励?", "给不给钱?", "Do you give money for…?", "Is there any funding for…?")
    r"(?:有没有|有无|给不给|有木有)(?:什么|啥|些|点)?(?:奖励|补贴|补助|资助|扶持|支持|优惠|钱|奖金)|"
    r"\b(?:give|offer|pay|provide)s?\s+(?:any\s+|some\s+)?(?:money|funding|subsid|rewards?\b|grants?\b|support\b)|"
    r"\bis there (?:any |some )?(?:money|funding|subsid|rewards?\b|grants?\b|support\b|incentives?\b)",
    re.I,
)
_ASKS_IF_GIVEN = re.compile(r"(?:奖励|补贴|补助|资助|扶持|优惠|奖金)(?:吗|嘛|么|没有?|不)(?=[??,,。!!\s]|$)")
_ASKS_LIST = re.compile(
    r"条件(?:是什么|是啥|有哪些)|(?:什么|哪些|啥)(?:申报|申请|认定)?条件|哪几类|哪些类型|分为哪|哪几[个项步]|"
    r"哪些(环节|步骤|程序|流程|阶段)|几个(环节|步骤|阶段)|几步|几道(?:手续|关)"
    r"|环节|步骤|流程|程序|steps|procedure|walk (?:me|us) through|step by step|"
    # the ways a thing is done ("还能怎么兑现?", "有哪些方式?"): a list's items
    r"(?:哪些|什么|哪几种|几种)[\u4e00-\u9fff]{0,4}?(?:方式|形式|办法|途径|渠道)|还(?:能|可以)怎么|"
    r"\bin what (?:ways?|forms?)\b|\bwhat (?:ways|forms)\b",
    re.I,
)
_PART = re.compile(r"[^??]+[??]")


# where something is to be read ("去哪看", "在哪里查", "到哪儿找"): a channel, not the thing's own items
_WHERE_TO_READ = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:(?:去|在|到|从)哪(?:里|儿)?|哪(?:里|儿))(?:能)?(?:看|查|找)")


def asks_for_list(text: str) -> bool:
    """Whether ``text`` asks for a list's items: steps, conditions, kinds (not where they are to be read:
    "申报条件和程序去哪看?" asks a channel)."""
    return any(not _WHERE_TO_READ.match(text, m.end()) for m in _ASKS_LIST.finditer(text))


# an English question goes on to a second one after ", and" with a question word ("Which body runs it, and do we
# get a certificate?"); "and" between two nouns ("loan, guarantee and insurance") joins no questions
_EN_NEXT_PART = re.compile(
    r",\s*(?:and|also|plus)\s+(?=(?:how|what|which|who|whom|when|where|whether|is|are|can|could|do|does|did|will|"
    r"would|should|must|once|if)\b)",
    re.I,
)


def _question_parts(question: str) -> list[str]:
    """The questions a question in several parts asks, each with words of its own."""
    parts = [p.strip() for p in _PART.findall(question)]
    if is_english(question):
        parts = [q for p in parts for r in _english_requests(p) for q in _english_parts(r)]
    return [p for p in parts if len(re.sub(r"\W", "", p)) >= 4]


# a request made as a sentence of its own ("Walk me through the review. How long is the notice?")
_EN_REQUEST = re.compile(r"(?:please\s+)?(?:walk|tell|explain|list|describe|outline|show|give|summari[sz]e)\b", re.I)


def _english_requests(text: str) -> list[str]:
    """``text`` split after each sentence that makes a request of its own ("Walk me through how … after
    applications are in."), which asks as a question does; other sentences are what the next one asks about
    ("We are an HQ company. Can we…?") and stay with it."""
    out, held = [], ""
    for sentence in re.split(r"(?<=[.!])\s+(?=[A-Z])", text.strip()):
        held = f"{held} {sentence}".strip()
        if _EN_REQUEST.match(sentence) and not sentence.endswith("?"):
            out.append(held)
            held = ""
    return [*out, held] if held else out


def _english_parts(question: str) -> list[str]:
    """An English question split where ", and" opens a question of another kind ("Which body runs it, and do we
    get a certificate?"); questions of one kind in a row ("Who writes…, who approves…, and who checks…?") ask one
    thing of several and stay one."""
    pieces = [p.strip() for p in _EN_NEXT_PART.split(question)]
    if len(pieces) < 2:
        return [question.strip()]
    asking = re.findall(r"\b(how|what|which|who|whom|when|where|whether)\b", pieces[0].lower())
    first = asking[0] if asking else ""
    later = [re.match(r"\w+", p.lower()) for p in pieces[1:]]
    if first and all(m is not None and m.group() == first for m in later):
        return [question.strip()]
    return pieces


# what follows a share word that states a figure ("占比20%", "比例约为15%", "百分之二十")
_STATED_SHARE = re.compile(
    r"\s*(?:正好|刚好|恰好|已经|将近|接近)?(?:是|为|约为?|达到?|有|在|了|大概|差不多|=|:|:|of)?\s*(?:百分之)?"
    r"(?:\d|[一二两三四五六七八九十](?!成))",
    re.I,
)


def asked_kinds(question: str) -> frozenset[Asked]:
    """The kinds of fact a question asks, from its question words; a Chinese question word counts only as
    whole words (标准 inside the award name 标准创新奖, 几家 inside 十几家, 能拿 across 才能|拿 ask nothing)."""
    from indexing.keyword import word_bounds

    question = without_english_beginnings(question)  # ("has been in force for 18 months" asks no date)
    bounds = word_bounds(question)
    found = set()
    for kind, pattern in _ASKED.items():
        if any(not _CJK.search(m.group()) for m in pattern.finditer(question)):
            found.add(kind)  # English: the patterns hold their own word boundaries
            continue
        for start in sorted(bounds):
            m = pattern.match(question, start)
            if m and m.end() in bounds and not _indefinite(m, question):
                found.add(kind)
                break
    if any(m.group(1) in _A_NOT_A_VERBS for m in _A_NOT_A.finditer(question)):
        # an A-not-A of a modal asks yes or no wherever the tokenizer cuts it ("…投资,问能不能享受…": 问能|不能)
        found.add(Asked.YES_NO)
    if Asked.OUTCOME in found and not any(_ASKED[Asked.OUTCOME].search(q) for q in _asking_sentences(question)):
        # "two companies have used it so far." tells the asker's own state; results to date are asked in a question
        found.discard(Asked.OUTCOME)
    if Asked.YES_NO in found:
        # "Does the district reward…?", "Is there funding?", "Can we still apply?" ask whether, not how much or how
        for kind, bare in ((Asked.AMOUNT, _BENEFIT_NOUN), (Asked.PROCEDURE, _APPLY)):
            words = [m.group() for m in _ASKED[kind].finditer(question)]
            if words and all(bare.fullmatch(w) for w in words):
                found.discard(kind)
    if found & {Asked.PERIOD, Asked.COUNT, Asked.DATE, Asked.RATIO} or _HOW_DONE.search(question):
        # "How many years can we get the rent subsidy?": the subsidy is what the period is of, not an amount asked;
        # "How is it converted when calculating the subsidy?": how a thing is done, of the subsidy
        words = [m.group() for m in _ASKED[Asked.AMOUNT].finditer(question)]
        if words and all(_BENEFIT_NOUN.fullmatch(w) for w in words):
            found.discard(Asked.AMOUNT)
    if Asked.DATE in found:
        # "被列入失信名单还能享受吗?": still, in a circumstance the asker names, is whether even so, not until when
        dated = list(_ASKED[Asked.DATE].finditer(question))
        if dated and all(
            m.group().lower().startswith(("还", "仍", "still")) and not _asks_still(question[: m.end()]) for m in dated
        ):
            found.discard(Asked.DATE)
    if Asked.RATIO in found:
        # "研发投入4000万,占比20%,够吗?": a share word followed by the asker's own figure states it, not asks it
        # ("grew 6 percentage points above…": a share word after a number is the number's unit)
        matches = list(_ASKED[Asked.RATIO].finditer(question))
        if matches and all(
            _STATED_SHARE.match(question, m.end()) or re.search(r"\d\s*$", question[: m.start()]) for m in matches
        ):
            found.discard(Asked.RATIO)
    if _RATE_ASKED.search(question):
        # "按什么标准奖励银行?": the measure a benefit is given by (a share, a sum), not a condition to meet
        found |= {Asked.AMOUNT, Asked.RATIO}
        if all(m.group() == "标准" for m in _ASKED[Asked.CRITERION].finditer(question)):
            found.discard(Asked.CRITERION)
    if Asked.DATE in found and Asked.PROCEDURE in found:
        # "几月份开始受理申报?", "什么时候交材料?": the date of a step is asked, not how it is taken
        words = [m.group() for m in _ASKED[Asked.PROCEDURE].finditer(question)]
        undated = _ASKED[Asked.DATE].sub("", question)
        if all(_STEP.fullmatch(w) for w in words) and not _HOW_OR_WHERE.search(undated):
            found.discard(Asked.PROCEDURE)
    if not found and _TERSE_WHETHER.search(question):
        # a search-box question with no question word, its last clause a modal or a judging verb ("营收8亿算总部?",
        # "实施1年能报?", "获奖2年可再报?"): whether
        found.add(Asked.YES_NO)
    return frozenset(found)


# the last clause of a question, marked as one, that says what the asker may do or be ("…算研发总部?", "…可再报?",
# "…能补?", "…有奖?")
# (a modal, not a piece of a word: 人工智能, 功能, 算力, 认可, 许可)
_TERSE_WHETHER = re.compile(
    r"(?:(?<![智功性才体技])能|(?<![认许宁])可|算(?![力法])|够|有(?=奖|补|钱|政策|支持))[^,,;;。??!!]{0,10}[??]\s*$"
)


# the measure a benefit is given by, asked ("按什么标准奖励?", "以什么比例补贴", "按啥标准补助")
_RATE_ASKED = re.compile(
    r"(?:按|以|照)(?:照)?(?:什么|啥|何种|哪种|哪个|怎样的?|什么样的?)(?:标准|比例)(?:来|去)?(?:给予?|进行)?"
    r"(?:奖励?|补贴?|补助|资助|扶持|贴息)"
)


# a question asking which office runs, implements or interprets a policy
_OFFICE_ASKED = re.compile(
    # (not 牵头 alone: "我们公司牵头制定的国家标准" is the asker's own part in a standard)
    r"哪个(?:机构|部门|单位|办公室)|哪家(?:机构|单位|部门)?(?:负责|牵头|主管)|[归由]谁|谁[来在]?(?:负责|牵头|主管|管|解释|落实)|主管部门|"
    r"牵头(?:的|单位|部门)?(?:是|为)(?:哪|谁)|"
    r"which (?:[a-z-]+ ){0,3}(?:office|department|bureau|agency|body|authority|organi[sz]ation)|"
    r"who (?:actually |really |exactly )?(?:runs|handles|is in charge|is responsible|interprets|implements)|"
    r"who (?:will|would|should|is going to) (?:run|handle|implement|interpret)|"
    r"who(?:m)? (?:(?:do|should|can|could) (?:we|i|you|one) )?(?:contact|ask|call|talk to|speak to|turn to)|"
    r"whom? to (?:contact|ask|call)|"
    r"responsible for (?:running|implementing|interpreting)",
    re.I,
)

_STEP_OFFICE = re.compile(r"受理|材料|评审|审核|审批|交给|交到|设在")


def asks_office(question: str) -> bool:
    """Whether the question asks which office runs, implements or interprets a policy (not which office takes a
    step of it: "材料交给哪个机构受理?" is answered where the step is set out)."""
    # (who interprets a policy is its document's office, whatever step the question names: "对评审管理办法的条文
    # 有分歧,找哪个部门解释?")
    return bool(_OFFICE_ASKED.search(question)) and (
        not _STEP_OFFICE.search(question) or bool(_INTERPRETS.search(question))
    )


_INTERPRETS = re.compile(r"解释|\binterpret", re.I)


# a step of applying named without asking how or where it is taken ("材料交到哪个窗口?" asks where)
_STEP = re.compile(r"受理|材料|交给|apply")  # (apply: "几月份开始 apply?", a step's date in mixed Chinese and English)
_HOW_OR_WHERE = re.compile(r"哪|谁|怎|如何")
# an English sentence, up to its full stop (not a decimal point) or question mark
_EN_SENTENCE = re.compile(r"[^.?!]*(?:\.(?!\d)|[?!]|$)")


def _asking_sentences(question: str) -> list[str]:
    """The sentences that ask: those ending in a question mark, and the last (an English statement before them,
    ending in a full stop, only tells); a Chinese question is one asking sentence."""
    if _CJK.search(question) and not is_english(question):
        return [question]
    sentences = [m.group().strip() for m in _EN_SENTENCE.finditer(question) if m.group().strip()]
    return [t for i, t in enumerate(sentences) if t.endswith("?") or i == len(sentences) - 1]


# how a thing is done, asked in English ("How is it converted…?", "How are the figures counted?"), not how much
# (how a benefit is calculated or determined asks its amount's rule: "按…新增部分的50%安排资助")
_HOW_DONE = re.compile(
    r"\bhow (?:is|are|was|were) [a-z ]{1,40}? (?!calculated|computed|determined)[a-z]+ed\b",
    re.I,
)
# a benefit noun asks an amount in "what is the reward…?" and "奖金?", and "apply" a procedure in "where do we
# apply?", not in a yes/no question ("奖金算不算工资?") nor beside another kind's question word ("how many years")
_BENEFIT_NOUN = re.compile(r"reward|subsid|grant|bonus|fund|奖金|金额|资金|额度", re.I)
# what a policy gives, named in either language
_BENEFIT = re.compile(r"奖励|奖金|补贴|补助|资助|reward|award|subsid|grant|bonus|funding", re.I)
_APPLY = re.compile(r"apply", re.I)


# 几 in a clause that asks 吗 counts nothing: "控股的几家子公司的营收能合并算进来吗?" is "some subsidiaries"
_ASKS_MA = re.compile(r"[^??。!!;;]*[吗么](?:[??。!!;;]|$)")


def _indefinite(match: re.Match[str], question: str) -> bool:
    return match.group().startswith("几") and bool(_ASKS_MA.match(question, match.end()))


# the verb a yes/no question asks with, and the answer's yes and no in it (the first that the question uses)
_VERDICT_VERBS: tuple[tuple[re.Pattern[str], tuple[str, str]], ...] = (
    (re.compile(r"算不算|算.{0,12}吗"), ("算", "不算")),
    (re.compile(r"够不够|够格|够得上|够.{0,6}吗"), ("够", "不够")),
    (re.compile(r"符合"), ("符合", "不符合")),
    (re.compile(r"属不属于|属于.{0,12}[吗么]"), ("属于", "不属于")),
    (re.compile(r"能|可以|可不可以"), ("可以", "不能")),
    # "我们营收25亿,是销售型总部吗?": after the self-description ("我们是…,") a 是…吗 asks whether one is
    (re.compile(r"(?<![我们本人])是不是|(?<![我们本人咱])是[^,,。;;]{1,12}[吗么]"), ("是", "不是")),
)


_CHOICE = re.compile(r"\s*(?:还是|或是|或者|\bor\b)\s*(?:按|是)?\s*", re.I)
_KIND_ASKED = {"money": Asked.AMOUNT, "share": Asked.RATIO, "period": Asked.PERIOD, "count": Asked.COUNT}


def _choice_kinds(question: str) -> frozenset[Asked]:
    """A choice between two figures ("按100%还是120%扣?", "3年还是5年?") asks for a figure of their kind."""
    figures = list(FIGURE.finditer(question))
    kinds = set()
    for before, after in pairwise(figures):
        if _CHOICE.fullmatch(question[before.end() : after.start()]):
            kind = figure_kind(compact(after.group()))
            if kind == figure_kind(compact(before.group())) and kind in _KIND_ASKED:
                kinds.add(_KIND_ASKED[kind])
    return frozenset(kinds)


def verdict_words(question: str) -> tuple[str, str]:
    """The yes and the no of the question's own verb (能认定吗 -> 可以 / 不能); 可以 / 不够 by default."""
    return next((words for pattern, words in _VERDICT_VERBS if pattern.search(question)), ("可以", "不够"))


def asking_word(key: str) -> bool:
    """Whether a concept's key is itself a word that asks (门槛, 多少, 条件): a kind of fact, not a topic."""
    return any(p.fullmatch(key) for p in _ASKED.values())


def topic_words(plan: QueryPlan, limit: int = 4, first: Iterable[str] = ()) -> list[str]:
    """The question's topic as a reader would name it: its concepts without the asking itself (什么时候,
    哪个部门) and without a word a longer one holds (创新 in 标准创新奖); ``first``: words named before them."""
    keys = list(dict.fromkeys([*first, *(c.key for c in plan.concepts if not asking_word(c.key))]))
    keys = [k for k in keys if not any(k != o and k in o for o in keys)]
    described = self_described(plan.original, keys)  # who asks ("我们是一家企业,") after what is asked
    ordered = [*(k for k in keys if k not in described), *(k for k in keys if k in described)][:limit]
    return [_as_said(k, plan.original) for k in ordered] if plan.lang == "en" else ordered


def _as_said(key: str, question: str) -> str:
    """An English glossary key as the asker spelled it (the key is in the glossary's reading: "high tech
    enterprize" for "high-tech enterprises", "center" for "centre")."""
    words = re.findall(r"[A-Za-z][A-Za-z&'-]*", question)
    for n in range(1, 6):
        for i in range(len(words) - n + 1):
            said = " ".join(words[i : i + n])
            if lexicon.normalise_key(said) in (key, f"{key}s", f"{key}es", f"{key}ing"):  # as the glossary matches
                return said
    return key


def names_anything(text: str, lang: str) -> bool:
    """Whether ``text`` names an award, recognition, programme, clause heading or defined term of the
    compilation (``lexicon.named_terms``), in its own words or, for English, through the glossary."""
    named = lexicon.named_terms()
    if lang == "en":
        return any(t in named for _, targets in lexicon.english().matches(text) for t in targets)
    return any(t in text for t in named)


def self_descriptions(question: str) -> list[str]:
    """How the asker describes themselves ("我们是做软件的小公司," -> 做软件的小公司; "我在区内一家企业工作," ->
    区内一家企业工作; "We are a small software company with…" -> small software company)."""
    pattern = SELF_DESCRIPTION_EN if is_english(question) else SELF_DESCRIPTION
    return [next(g for g in m.groups() if g) for m in pattern.finditer(question)]


def without_self_description(question: str) -> str:
    """``question`` without the asker's description of themselves."""
    pattern = SELF_DESCRIPTION_EN if is_english(question) else SELF_DESCRIPTION
    return pattern.sub(" ", question)


def described_in_chinese(question: str) -> list[str]:
    """The asker's descriptions in the compilation's words: as written, or an English one through the glossary
    ("accounting firm" -> 会计师事务所), for the sectors and kinds the policy facts are written in."""
    described = self_descriptions(question)
    if not is_english(question):
        return described
    glossed = [" ".join(t for _, targets in lexicon.english().matches(d) for t in targets) for d in described]
    return [g for g in glossed if g]


# a sentence in which the asker tells of themselves ("我们是做精密减速机的,2016年成立,…营收3个多亿。"), after a
# greeting at most ("您好,我们…", "请教一下 我们公司…")
_TELLS = re.compile(r"^(?:[^,,。!!??]{0,8}[,,!!~\s]+)?(?:我们|我司|我|咱们|咱|本公司|我公司|公司)")
_SENTENCES = re.compile(r"(?<=[。!!\n])")
# what makes a sentence ask: a question mark, a question particle, an interrogative, an A-not-A ("…正在准备专精特新的
# 材料。" tells: 材料 asks only in a question)
_INTERROGATIVE = re.compile(r"[??吗呢]|多少|什么|啥|怎么|怎样|如何|哪|谁|是否|能否|可否|([\u4e00-\u9fff])[不没]\1")


def background(question: str) -> list[str]:
    """The sentences with which the asker tells of themselves before asking: from the first, each that asks
    nothing and ends in a full stop, a later sentence asking ("我们是做精密减速机的,2016年成立,…营收3个多亿。
    想问下…小巨人的一次性奖励最高是多少?")."""
    if is_english(question):
        return []
    sentences = [s.strip() for s in _SENTENCES.split(question) if s.strip()]
    told = []
    for sentence in sentences[:-1]:
        if not _TELLS.search(sentence) or _INTERROGATIVE.search(sentence):
            break
        told.append(sentence)
    return told


def self_described(question: str, keys: Iterable[str]) -> frozenset[str]:
    """The ``keys`` that ``question`` uses only where the asker describes themselves."""
    described = self_descriptions(question)
    rest = without_self_description(question)
    if is_english(question):
        # (in the glossary's reading, as its keys are: "new-energy" is the key "new energy")
        described = [lexicon.normalise_key(d) for d in described]
        rest = lexicon.normalise_key(rest)
    return frozenset(k for k in keys if any(k in d for d in described) and k not in rest)


def told_before(question: str, keys: Iterable[str]) -> frozenset[str]:
    """The ``keys`` that ``question`` uses only in the sentences that tell of the asker before asking
    (``background``)."""
    told = background(question)
    rest = question
    for sentence in told:
        rest = rest.replace(sentence, " ")
    return frozenset(k for k in keys if any(k in t for t in told) and k not in rest)


# "一年评两次", "一个月最多补5万": one unit of time before another figure is what the figure is per, not a claim
# (or in one go: "一次给20万" is a lump sum of 20万, not a count of one)
_PER_UNIT = re.compile(r"[一1](?:年|个月|天|日|次)")


def claims(question: str) -> list[str]:
    """The figures ``question`` states (what a "…对吧?" asks to check), without the unit of time a figure is
    given per ("一年" in "一年评两次吧?")."""
    figures = list(FIGURE.finditer(question))
    # (what is given per unit may be a spoken count: "一年评两回")
    counts = [m.start() for m in _SPOKEN_COUNT.finditer(question)]
    return [
        m.group()
        for i, m in enumerate(figures)
        if not _OWN_DOING.search(question[max(0, m.start() - 12) : m.start()])
        and question[max(0, m.start() - 1) : m.start()] != "第"  # "第一次纳入": an ordinal, no count claimed
        and not (
            _PER_UNIT.fullmatch(compact(m.group()))
            and (
                (i + 1 < len(figures) and figures[i + 1].start() - m.end() <= 6)
                or any(0 <= c - m.end() <= 6 for c in counts)
            )
        )
    ]


# what the asker did with money, before its sum ("从银行贷了3000万", "贷款3000万"): their own figure, not one they
# say the policy states
_OWN_DOING = re.compile(r"(?:[贷借投花融租买付交赚亏卖]了|贷款|借款|融资)[^,,。;;??!!\d]{0,4}$")
_SPOKEN_COUNT = re.compile(r"[一二两三四五六七八九十\d]+\s*[回次个家项名]")


def _claimed_kinds(question: str, own: list[UserFigure]) -> frozenset[Asked]:
    """The kinds of the figures a question states about the policy (not the asker's own company's)."""
    mine = {compact(f.text) for f in own}
    kinds: set[Asked] = set()
    # an English statement of the asker's own ("Our retail sales grew 6% faster than…."): its figures are theirs,
    # whatever metric they are of
    statements = [m.span() for m in _EN_OWN_STATEMENT.finditer(question)]
    for m in FIGURE.finditer(question):
        if compact(m.group()) in mine or any(compact(m.group()) in t for t in mine):
            continue
        if any(a <= m.start() < b for a, b in statements):
            continue
        kind = figure_kind(compact(m.group()))
        kinds |= {Asked.AMOUNT} if kind == "money" else {Asked.RATIO} if kind == "share" else set()
    stated = [compact(m.group()) for m in _EN_MONEY.finditer(question)]
    if any(not any(said in t or t in said for t in mine) for said in stated):
        kinds.add(Asked.AMOUNT)  # "the prize is RMB 200,000, right?"
    return frozenset(kinds)


# an English sentence in which the asker states something of their own, ending in a full stop (not a question)
# (not what they were told: "We heard the award is 30%.")
_EN_OWN_STATEMENT = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:our|we|we're|we've|i|i'm|my)\b"
    r"(?![^.?!]*\b(?:heard|hear|told|said|says|read|rumou?rs?|claims?|understand)\b)[^?!]*?\.(?=\s|$)",
    re.I,
)

# an amount of money written in English ("RMB 200,000", "USD 2 million", "5 million yuan")
_EN_MONEY = re.compile(
    r"(?:\b(?:rmb|cny|usd)|[$¥])\s*\d[\d,.]*(?:\s*(?:thousand|million|billion|k|m|bn)\b)?|"
    r"\b\d[\d,.]*\s*(?:(?:thousand|million|billion)\s*)?(?:yuan|rmb)\b",
    re.I,
)


_NAMED = re.compile(r"“([\u4e00-\u9fff]{2,8})”")
_NAMES: dict[tuple[int, int], frozenset[str]] = {}


def quoted_names(corpus: Corpus) -> frozenset[str]:
    """The names the compilation's texts set in quotation marks (“标准地”, “小升规”, “亩均论英雄”): each is one
    thing, however a tokenizer would cut it (标准地 into the asking word 标准 and 地)."""
    key = (id(corpus), len(corpus.documents))
    if key not in _NAMES:
        _NAMES.clear()
        _NAMES[key] = frozenset(n for c in corpus.clauses() for n in _NAMED.findall(c.text))
    return _NAMES[key]


def _named_in(question: str, concepts: list[Concept], corpus: Corpus) -> list[Concept]:
    """The compilation's quoted names the question says that no concept of it holds even in part: a topic the
    tokenizer lost ("标准地每亩多少钱?" kept only 每亩)."""
    said = compact(question)
    keys = [c.key for c in concepts]
    return [
        Concept(name, (name,))
        for name in sorted(quoted_names(corpus))
        if name in said and not any(k in name or name in k for k in keys)
    ]


# a year said ("2026年区财政…"): a constraint, and jieba would cut 年区 from it
_YEAR_WORD = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年(?!度)")


def concepts_of(text: str, lang: str) -> list[Concept]:
    """Topic concepts: each lexicon phrase (with its corpus wording) and each remaining content word."""
    from indexing.keyword import tokenize

    concepts: list[Concept] = []
    text = without_elapsed(text)  # "实施刚满一年半": the asker's period is a constraint, not a topic
    if lang != "zh":  # "how many years": the unit asked in, not a topic (as 几年 is none)
        text = _RATE_VERB.sub(" ", _AGO_EN.sub(" ", _HOW_MANY_UNITS.sub("how long", text)))
    normalised = lexicon.normalise_key(text)
    taken: list[str] = []
    for key, targets in [m for table in _tables(lang) for m in table.matches(text)]:
        if key in QUESTION_NOISE:
            continue
        taken.append(key)
        if targets and _only_a_constraint(targets):
            continue  # "RMB", "million": the unit of the user's figure, a constraint and not a topic
        concepts.append(Concept(key, tuple(dict.fromkeys([key, *targets]))))
    if lang == "zh":
        # an A-not-A (能不能) is read out with the lexicon's words: what a word leaves stands alone, and
        # 能不能自己申请's 不能 (jieba's 不能自己) would no longer sit beside its 能
        asking = tuple(m.span() for m in _A_NOT_A.finditer(normalised))
        covered = _without(normalised, taken, asking)
        read = covered
        for pattern in (_ORDINAL_LIST, _ROUNDS, _COMPLEMENT, _WHICH_ONE, _HOW_MUCH, _YEAR_WORD, _AT_THE_LATEST):
            read = pattern.sub(" ", read)
        tokens = tokenize(read)
        # (a word holding a rough number goes with it: jieba's 评十来, cut from 评十来家)
        rough = {m.group() for m in _ROUGH_NUMBER.finditer(covered)}
        listed = [t for t in tokens if t in QUESTION_NOISE]
        tokens += [fee for fee in _fees(normalised) if fee not in tokens]
        for token in tokens:
            if any(token in n for n in listed):  # 州市 is a piece of 杭州市: a listed asking word's pieces ask too
                continue
            # (a numeral before 级 names a class of company: 千亿级总部企业)
            number = (_NUMBER.fullmatch(token) or _SPOKEN_NUMBER.fullmatch(token)) and f"{token}级" not in covered
            if _is_noise(token) or "〔" in token or len(token) < 2 or number or any(r in token for r in rough):
                continue  # the user's own figures are constraints, not topic words
            concepts.append(Concept(token, (token,)))
    else:  # English words the glossary does not know cannot be looked up in Chinese text: only dense sees them
        covered = _replaced(normalised, taken)
        for chinese in re.findall(r"[\u4e00-\u9fff0-9〔〕%]{2,}", covered):
            concepts.extend(
                Concept(t, (t,))
                for t in tokenize(chinese)
                # ("(10亿元)": the asker's figure and its unit are a constraint, as in a Chinese question)
                if len(t) >= 2 and "〔" not in t and not _NUMBER.fullmatch(t) and not _is_noise(t)
            )
        if all(_asks_only(c) for c in concepts):
            # only asking words known ("Which policies help a bakery?", "What support do kindergartens get?"):
            # the topic is the words the glossary does not know, as a Chinese question's unknown words are
            # (and the asking words then weigh nothing, as 补贴 and 支持 weigh nothing in Chinese)
            unknown = [Concept(w, (w,)) for w in re.findall(r"[a-z]{3,}", covered) if w not in QUESTION_NOISE]
            concepts = unknown or concepts
    unique: dict[str, Concept] = {}
    meanings: set[tuple[str, ...]] = set()
    for concept in concepts:
        # two wordings with one meaning ("invention patents … foreign patent grants": patents, patent -> 专利)
        # are one concept: a word said twice weighs as much as once
        meaning = tuple(sorted(concept.alternatives[1:]))
        if concept.key in unique or (meaning and meaning in meanings):
            continue
        unique[concept.key] = concept
        meanings.add(meaning)
    return list(unique.values())


def _fees(text: str) -> list[str]:
    """The fees named with a word jieba does not know (评审费 cut 评审|费): 费 is a bound suffix, so the word
    before it and 费 name one thing, the fee, which the activity alone (评审) does not."""
    from indexing.keyword import word_bounds

    bounds = sorted(word_bounds(text))
    fees = []
    for start, end, after in zip(bounds, bounds[1:], bounds[2:], strict=False):
        if text[end:after] == "费" and end - start >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", text[start:end]):
            fees.append(text[start:after])
    return fees


def _replaced(text: str, keys: list[str]) -> str:
    """``text`` with each key read out of it (a space in its place)."""
    for key in keys:
        text = text.replace(key, " ")
    return text


def _without(text: str, keys: list[str], spans: tuple[tuple[int, int], ...] = ()) -> str:
    """``text`` with each key (and each of ``spans``) read out of it, and what a key leaves of a longer word
    standing alone: the 率 of 增长率 once 增长 is read is no word with the 有 after it ("增长率有什么要求" must not
    yield 率有)."""
    from indexing.keyword import word_bounds

    taken = [False] * len(text)
    for start, end in spans:
        taken[start:end] = [True] * (end - start)
    for key in keys:
        at = text.find(key)
        while at >= 0:
            if not any(taken[at : at + len(key)]):
                taken[at : at + len(key)] = [True] * len(key)
            at = text.find(key, at + 1)
    bounds = sorted(word_bounds(text))
    out = []
    for start, end in pairwise(bounds):
        marks = taken[start:end]
        if not any(marks):
            out.append(text[start:end])
        else:
            left = "".join(" " if mark else char for char, mark in zip(text[start:end], marks, strict=True))
            out.append(f" {left} ")
    return "".join(out)


# a demonstrative with 一 and its measure word (哪一档, 这一块, 每一家): it points, it names nothing
_WHICH_ONE = re.compile(r"[这那哪每]一[个台块种家项笔类次边些份条款位样套件批档级]")

# 几 and its measure word (几支, 几家, 几项), or 多 and an adjective of size (多大, 多长): how many or how much is
# asked (the compilation never writes them), not about what
# "最晚", "最迟" ask a deadline; jieba cuts them across the next word (最|晚要 in "最晚要在…之前")
_AT_THE_LATEST = re.compile(r"最[晚迟]")

_HOW_MUCH = re.compile(r"几[个台块种家项笔类次些份条款位样套件批档级支只名所座栋间岁倍]|多[大高长重宽远]")

# ordinals listed before what they rank ("分一、二、三等奖", "一、二类"): grades the asker names, which jieba cuts into
# words of no meaning (分一, 三等); the grades themselves are read by grades.py
_ORDINAL_LIST = re.compile(
    r"[一二三四五六七八九十](?:\s*[、,,和及]\s*[一二三四五六七八九十])+(?=\s*(?:等|类|级|档|星))"
)

# rounds counted ("两轮", "第一轮700万元、第二轮500万元"): how the asker's figures came, not a topic (times, "两次",
# are left: "评两次" may be what is asked)
_ROUNDS = re.compile(r"(?:第|头|前|后)?[一二两三四五六七八九十几\d]+\s*轮")

# a rough number said in words before its measure word ("十来家", "二十多个", "百来万", "几十万"): the asker's
# figure, a constraint and not a topic
_ROUGH_NUMBER = re.compile(
    r"(?:[一二两三四五六七八九几]?[十百千]\s*[来几多]|几[十百千])(?=\s*[个家项名位次年天月万亿元块件所支批])"
)

# a directional complement (评出来, 加起来, 批下来, 打过去; not 走出去, a name, nor 退回去), or one of what cannot
# be reached (达不到, 够不上, 拿不着): how a verb is said, not a topic word
_COMPLEMENT = re.compile(r"(?:出|起|下|上|过|回)来|(?<=[打发送寄传转拨])过去|[达够拿评算]\s*不(?:到|上|着|了)")

# a contact detail, asked ("联系电话是多少?", "有没有咨询热线?", "What's the hotline number?")
_CONTACT = (
    r"(?:联系|咨询|服务|办公|举报|投诉)?"
    r"(?:电话|热线|联系方式|手机号码?|手机号|座机|邮箱|电子邮件|网址|官网|网站|微信号)"
)
_ASKS_CONTACT = re.compile(
    rf"(?P<zh>{_CONTACT})(?:号码)?(?:是|为)?(?:多少|几号|什么|啥|呢|有吗|在哪)|(?:有没有|有无|给个|留个)[^,,。??]{{0,8}}"
    rf"(?P<zh2>{_CONTACT})|"
    # ... or named last, as a search box is asked ("总部企业联络专员电话?"), or had ("有电话吗?")
    rf"(?P<zh3>{_CONTACT})(?:号码)?\s*[??]?\s*$|有(?P<zh4>{_CONTACT})(?:号码)?[吗么嘛]|"
    r"(?:what(?:'s| is| are)|give|is there|are there|any|which)\b[^?.]{0,40}?\b"
    r"(?P<en>(?:tele)?phone(?: number)?|hotline|e-?mail(?: address)?|website|web ?site|wechat(?: id)?)\b",
    re.I,
)


# a measure an amount may be asked per ("租金补贴每平方米多少?", "算力单价是多少?", "per square metre per day"): its
# pattern in a question, the wordings a text that states an amount per it writes, its English name
PER_MEASURES: dict[str, tuple[re.Pattern[str], tuple[str, ...], str]] = {
    "平方米": (
        re.compile(
            r"每平(?:方米?|米)|(?:一|每)平(?:方|米)|/\s*(?:平方米|平米|㎡|m2)|㎡"
            r"|\bper (?:square (?:metre|meter)|sq\.? ?m|m2|sqm)\b",
            re.I,
        ),
        ("平方米", "平米", "㎡"),
        "square metre",
    ),
    "天": (re.compile(r"每[天日]|\b(?:per|each) day\b", re.I), ("每天", "每日", "/天", "/日", "日均"), "day"),
    "月": (re.compile(r"每个?月|\b(?:per|each) month\b", re.I), ("每月", "每个月", "/月", "月均", "按月"), "month"),
    "单价": (re.compile(r"单价|\bunit price\b", re.I), ("单价", "每单位"), "unit price"),
    "亩": (re.compile(r"[每一]亩|/\s*亩|\bper mu\b", re.I), ("每亩", "/亩", "亩均"), "mu"),
}


def asked_per(text: str) -> str:
    """The measure a question asks an amount per (PER_MEASURES' key), "" if none."""
    return next((key for key, (pattern, _, _) in PER_MEASURES.items() if pattern.search(text)), "")


# how long a recognition, title or certificate lasts, or whether it is reviewed or renewed (not a document's own
# validity: "认定办法有效期到什么时候?" names the document)
_STATUS_TERM = re.compile(
    r"(?:认定|资格|称号|证书|牌子|荣誉|头衔|身份)(?:下来)?(?:(?!办法|意见|政策|文件|细则|规定|号)[^,,。;;??]){0,8}?"
    r"(?:有效期|管几年|管多久|多久有效|有效几年|几年有效|能用几年|保持几年|管用几年|多长时间有效)|"
    r"(?:每年|几年|多久)(?:都)?(?:要|需要|得)?(?:一次)?(?:复核|复审|年审|年检|重新认定)|"
    r"(?:复核|复审|年审|年检|重新认定)(?:一次|吗|么|不|[??])|要不要(?:复核|复审|年审|重新认定)|"
    # ... or what follows a review passed ("通过复核的话还奖吗?", "复核通过后再给多少?"), which it never mentions
    r"(?:通过|经过)了?(?:复核|复审|年审|再认定|重新认定)|(?:复核|复审|年审|再认定|重新认定)(?:通过|合格)|"
    # (not "the status of 区办〔2023〕9号: has it expired?", a document's own term)
    r"\b(?:recognition|status|title|certificate|certification|designation)\b(?!\s+of\b)[^.?!]{0,40}"
    r"\b(?:stays? valid|remains? valid|valid for|lasts?|expires?|renew|re-?appl|re-?certif|re-?assess|reviewed)|"
    r"\bhow long (?:does|will|is) (?:the |our |a |its )?(?:[\w-]+ ){0,3}"
    r"(?:recognition|status|title|certificate|designation)\b",
    re.I,
)


def asks_status_term(text: str) -> bool:
    """Whether a question asks how long a recognition or status lasts, or whether it is reviewed."""
    return bool(_STATUS_TERM.search(text))


def asked_contact(text: str) -> str:
    """The contact detail a question asks for (电话, 热线, 邮箱, 网址; phone, hotline, e-mail, website), "" if none."""
    m = _ASKS_CONTACT.search(text)
    return (m.group("zh") or m.group("zh2") or m.group("zh3") or m.group("zh4") or m.group("en")) if m else ""


# the A-not-A question (要不要, 能不能, 需不需要, 可不可以, 拿没拿): how a yes/no is asked, not its topic
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")
_A_NOT_A_VERBS = frozenset("能可是有会要算行够")


def _asks_only(concept: Concept) -> bool:
    """An English glossary word that says what is asked, not about what: its Chinese is an asking word of a
    Chinese question (support -> 支持, subsidy -> 补贴, policies -> 政策, the district -> 区)."""
    chinese = concept.alternatives[1:2]  # its first Chinese wording (listing award -> 鼓励推动企业上市, not 奖励)
    return concept.key.removeprefix("the ") in QUESTION_NOISE or any(t in QUESTION_NOISE for t in chinese)


def _tables(lang: str) -> tuple[lexicon.Lexicon, ...]:
    """The lexicons that read a question: English, or spoken Chinese and the English words a Chinese question
    uses (IPO, HQ, R&D: the glossary's keys are Latin words, matched as whole words)."""
    return (lexicon.english(),) if lang == "en" else (lexicon.spoken(), lexicon.english())


def _typos_corrected(concepts: list[Concept], corpus: Corpus, question: str) -> tuple[list[Concept], list[str]]:
    """Concepts the compilation never writes, read as its homophone when it has one (新才料 -> 新材料; a
    two-character word in the words around it: 瞪岭企业 -> 瞪羚)."""
    from indexing.keyword import in_dictionary
    from service.answering.typos import homophones

    index = homophones(corpus)
    out, corrected = [], []
    for concept in concepts:
        # a word of general Chinese ("一件") is what the asker meant: a typo is a word no dictionary has
        single = concept.alternatives == (concept.key,)
        alone = single and not in_dictionary(concept.key)
        fixed = (
            (index.correct(concept.key) or index.correct_in(concept.key, question) or index.correct_word(concept.key))
            if alone
            # ... unless the words around it sound like the texts' own ("公式期" is the texts' 公示期: 公式 -> 公示),
            # and it is no number with its measure word ("一件发明专利" is not 意见)
            else index.correct_in(concept.key, question, same_around=True)
            if single and not re.match(r"[一二两三四五六七八九十几半每]", concept.key)
            else None
        )
        if fixed:
            out.append(Concept(concept.key, (concept.key, fixed)))
            corrected.append(fixed)
        else:
            out.append(concept)
    return out, corrected


_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
# a year said by its last two digits ("23年我们迁到滨江", "26年的目标"), not a number of years ("有效期10年",
# "连续3年", "20年以上")
_SHORT_YEAR = re.compile(r"(?<![\d.])(19|2\d)(?=\s*年(?!\s*(?:内|以上|以内|以来|之内|期间|左右|多)))")
_SPAN_BEFORE = re.compile(r"(?:有效期|期限|为期|连续|长达|超过|不少于|不超过|满|近|共|累计|补|干了|做了|成立|办了)\s*$")


def _full_years(text: str) -> str:
    """``text`` with its two-digit years written in full (23年 -> 2023年)."""

    def full(m: re.Match[str]) -> str:
        return m.group() if _SPAN_BEFORE.search(text[: m.start()]) else "20" + m.group()

    return _SHORT_YEAR.sub(full, text)


# a year with its month ("2025年3月")
_DATING_YEAR = re.compile(r"(?<!\d)(20\d{2})(?=\s*年\s*\d{1,2}\s*月)")
# ... or one in brackets after 今年/去年/明年 ("今年(2026年)") in a clause that tells of the asker ("今年(2026年)
# 我们营收…") or asks what they can do then ("今年(2026年)能拿它去报吗?") or whether a policy still applies; a gloss
# of what the government does that year ("今年(2026年)区财政安排了多少预算?") names the year asked about
_GLOSS_YEAR = re.compile(r"(?<=[今去明前]年[((])(20\d{2})(?=\s*年?[))])([^,,。;;??!!]*)")
_ASKERS_CLAUSE = re.compile(r"我们|我司|我|咱|本公司|本企业|能|可以|可否")


def _gloss_years(text: str, still: bool) -> list[str]:
    """The years glossed after 今年/明年 that date the asker's own clause (``still``: the question asks whether a
    policy still applies, then)."""
    return [m.group(1) for m in _GLOSS_YEAR.finditer(text) if still or _ASKERS_CLAUSE.search(m.group(2))]


# ... or the year of what the asker reports having done, after they speak of themselves in the sentence
# ("我们…2024年在创新券平台买了检测服务", "公司2023年拿过"; not "区里2024年安排了多少资金?")
# ... or founded, registered or moved in ("我们是外资企业,2026年在滨江新设,…")
_REPORTED_YEAR = re.compile(
    r"(?:我们|我司|我|咱们|咱|本公司|公司|企业)[^。;;??!!]*?(?<!\d)(20\d{2})"
    r"(?=\s*年[^,,。;;??!!]{0,24}?(?:[了过](?![吗么没])|成立|注册|新设|设立|落户|迁入|入驻|开业|被(?:评|认定)|"
    # ... or what they made or did that year, said as a relative clause ("我们2024年出的新软件", "公司2025年签的合同")
    r"(?:新)?(?:出|做|买|签|投|建|上线|推出|研发|开发)的))|"
    # ... or said first, the asker then telling what they did in it ("2024年的时候我们牵头搞了一个平台")
    r"(?<!\d)(20\d{2})(?=\s*年(?:的时候|时|那会儿?|初|底|中)?\s*[,,]?\s*(?:我们|我司|咱们|公司)"
    r"(?:[^,,。;;??!!]{0,24}?[了过](?![吗么没])|"
    # ... or what they received that year, no modal before it ("2024年,我们累计拿到投资1200万")
    r"(?:(?!能|可|会|想|要|该)[^,,。;;??!!]){0,24}?(?:拿|收|得|领)到(?![吗么没多几]))"
    r")"
)

# ... in English: "Back in 2024, while we held…", "In 2024 we had raised…", "our company … in 2023"
_REPORTED_YEAR_EN = re.compile(
    r"\bback in (20\d{2})\b|\b(?:in|during) (20\d{2}),?\s+(?:while |when |as )?(?:we|our|I)\b|"
    r"\b(?:we|our company|our firm|I)\b[^.?!]{0,40}?\b(?:in|during) (20\d{2})\b(?!\s+to\s+apply)|"
    # ... or since when the asker's firm has been (founded 2021, est. 2015, in Binjiang since 2014)
    r"\b(?:since|est\.?|established(?: in)?|founded(?: in)?|incorporated(?: in)?|set up in)\s+(20\d{2})\b",
    re.I,
)

# ... or the year of a policy the asker names by it ("2021年出台的上市政策", "the 2021 opinion on listings")
_DOCUMENT_YEAR = re.compile(
    r"(?<!\d)(20\d{2})(?:\s*年)?\s*(?:的|版的?|(?:出台|发布|印发|发)的?[^,,。;;??!!]{0,14}?)?\s*"
    r"(?:意见|政策|文件|办法|通知|细则|opinions?\b|polic(?:y|ies)\b|documents?\b|measures\b|notices?\b|rules\b)",
    re.I,
)
# ... the year a policy the asker names was issued in ("区里2025年出台的…若干政策", "the policy issued in 2025"; not
# "我们2024年出的新产品": a policy word follows)
_ISSUED_YEAR = re.compile(
    r"(?<!\d)(20\d{2})\s*年\s*(?:新)?(?:出台|发布|印发|颁布|出)的[^,,。;;??!!]{0,20}?"
    r"(?:政策|意见|文件|办法|通知|细则|规定|措施)|"
    r"\b(?:polic(?:y|ies)|opinions?|measures|documents?|rules|notices?)\s+(?:issued|released|published|introduced|"
    r"adopted)\s+in\s+(20\d{2})\b",
    re.I,
)
# ... or the year the asker would apply in ("我们2030年再申请也来得及吗?", "wait until 2030 to apply")
_APPLYING_YEAR = re.compile(
    r"(?<!\d)(20\d{2})\s*年?[^,,。;;??!!\d]{0,4}?(?:申请|申报)|"
    # ... or the year the asker may act in ("2026年能再拿同一个项目报…吗?", "2027年还可以…")
    r"(?<!\d)(20\d{2})\s*年\s*(?:还|再|也)?(?:能|可以|可不可以|能不能)|"
    r"\b(?:until|in|by)\s+(20\d{2})\s+to\s+apply\b|\bapply(?:ing)?\s+(?:in|until|by)\s+(20\d{2})\b",
    re.I,
)

# where an English kind named after its level word ends: a verb, a preposition, a clause's end
_KIND_ENDS = re.compile(
    r"[?,.;:!]|\b(?:gets?|receives?|is|are|was|were|in|under|from|by|does|do|did|can|could|will|would|for|that"
    r"|which|who|if|when)\b",
    re.I,
)


def _level_kind(question: str) -> str:
    """The kind an English question rates at one level: its words after the level word ("a municipal-level
    international S&T cooperation base gets…" -> international S&T cooperation base)."""
    found = list(EN_LEVEL_WORD.finditer(question))
    if len(found) != 1:
        return ""
    return _KIND_ENDS.split(question[found[0].end() :], maxsplit=1)[0].strip(" -'\"")


def _level_wordings(kind: str) -> tuple[str, ...]:
    """The first Chinese wording of each glossary word of an English kind (international S&T cooperation base ->
    国际, 合作)."""
    wordings = [targets[0] for key, targets in lexicon.english().matches(kind) if targets and key not in QUESTION_NOISE]
    return tuple(dict.fromkeys(wordings))


def _is_noise(token: str) -> bool:
    """A question word, or one made only of question words and a character at most (最多奖 = 最多 + 奖)."""
    rest = token
    for word in _NOISE_BY_LENGTH:
        if len(word) >= 2:
            rest = rest.replace(word, "")
    # ... or only of question words of one character each (能补 = 能 + 补, 能给 = 能 + 给)
    return (
        token in QUESTION_NOISE
        or len(rest) <= 1 < len(token)
        or set(rest) <= _NOISE_CHARS
        or bool(_DEMONSTRATIVE.fullmatch(token))
    )


# a demonstrative and its measure word (这台, 那块, 哪家, 某项): it points back or leaves a thing open, names
# nothing; nor does a "one" with its measure word ("我们是一家律所", "一项国家标准"): it counts what the words
# after it name
_DEMONSTRATIVE = re.compile(r"[这那哪每该此某][个台块种家项笔类次边些份条款位样套件批]|[一两][家项位名]")
_NOISE_BY_LENGTH = sorted(QUESTION_NOISE, key=len, reverse=True)
_NOISE_CHARS = frozenset(w for w in QUESTION_NOISE if len(w) == 1)
# (an apostrophe between letters is English's own: "company's", "What's", "don’t" quote nothing)
_QUOTED = re.compile(r"(?:[“\"「『]|(?<![A-Za-z])[‘'])([^”\"」』’']{4,80})(?:[”\"」』]|[’'](?![A-Za-z]))")
# (or an amount said in numerals, "百亿", "十五亿", "两千万": the asker's figure, unless a class's name: 千亿级)
_NUMBER = re.compile(r"[\d.,%]+|[零一二两三四五六七八九十百千]+[万亿]")
# a number in words without its unit, cut from "两百来万" (两百): the asker's figure too
_SPOKEN_NUMBER = re.compile(r"[一二两三四五六七八九十]+[十百千](?:[一二两三四五六七八九])?")
# the comparison a figure is put in ("above", "at least", "up to"): a constraint, not a topic
_COMPARATORS = frozenset({"以上", "以下", "不低于", "不少于", "不超过", "超过", "最高", "不足", "以内"})
_UNITS = frozenset({"元", "万", "亿", "万元", "亿元", "美元", "万美元", "亿美元", "人民币", "%"})


def _only_a_constraint(targets: Iterable[str]) -> bool:
    """Whether a lexicon entry's wordings are all units or bounds ("RMB", "million", "up to"): the asker's figure,
    a constraint, and no topic."""
    return all(t in _UNITS or t in _COMPARATORS for t in targets)


_WITHOUT_DOC_YEARS = re.compile(r"〔\d{4}〕|\[\d{4}\]|\(\d{4}\)")


@lru_cache(maxsize=512)
def title_terms(title: str) -> tuple[str, ...]:
    """Distinctive words of a document title (专精特新, 总部经济, 人工智能 …); cached, titles are few."""
    from indexing.keyword import tokenize

    quoted = re.findall(r"[“\"]([^”\"]+)[”\"]", title)
    words = [w for w in tokenize(title) if len(w) >= 2 and w not in _GENERIC_TITLE_WORDS and not w.isdigit()]
    return tuple(dict.fromkeys([*quoted, *words]))


# a clause of one question that asks a figure of its own ("…, how much does the AI policy pay, and how much does the
# headquarters policy pay?", "人工智能政策奖多少,总部政策又奖多少?")
_CLAUSES = re.compile(r"[,,;;]\s*(?:and\s+|but\s+|而|那)?|\s+and\s+(?=how|what)", re.I)
_ASKS_FIGURE = re.compile(r"多少|几[成个万倍%]|\bhow (?:much|many)\b|\bwhat (?:amount|share|rate)\b", re.I)


def _clauses_name_apart(question: str, lang: str, corpus: Corpus) -> bool:
    """Two clauses of one question each ask a figure of a document they name, and not the same one: the documents
    are asked side by side."""
    clauses = [c for c in _CLAUSES.split(question) if _ASKS_FIGURE.search(c)]
    if len(clauses) < 2:
        return False
    return _parts_name_apart(
        [c + (" " + " ".join(lexicon.english().expand(c)) if lang == "en" else "") for c in clauses], corpus
    )


def _parts_name_apart(parts: list[str], corpus: Corpus, by_number: dict[str, int] | None = None) -> bool:
    """Each part of a question names one document, and not all the same ("总部企业新认定国家重点实验室奖多少?换成
    人工智能企业呢,又奖多少?"): the documents are asked side by side. With ``by_number`` (文号 -> document), a
    part may name its document by 文号 too."""
    if len(parts) < 2:
        return False
    named = [
        list(dict.fromkeys([by_number[n] for n in find_doc_numbers(part) if n in by_number] if by_number else []))
        or named_documents(part, corpus)
        for part in parts
    ]
    return all(len(n) == 1 for n in named) and len({n[0] for n in named}) >= 2


def named_documents(text: str, corpus: Corpus) -> list[int]:
    """Loaded documents whose distinctive title words the question uses ("总部经济那个文件"), or the kind of
    company the document is for, as its title names it (总部经济 -> 总部企业: "总部企业能拿多少?")."""
    from service.answering import fact_terms

    found = []
    for doc in corpus.with_text():
        terms = title_terms(doc.title)
        audience = fact_terms.last_before("audience", doc.title)
        if (
            any(t in text for t in terms if len(t) >= 3)
            or sum(t in text for t in terms) >= 2
            or (audience is not None and audience.canonical in text)
        ):
            found.append(doc.doc_no)
    return found
