"""``newslint archive report``: what an indexed archive holds, as one page, CSV or JSON.

The page is self-contained (inline style and an SVG chart; nothing is fetched): findings per
code, findings per month of the articles' dates (a stacked bar per month, one colour a code),
the facts with most findings, and a table of the articles with findings, each linking to its
list of findings.
"""

from __future__ import annotations

import csv
import html
import io
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from newslint.codes import CODES

_PALETTE = ("#c62828", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#4e342e", "#546e7a",
            "#9e9d24", "#283593", "#00695c")  # fmt: skip


@dataclass
class ArchiveSummary:
    articles: int = 0
    with_findings: int = 0
    per_code: list[tuple[str, int]] = field(default_factory=list)
    per_month: list[tuple[str, str, int]] = field(default_factory=list)  # month (YYYY-MM), code, count
    top_facts: list[tuple[str, int]] = field(default_factory=list)
    findings: list[tuple[str, str | None, int, int, str, str, str, str | None]] = field(default_factory=list)
    # (article, date, line, column, code, severity, message, fact)


def summarize(connection: sqlite3.Connection, top: int = 20) -> ArchiveSummary:
    summary = ArchiveSummary()
    summary.articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    summary.with_findings = connection.execute("SELECT count(*) FROM articles WHERE findings > 0").fetchone()[0]
    summary.per_code = connection.execute(
        "SELECT code, count(*) FROM findings GROUP BY code ORDER BY count(*) DESC, code"
    ).fetchall()
    summary.per_month = connection.execute(
        "SELECT substr(coalesce(a.date, a.checked_on), 1, 7) AS month, f.code, count(*) FROM findings f "
        "JOIN articles a ON a.id = f.article GROUP BY month, f.code ORDER BY month, f.code"
    ).fetchall()
    summary.top_facts = connection.execute(
        "SELECT fact, count(*) FROM findings WHERE fact IS NOT NULL GROUP BY fact ORDER BY count(*) DESC, fact LIMIT ?",
        (top,),
    ).fetchall()
    summary.findings = connection.execute(
        "SELECT a.id, coalesce(a.date, a.checked_on), f.line, f.column, f.code, f.severity, f.message, f.fact "
        "FROM findings f JOIN articles a ON a.id = f.article ORDER BY a.id, f.line, f.column, f.code"
    ).fetchall()
    return summary


def as_json(summary: ArchiveSummary) -> str:
    data: dict[str, Any] = {
        "articles": summary.articles,
        "articles_with_findings": summary.with_findings,
        "per_code": dict(summary.per_code),
        "per_month": [{"month": m, "code": c, "findings": n} for m, c, n in summary.per_month],
        "top_facts": [{"fact": f, "findings": n} for f, n in summary.top_facts],
        "findings": [
            {"article": a, "date": d, "line": line, "column": col, "code": code, "severity": sev, "message": msg,
             "fact": fact}
            for a, d, line, col, code, sev, msg, fact in summary.findings
        ],
    }  # fmt: skip
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_csv(summary: ArchiveSummary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["article", "date", "line", "column", "code", "severity", "message", "fact"])
    writer.writerows(summary.findings)
    return out.getvalue()


def as_html(summary: ArchiveSummary) -> str:
    esc = html.escape
    codes = [code for code, _ in summary.per_code]
    colour = {code: _PALETTE[i % len(_PALETTE)] for i, code in enumerate(codes)}
    total = sum(n for _, n in summary.per_code)
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f"<title>newslint archive report: {total} findings in {summary.articles} articles</title>\n",
        "<style>body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#1d2327;background:#f6f7f8}"
        "header{background:#fff;border-bottom:1px solid #d9dee2;padding:16px 28px}"
        "main{padding:20px 28px;max-width:1200px}"
        "h1{font-size:20px;margin:0}h2{font-size:17px;margin:28px 0 8px}table{border-collapse:collapse;background:#fff}"
        "th,td{border:1px solid #d9dee2;padding:4px 10px;text-align:left}td.n{text-align:right}"
        "svg{background:#fff;border:1px solid #d9dee2}.key span{display:inline-block;width:12px;height:12px;"
        "margin:0 4px 0 12px;vertical-align:middle}code{font-family:ui-monospace,monospace}</style>\n</head>\n<body>\n",
        f"<header><h1>newslint archive report</h1><p>{total} findings in {summary.with_findings} of "
        f"{summary.articles} articles.</p></header>\n<main>\n",
        '<h2>Findings per code</h2>\n<table class="codes"><tr><th>code</th><th>name</th><th>findings</th></tr>\n',
    ]
    for code, count in summary.per_code:
        name = CODES[code].name if code in CODES else ""
        parts.append(f'<tr><td><code>{esc(code)}</code></td><td>{esc(name)}</td><td class="n">{count}</td></tr>\n')
    parts.append("</table>\n<h2>Findings per month</h2>\n")
    parts.append(_chart(summary.per_month, colour))
    parts.append('<p class="key">' + "".join(f'<span style="background:{colour[c]}"></span>{esc(c)}' for c in codes))
    parts.append("</p>\n<h2>Facts with most findings</h2>\n")
    parts.append('<table class="facts"><tr><th>fact</th><th>findings</th></tr>\n')
    for fact, count in summary.top_facts:
        parts.append(f'<tr><td><code>{esc(fact)}</code></td><td class="n">{count}</td></tr>\n')
    parts.append('</table>\n<h2>Articles with findings</h2>\n<table class="articles"><tr><th>article</th>'
                 "<th>date</th><th>findings</th></tr>\n")  # fmt: skip
    by_article: dict[str, list[tuple[Any, ...]]] = {}
    for row in summary.findings:
        by_article.setdefault(row[0], []).append(row)
    anchors = {article: f"a{number}" for number, article in enumerate(sorted(by_article), 1)}
    for article in sorted(by_article, key=lambda a: (-len(by_article[a]), a)):
        rows = by_article[article]
        parts.append(f'<tr><td><a href="#{anchors[article]}">{esc(article)}</a></td><td>{esc(rows[0][1] or "")}</td>'
                     f'<td class="n">{len(rows)}</td></tr>\n')  # fmt: skip
    parts.append("</table>\n")
    for article in sorted(by_article):
        parts.append(f'<section class="article" id="{anchors[article]}"><h2>{esc(article)}</h2>\n<ul>\n')
        for _, _, line, column, code, severity, message, fact in by_article[article]:
            kind = " (warning)" if severity == "warning" else ""
            about = f" <small>fact <code>{esc(fact)}</code></small>" if fact else ""
            where = f"<code>{line}:{column}</code> <code>{esc(code)}</code>"
            parts.append(f"<li>{where}{kind} {esc(message)}{about}</li>\n")
        parts.append("</ul>\n</section>\n")
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


def _chart(per_month: list[tuple[str, str, int]], colour: dict[str, str]) -> str:
    """A stacked bar per month, as inline SVG."""
    months = sorted({month for month, _, _ in per_month}, key=lambda m: (m == "undated", m))
    if not months:
        return "<p>No findings.</p>\n"
    totals = {m: sum(n for month, _, n in per_month if month == m) for m in months}
    peak = max(totals.values())
    width, height, bar, gap, base = 60 + len(months) * 48, 260, 32, 16, 220
    parts = [f'<svg class="chart" role="img" aria-label="findings per month" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']  # fmt: skip
    parts.append(f'<text x="8" y="18" font-size="12">{peak}</text>'
                 f'<line x1="40" y1="{base}" x2="{width - 8}" y2="{base}" stroke="#999"/>')  # fmt: skip
    for index, month in enumerate(months):
        x = 48 + index * (bar + gap)
        top = base
        for m, code, count in per_month:
            if m != month:
                continue
            size = max(1, round(190 * count / peak))
            top -= size
            parts.append(f'<rect class="bar" data-month="{html.escape(month)}" data-code="{html.escape(code)}" '
                         f'data-count="{count}" x="{x}" y="{top}" width="{bar}" height="{size}" '
                         f'fill="{colour.get(code, "#777")}"><title>{html.escape(month)} {html.escape(code)}: '
                         f"{count}</title></rect>")  # fmt: skip
        parts.append(f'<text x="{x + bar / 2}" y="{base + 16}" font-size="11" text-anchor="middle">'
                     f"{html.escape(month)}</text>")  # fmt: skip
    parts.append("</svg>\n")
    return "".join(parts)
