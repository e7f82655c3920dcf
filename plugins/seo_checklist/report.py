"""What a check run found, and its three renderings: terminal, JSON (for tools), HTML.

The HTML report is one self-contained file (inline CSS, no script) meant to be opened from
disk; it is written outside the published site, since it lists the site's weaknesses.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .registry import SEVERITIES, Finding

JSON_VERSION = 1
LABELS = {
    "error": ("erreur", "erreurs", "Erreur"),
    "warning": ("avertissement", "avertissements", "Avertissement"),
    "notice": ("remarque", "remarques", "Remarque"),
}
_TEMPLATE = Path(__file__).with_name("report.html.jinja")


def plural(count: int, severity: str) -> str:
    """ "1 erreur", "3 avertissements", "0 remarque" (French: 0 and 1 are singular)."""
    one, many, _title = LABELS[severity]
    return f"{count} {one if count < 2 else many}"


def _counts_text(counts: dict[str, int]) -> str:
    return ", ".join(plural(counts[s], s) for s in SEVERITIES)


@dataclass
class Report:
    """The findings of one run over a site, sorted by page, severity and check id."""

    findings: list[Finding]
    pages_checked: int
    seconds: float = 0.0
    _by_page: dict[str, list[Finding]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.findings = sorted(self.findings, key=Finding.sort_key)
        for finding in self.findings:
            self._by_page.setdefault(finding.page, []).append(finding)

    @property
    def counts(self) -> dict[str, int]:
        """Number of findings per severity, every severity present."""
        found = Counter(f.severity for f in self.findings)
        return {severity: found[severity] for severity in SEVERITIES}

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def by_page(self) -> dict[str, list[Finding]]:
        """Findings grouped by page, pages in URL order."""
        return dict(self._by_page)

    def page_counts(self, page: str) -> dict[str, int]:
        found = Counter(f.severity for f in self._by_page.get(page, []))
        return {severity: found[severity] for severity in SEVERITIES}

    def worst_pages(self, n: int = 10) -> list[tuple[str, dict[str, int]]]:
        """The `n` pages with most errors, then most warnings, then most notices."""
        ranked = sorted(
            self._by_page,
            key=lambda page: (*(-c for c in self.page_counts(page).values()), page),
        )
        return [(page, self.page_counts(page)) for page in ranked[:n]]

    # --- renderings --------------------------------------------------------------------------

    def to_json(self) -> str:
        """Stable JSON for tools: same site, same bytes (no timing, sorted keys and findings)."""
        data = {
            "version": JSON_VERSION,
            "pages_checked": self.pages_checked,
            "counts": self.counts,
            "findings": [f.as_dict() for f in self.findings],
        }
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def summary(self) -> str:
        """One line: pages checked and counts per severity."""
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        return (
            f"SEO : {self.pages_checked} pages vérifiées en {seconds} s — "
            f"{_counts_text(self.counts)}."
        )

    def to_terminal(self, max_pages: int = 10) -> str:
        """Counts, the worst pages, then every finding as `page: [id] message → fix`."""
        lines = [self.summary()]
        if not self.findings:
            lines.append("Aucun problème trouvé.")
            return "\n".join(lines) + "\n"
        worst = self.worst_pages(max_pages)
        lines.append("")
        lines.append(f"Pages les plus touchées ({len(worst)} sur {len(self._by_page)}) :")
        width = max(len(page) for page, _counts in worst)
        for page, counts in worst:
            shown = ", ".join(plural(counts[s], s) for s in SEVERITIES if counts[s])
            lines.append(f"  {page.ljust(width)}  {shown}")
        for severity in SEVERITIES:
            group = [f for f in self.findings if f.severity == severity]
            if group:
                lines.append("")
                lines.append(f"{LABELS[severity][1].capitalize()} ({len(group)}) :")
                lines.extend(f.line() for f in group)
        return "\n".join(lines) + "\n"

    def to_html(self) -> str:
        """A self-contained, accessible French HTML page: summary, then findings by page."""
        pages = [
            (page, counts, self._by_page[page])
            for page, counts in self.worst_pages(len(self._by_page))
        ]
        return (
            _environment()
            .get_template(_TEMPLATE.name)
            .render(
                report=self,
                counts=self.counts,
                pages=pages,
                labels=LABELS,
                severities=SEVERITIES,
                plural=plural,
            )
        )

    def write(self, folder: Path) -> tuple[Path, Path]:
        """Write seo-report.json and seo-report.html into `folder`; return their paths."""
        folder.mkdir(parents=True, exist_ok=True)
        json_path = folder / "seo-report.json"
        html_path = folder / "seo-report.html"
        json_path.write_text(self.to_json(), encoding="utf-8")
        html_path.write_text(self.to_html(), encoding="utf-8")
        return json_path, html_path


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATE.parent),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
