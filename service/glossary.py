"""A bilingual glossary of the domain, so English questions reach the Chinese text.

The embedder is weak across languages and BM25 cannot match English words at all, so English
terms are glossed with the Chinese words the policies use before retrieval.
"""

from __future__ import annotations

import re

# English phrase (lower case, longest first when matching) -> Chinese terms of the compilation
GLOSSARY: dict[str, str] = {
    "headquarters": "总部企业 总部",
    "headquarter": "总部企业 总部",
    "hq": "总部企业 总部",
    "regional hq": "总部企业",
    "listing": "上市",
    "listed": "上市",
    "ipo": "上市 拟上市",
    "go public": "上市",
    "stock exchange": "上市 交易所",
    "new third board": "新三板",
    "little giant": "小巨人",
    "specialized": "专精特新",
    "specialised": "专精特新",
    "sme": "中小企业",
    "smes": "中小企业",
    "provincial": "省级",
    "national": "国家级 国家",
    "municipal": "市级",
    "city-level": "市级",
    "enterprise research institute": "企业研究院",
    "research institute": "研究院",
    "key laboratory": "重点实验室",
    "key lab": "重点实验室",
    "engineering center": "工程研究中心 工程技术研究中心",
    "enterprise technology center": "企业技术中心",
    "r&d center": "研发中心",
    "registered capital": "注册资本 实到注册资本",
    "paid-in capital": "实到注册资本",
    "foreign-invested": "外资",
    "foreign": "外资 境外",
    "usd": "美元 外资 汇率",
    "exchange rate": "汇率",
    "relocate": "新引进 招商引资",
    "moving": "新引进 招商引资",
    "attract": "招引 招商引资",
    "overseas incubator": "海外孵化器 海外创新孵化中心 海外科技创新中心",
    "incubator": "孵化器 孵化",
    "revenue": "营业收入",
    "milestone": "首次突破 营收突破奖励",
    "passed": "突破",
    "billion": "亿元",
    "million": "万元",
    "tape-out": "流片 首轮流片",
    "tape out": "流片 首轮流片",
    "eda": "EDA 工具",
    "chip": "集成电路",
    "semiconductor": "集成电路",
    "fabless": "集成电路设计",
    "chip-design": "集成电路设计",
    "financing guarantee": "融资担保 担保",
    "guarantee": "担保",
    "risk subsidy": "风险补偿 代偿",
    "risk compensation": "风险补偿",
    "bank loan": "银行贷款",
    "loan interest": "贷款贴息 贴息",
    "interest": "贴息 利率",
    "benchmark": "基准利率",
    "district funding": "财政资助 资助",
    "generic-technology": "共性技术",
    "generic technology": "共性技术",
    "shared": "共性 公共服务平台",
    "platform": "平台",
    "scientist": "人才 顶尖人才",
    "talent": "人才",
    "recruit": "引进 引才",
    "recruitment": "引进 引才 奖励",
    "full-time": "全职",
    "standard innovation award": "标准创新奖",
    "standard": "标准",
    "organization": "组织奖 组织",
    "organizations": "组织奖 组织",
    "individual": "个人奖 个人",
    "individuals": "个人奖 个人",
    "prize": "奖励",
    "winners": "获奖",
    "publicly displayed": "公示 公示时间",
    "proposed winners": "拟授奖名单",
    "list of": "名单",
    "how long": "时间",
    "public notice": "公示",
    "displayed": "公示",
    "foundation model": "基础模型",
    "large model": "大模型 基础模型",
    "commercial use": "商业化 应用",
    "at scale": "规模",
    "ai": "人工智能",
    "artificial intelligence": "人工智能",
    "computing power": "算力",
    "compute": "算力",
    "dataset": "数据集",
    "cultural export base": "文化出口基地",
    "cultural": "文化",
    "operator": "运营机构",
    "reward": "奖励",
    "award": "奖励 奖",
    "bonus": "奖励",
    "subsidy": "补贴 补助",
    "subsidize": "补贴 补助",
    "subsidise": "补贴 补助",
    "grant": "资助 补助",
    "funding": "资助 资金",
    "rent": "房租 租房 租赁",
    "office": "办公用房",
    "land": "用地",
    "patent": "专利",
    "intellectual property": "知识产权",
    "export": "出口",
    "tax": "税",
    "expire": "有效期 到期",
    "expires": "有效期 到期",
    "valid": "有效期",
    "effective": "施行",
    "gazelle": "瞪羚企业",
    "unicorn": "独角兽",
    "innovation voucher": "创新券",
    "first set": "首台套",
    "software": "软件 首版次",
    "budget": "预算",
    "every year": "每年",
    "annual": "每年 年度",
}
# Colloquial Chinese -> the words the policies use ("营收" is written 营业收入, "写字楼" 办公用房)
COLLOQUIAL: dict[str, str] = {
    "营收": "营业收入",
    "收入": "营业收入",
    "写字楼": "办公用房",
    "办公楼": "办公用房",
    "买楼": "购买 办公用房",
    "买房": "购房",
    "房租": "租金 房租",
    "厂房": "用房 用地",
    "给钱": "资助 奖励 补助",
    "奖钱": "奖励",
    "母公司": "上级公司",
    "子公司": "下属公司",
    "集团": "上级公司",
    "评上": "获奖 评为",
    "拿过": "获得过",
    "ipo": "上市",
    "mcn": "直播",
    "ai": "人工智能",
    "港股": "境外上市",
    "港交所": "交易所 上市",
    "评审费": "费用",
    "报名": "申报",
    "截止": "截止 申报",
    "贷款": "贷款 融资",
    "一年": "每年 年度",
}
_WORD = re.compile(r"[a-z][a-z&\-]*(?: [a-z][a-z&\-]*)*")
_KEYS = sorted(GLOSSARY, key=len, reverse=True)


def is_english(text: str) -> bool:
    letters = sum(c.isascii() and c.isalpha() for c in text)
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in text)
    return letters > 3 * cjk and letters >= 8


def colloquial_to_official(text: str) -> str:
    """The policy wording for colloquial words (and Latin abbreviations) in a Chinese question."""
    lowered = text.lower()
    terms = [official for word, official in COLLOQUIAL.items() if _has_word(lowered, word)]
    return " ".join(dict.fromkeys(terms))


def _has_word(lowered: str, word: str) -> bool:
    if word.isascii():
        return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", lowered) is not None
    return word in lowered


def english_to_chinese(text: str) -> str:
    """Chinese terms for the English phrases of ``text`` (longest phrase first, each used once)."""
    lowered = f" {text.lower()} "
    terms: list[str] = []
    for key in _KEYS:
        pattern = rf"(?<![a-z]){re.escape(key)}(?:s|es)?(?![a-z])"
        if re.search(pattern, lowered):
            terms.append(GLOSSARY[key])
            lowered = re.sub(pattern, " ", lowered)
    return " ".join(dict.fromkeys(terms))
