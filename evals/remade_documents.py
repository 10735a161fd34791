"""Documents of the compilation re-made as the files they arrive as: text PDF, scans, Word, web page.

Each page of a document carries the compilation's own text of that printed page, so a loader that
reads the file right gives the compilation parser's clause tree with the same pages. Used by the
loaders' round-trip tests and the ingestion benchmark (needs reportlab and the WenQuanYi font).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from corpus.compilation import parse_compilation
from corpus.library import DEFAULT_SOURCE
from corpus.models import PolicyDocument
from corpus.text import compact

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@dataclass
class SourcePage:
    printed_page: int
    text: str  # the document's text on that page, lines as in the compilation


@cache
def compiled(doc_no: int) -> tuple[PolicyDocument, list[SourcePage]]:
    """A document as the compilation parser reads it, and its text page by page."""
    parsed = parse_compilation(DEFAULT_SOURCE)
    doc = next(d for d in parsed.documents if d.doc_no == doc_no)
    pages = [
        SourcePage(p.printed_page, parsed.source.body[max(p.start, doc.start) : min(p.end, doc.end)].strip())
        for p in parsed.source.pages_between(doc.start, doc.end)
    ]
    return doc, [p for p in pages if p.text]


def clause_tree(doc: PolicyDocument, with_pages: bool = True) -> list[tuple[object, ...]]:
    """(level, marker, path, pages) of every clause; text compared without whitespace (scans drop spaces)."""
    tree = []
    for c in doc.clauses:
        node: tuple[object, ...] = (c.level, compact(c.marker), tuple(compact(p) for p in c.path))
        tree.append((*node, tuple(c.printed_pages)) if with_pages else node)
    return tree


def _wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Lines of ``text`` no wider than ``width``, broken between characters as CJK typesetting does."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for char in paragraph:
            if line and measure(line + char) > width:
                lines.append(line)
                line = ""
            line += char
        lines.append(line)
    return lines


def text_pdf(pages: list[SourcePage], path: Path) -> None:
    """A text PDF in the CJK font, one page per printed page, "- N -" at the foot."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for page in pages:
        size = 11.0
        while True:
            lines = _wrap(page.text, width - 144, partial(pdfmetrics.stringWidth, fontName="WQY", fontSize=size))
            if len(lines) * size * 1.5 <= height - 160 or size < 6:
                break
            size -= 0.5
        pdf.setFont("WQY", size)
        y = height - 72
        for line in lines:
            pdf.drawString(72, y, line)
            y -= size * 1.5
        pdf.drawCentredString(width / 2, 40, f"- {page.printed_page} -")
        pdf.showPage()
    pdf.save()


def page_images(pages: list[SourcePage], dpi: int = 150) -> list[Any]:
    """Each page drawn as a grey-scale A4 image at ``dpi``, as a scanner would give it."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = round(8.27 * dpi), round(11.69 * dpi)
    margin = dpi  # one inch
    images = []
    for page in pages:
        size = round(dpi * 11 / 72)
        while True:
            font = ImageFont.truetype(str(FONT), size)
            lines = _wrap(page.text, width - 2 * margin, font.getlength)
            if len(lines) * size * 1.6 <= height - 2.4 * margin or size < 14:
                break
            size -= 1
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        y = float(margin)
        for line in lines:
            draw.text((margin, y), line, font=font, fill=0)
            y += size * 1.6
        footer = f"- {page.printed_page} -"
        draw.text(((width - font.getlength(footer)) / 2, height - 0.7 * margin), footer, font=font, fill=0)
        images.append(image)
    return images


def scanned_pdf(pages: list[SourcePage], path: Path, dpi: int = 150) -> None:
    images = page_images(pages, dpi)
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=dpi)


def word_file(pages: list[SourcePage], path: Path) -> None:
    """A .docx with a paragraph per line and a page break between printed pages."""
    import docx

    document = docx.Document()
    for i, page in enumerate(pages):
        for line in page.text.split("\n"):
            document.add_paragraph(line)
        if i + 1 < len(pages):
            document.add_page_break()
    document.save(str(path))


def web_page(pages: list[SourcePage], title: str, path: Path) -> None:
    """The text as a government site would publish it: menus, breadcrumbs and a footer around the article."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for page in pages for line in page.text.split("\n"))
    menu = "".join(
        f'<li><a href="/col/{i}">{name}</a></li>'
        for i, name in enumerate(["首页", "政务公开", "政策文件", "政策解读", "办事服务", "互动交流", "走进滨江"])
    )
    path.write_text(
        f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>{html.escape(title)}_滨江区政府门户网站</title></head>
<body><header><div class="logo">杭州市滨江区人民政府</div><nav><ul>{menu}</ul></nav>
<div class="search"><input placeholder="请输入关键词"><button>搜索</button></div></header>
<div class="crumbs">当前位置:<a href="/">首页</a> &gt; <a href="/col/2">政务公开</a> &gt; 政策文件</div>
<div class="main"><aside><h3>相关链接</h3><ul><li><a href="/a/1">2023年政府工作报告</a></li>
<li><a href="/a/2">关于开展2024年度企业申报工作的通知</a></li><li><a href="/a/3">政策兑现服务指南</a></li></ul></aside>
<article><h1>{html.escape(title)}</h1><div class="info">发布时间:2023-05-12 来源:区政府办公室 浏览次数:1024</div>
<div class="content">{paragraphs}</div></article></div>
<footer><p>主办单位:杭州市滨江区人民政府办公室</p><p>网站标识码 3301080000 浙ICP备12345678号</p>
<p><a href="/sitemap">网站地图</a> | <a href="/contact">联系我们</a></p></footer></body></html>""",
        encoding="utf-8",
    )
