"""``--format html``: one self-contained page to look at a run's findings.

Each draft is shown with its findings highlighted where they are (overlapping findings split
the text into segments, each marked with every finding it belongs to), and a card per
finding gives its code, position, message, suggestion and the rulebook fact it rests on, with
the fact's dates and a link to its source. A table counts the findings per code; its
checkboxes hide and show codes (also through the address: ``report.html#hide=NL501,NL303``).
The page needs nothing but itself: no script, style sheet or font is fetched.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from newslint import __version__
from newslint.codes import CODES
from newslint.diagnostic import Diagnostic, Severity
from newslint.facts import Fact, fact_dates, fact_label
from newslint.formatters import plural, shown_path, summary
from newslint.rulebook.schema import Office, Person

FactLookup = Callable[[str, str], tuple[Fact | None, Mapping[str, Person]]]  # (fact id, path) -> fact, people

_STYLE = """
:root { --error: #c62828; --warning: #b26a00; --ink: #1d2327; --muted: #5f6b73; --line: #d9dee2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       background: #f6f7f8; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 16px 28px; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header p { margin: 0; color: var(--muted); }
main { padding: 20px 28px 40px; max-width: 1200px; }
table.codes { border-collapse: collapse; background: #fff; margin: 0 0 24px; }
table.codes th, table.codes td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; }
table.codes td.count { text-align: right; font-variant-numeric: tabular-nums; }
section.draft { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 0 0 24px; }
section.draft h2 { font-size: 16px; margin: 0; padding: 10px 16px; border-bottom: 1px solid var(--line);
                   font-family: ui-monospace, monospace; }
.body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr); }
pre.source { margin: 0; padding: 12px 16px; white-space: pre-wrap; word-wrap: break-word; border-right:
             1px solid var(--line); font: 13px/1.6 ui-monospace, "SFMono-Regular", Menlo, monospace; }
mark.finding { background: #ffe0dd; border-bottom: 2px solid var(--error); color: inherit; padding: 0 1px; }
mark.finding.warning { background: #fff1d0; border-bottom-color: var(--warning); }
mark.finding.off { background: none; border-bottom: none; }
ol.cards { list-style: none; margin: 0; padding: 10px 12px; }
li.card { border: 1px solid var(--line); border-left: 4px solid var(--error); border-radius: 4px;
          padding: 8px 10px; margin: 0 0 10px; background: #fff; }
li.card.warning { border-left-color: var(--warning); }
li.card.off, tr.off { display: none; }
li.card:target, li.card.lit { box-shadow: 0 0 0 2px #90caf9; }
.code { font-weight: 600; font-family: ui-monospace, monospace; }
.where { color: var(--muted); font-family: ui-monospace, monospace; margin-left: 6px; }
.fact { margin-top: 6px; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.fact ul { margin: 2px 0 0; padding-left: 18px; }
.clean { color: var(--muted); padding: 12px 16px; margin: 0; }
"""

_SCRIPT = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-code]'));
  function hidden() {
    return boxes.filter(function (b) { return !b.checked; }).map(function (b) { return b.dataset.code; });
  }
  function apply() {
    var off = hidden();
    document.querySelectorAll('li.card').forEach(function (card) {
      card.classList.toggle('off', off.indexOf(card.dataset.code) >= 0);
    });
    document.querySelectorAll('mark.finding').forEach(function (mark) {
      var codes = mark.dataset.codes.split(' ');
      mark.classList.toggle('off', codes.every(function (c) { return off.indexOf(c) >= 0; }));
    });
    var hash = off.length ? '#hide=' + off.join(',') : '';
    if (location.hash !== hash && history.replaceState) { history.replaceState(null, '', hash || location.pathname); }
  }
  var match = /hide=([^&]*)/.exec(location.hash);
  if (match) {
    var off = decodeURIComponent(match[1]).split(',');
    boxes.forEach(function (b) { b.checked = off.indexOf(b.dataset.code) < 0; });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  document.querySelectorAll('mark.finding').forEach(function (mark) {
    mark.addEventListener('mouseenter', function () {
      mark.dataset.findings.split(' ').forEach(function (id) {
        var card = document.getElementById('card-' + id); if (card) { card.classList.add('lit'); }
      });
    });
    mark.addEventListener('mouseleave', function () {
      document.querySelectorAll('li.card.lit').forEach(function (c) { c.classList.remove('lit'); });
    });
  });
  apply();
})();
"""


def format_html(
    diagnostics: Sequence[Diagnostic],
    files: int,
    sources: Mapping[str, str],
    lookup: FactLookup | None = None,
) -> str:
    """The report page. ``sources`` holds each draft's checked text by path (a .docx's
    paragraphs, a page's HTML); ``lookup`` finds the fact a finding rests on."""
    by_path: dict[str, list[tuple[int, Diagnostic]]] = {}
    for number, diagnostic in enumerate(diagnostics, 1):
        by_path.setdefault(diagnostic.path, []).append((number, diagnostic))
    counts = Counter(d.code for d in diagnostics)
    esc = html.escape
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<title>newslint report: {esc(summary(diagnostics, files))}</title>\n",
        f"<style>{_STYLE}</style>\n</head>\n<body>\n",
        f"<header><h1>newslint report</h1><p>{esc(summary(diagnostics, files))} newslint {esc(__version__)}.</p>"
        "</header>\n<main>\n",
    ]
    if counts:
        parts.append('<table class="codes"><thead><tr><th>show</th><th>code</th><th>name</th><th>findings</th></tr>'
                     "</thead><tbody>\n")  # fmt: skip
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            name = CODES[code].name if code in CODES else ""
            parts.append(
                f'<tr><td><input type="checkbox" checked data-code="{esc(code)}" aria-label="show {esc(code)}"></td>'
                f'<td class="code">{esc(code)}</td><td>{esc(name)}</td><td class="count">{count}</td></tr>\n'
            )
        parts.append("</tbody></table>\n")
    for path in sorted(set(sources) | set(by_path)):
        found = by_path.get(path, [])
        parts.append(f'<section class="draft" data-path="{esc(shown_path(path))}">\n')
        parts.append(f"<h2>{esc(shown_path(path))} <span class=\"where\">{plural(len(found), 'finding')}</span></h2>\n")
        if not found:
            parts.append('<p class="clean">No problems found.</p>\n</section>\n')
            continue
        parts.append('<div class="body">\n<pre class="source">')
        parts.append(_highlighted(sources.get(path, ""), found))
        parts.append('</pre>\n<ol class="cards">\n')
        for number, diagnostic in found:
            parts.append(_card(number, diagnostic, lookup))
        parts.append("</ol>\n</div>\n</section>\n")
    if not diagnostics:
        parts.append('<p class="clean">Every draft is free of findings.</p>\n')
    parts.append(f"</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n")
    return "".join(parts)


def _highlighted(text: str, found: list[tuple[int, Diagnostic]]) -> str:
    """The text, escaped, with every finding's span marked; where spans overlap, each piece
    is marked with all the findings that cover it."""
    if not text:
        return ""
    bounds = {0, len(text)}
    for _, d in found:
        start, end = min(d.start, len(text)), min(max(d.end, d.start), len(text))
        bounds.update((start, end))
    points = sorted(bounds)
    pieces = []
    for start, end in zip(points, points[1:], strict=False):
        covering = [(n, d) for n, d in found if d.start <= start and end <= d.end and d.start < d.end]
        segment = html.escape(text[start:end])
        if not covering:
            pieces.append(segment)
            continue
        warning = all(d.severity is Severity.WARNING for _, d in covering)
        codes = " ".join(sorted({d.code for _, d in covering}))
        ids = " ".join(str(n) for n, _ in covering)
        title = html.escape("\n".join(f"{d.code} {d.message}" for _, d in covering))
        first = covering[0][0]
        pieces.append(
            f'<mark class="finding{" warning" if warning else ""}" id="f-{first}-{start}" data-codes="{codes}" '
            f'data-findings="{ids}" title="{title}"><a href="#card-{first}" style="color:inherit;'
            f'text-decoration:none">{segment}</a></mark>'
        )
    return "".join(pieces)


def _card(number: int, diagnostic: Diagnostic, lookup: FactLookup | None) -> str:
    esc = html.escape
    kind = " warning" if diagnostic.severity is Severity.WARNING else ""
    lines = [
        f'<li class="card{kind}" id="card-{number}" data-code="{esc(diagnostic.code)}">',
        f'<span class="code">{esc(diagnostic.code)}</span>'
        f'<span class="where">{diagnostic.line}:{diagnostic.column}</span>'
        f"{' <em>warning</em>' if kind else ''}",
        f"<div>{esc(diagnostic.message)}</div>",
    ]
    if diagnostic.replacement is not None:
        lines.append(f"<div>Suggested: <q>{esc(diagnostic.replacement)}</q></div>")
    fact, people = lookup(diagnostic.fact, diagnostic.path) if lookup and diagnostic.fact else (None, {})
    if fact is not None:
        dates = fact_dates(fact, dict(people))
        detail = [f"Fact: {esc(fact_label(fact))} (<code>{esc(fact.id)}</code>)"]
        if isinstance(fact, Office):
            detail.append(f", verified to {fact.as_of.isoformat()}")
        lines.append('<div class="fact">' + "".join(detail))
        if dates:
            lines.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in dates) + "</ul>")
        if fact.source:
            lines.append(f'<div>Source: <a href="{esc(fact.source)}" rel="noreferrer">{esc(fact.source)}</a></div>')
        lines.append("</div>")
    lines.append("</li>\n")
    return "".join(lines)
