"""Random sequences of editors' edits, each rebuild compared with a cold build.

    .venv/bin/python scripts/edit_sequences.py [--seed N] [--steps N] [--invoke-build]

A copy of the demo project is built, then edited step by step (an article's text, title,
tags, summary, date, status, image or links; a listing's text, price, title, category,
expiry, status or photos; a page's text or title; a photo replaced; a file deleted, an
article or a listing added; a template, the CSS, a setting, the theme's strings, a plugin's
code; an earlier edit undone), one or two edits per step, some of them mistakes (an unknown
category, a quote left open, raw HTML, a mistyped header key, a .txt among the articles).
After each step the site is rebuilt the way an editor does, by livereload's worker
(default) or by `invoke build`, and compared with a cold `invoke build` of the same files
in a fresh copy: the same files, byte for byte, and the same count of errors and
warnings. It stops at the first difference and keeps both outputs under the work folder.

The tests check each kind of edit on its own (tests/test_incremental.py,
tests/test_resident.py); this looks for what only a sequence shows (an edit after an error,
an edit undone, two files in one save). About 5 s per step. Not part of the test suite: it is
random by design, and slow; run it after changing the incremental plugin or the worker.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from commands.build_server import BuildServer  # noqa: E402
from tests.support import BUILD_DATE, copy_project, run_invoke, tree_hashes  # noqa: E402

VERDICT = re.compile(r"(\d+) erreur\(s\), (\d+) avertissement\(s\)")
# Not all valid: an unknown one is a mistake an editor makes, and must be reported alike.
CATEGORIES = ["sport", "enfants", "maison", "jardin", "livres", "services", "evenements"]


class Editor:
    """Edits the project at random, remembering each file as it was first."""

    def __init__(self, project: Path, rng: random.Random) -> None:
        self.project, self.rng = project, rng
        self.originals: dict[Path, bytes | None] = {}  # None: the file did not exist

    def files(self, folder: str, pattern: str) -> list[Path]:
        return sorted((self.project / "content" / folder).glob(pattern))

    def _keep(self, path: Path) -> None:
        self.originals.setdefault(path, path.read_bytes() if path.exists() else None)

    def _append(self, path: Path, text: str) -> str:
        self._keep(path)
        path.write_text(path.read_text("utf-8") + f"\n{text}\n", "utf-8")
        return path.name

    def _sub(self, path: Path, pattern: str, new: Callable[[re.Match[str]], str]) -> str:
        text = path.read_text("utf-8")
        changed = re.sub(pattern, new, text, count=1, flags=re.MULTILINE)
        if changed != text:
            self._keep(path)
            path.write_text(changed, "utf-8")
        return path.name

    def edit(self) -> str:
        rng = self.rng
        article = rng.choice(self.files("articles", "*.md"))
        listing = rng.choice(self.files("listings", "*.yaml"))
        page = rng.choice(self.files("pages", "*.md"))
        number = rng.randint(0, 999)
        edits: list[Callable[[], str]] = [
            lambda: self._append(article, f"Un paragraphe ajouté ({number})."),
            lambda: self._append(article, f"Encore une phrase ({number})."),
            lambda: self._append(page, f"Une phrase de plus ({number})."),
            lambda: self._sub(article, r"^Title: (.*)$", lambda m: f"Title: {m[1]} {number}"),
            lambda: self._sub(article, r"^Tags: (.*)$", lambda m: f"Tags: {m[1]}, essai"),
            lambda: self._sub(article, r"^Summary: (.*)$", lambda m: f"Summary: {m[1]} Bis."),
            lambda: self._sub(
                listing, r"^description: \|\n", lambda m: f"{m[0]}  Précision {number}.\n\n"
            ),
            lambda: self._sub(listing, r"^price: (\d+)", lambda m: f"price: {int(m[1]) + 1}"),
            lambda: self._sub(listing, r"^title: (.*)$", lambda m: f"title: {m[1]} (bis)"),
            lambda: self._sub(
                listing, r"^category: (\S+)", lambda m: f"category: {rng.choice(CATEGORIES)}"
            ),
            lambda: self._sub(
                listing, r"^expires: (\S+)", lambda m: f"expires: 202{rng.randint(6, 8)}-12-01"
            ),
            lambda: self._sub(page, r"^Title: (.*)$", lambda m: f"Title: {m[1]} ({number})"),
            lambda: self._sub(listing, r"^status: (\S+)", lambda m: "status: open"),
            lambda: self._sub(listing, r"^(photos:\n(?:  - .*\n)+)", lambda m: ""),
            lambda: self._sub(article, r"^Image: .*\n", lambda m: ""),
            lambda: self._append(article, f"Voir [l’annonce](/annonces/{listing.stem}/)."),
            self._photo,
            lambda: self._delete(rng.choice([article, listing])),
            lambda: self._added(listing, f"nouvelle-{number}.yaml", f"Nouvelle annonce {number}"),
            self._template,
            lambda: self._sub(article, r"^Date: \d{4}-\d\d-\d\d", lambda m: f"Date: {self._day()}"),
            lambda: self._sub(article, r"^Title: .*$", lambda m: f"{m[0]}\nStatus: draft"),
            lambda: self._added(
                article, f"{self._day()}-nouvel-article-{number}.md", f"Nouvel article {number}"
            ),
            # A quote left open: a YAML error, reported, the listing left out.
            lambda: self._sub(listing, r"^title: (.*)$", lambda m: f'title: "{m[1]}'),
            lambda: self._append(listing, f"  <script>alert({number})</script>"),
            lambda: self._sub(article, r"^Tags: ", lambda m: "Tag: "),  # a key nothing reads
            lambda: self._copy(article, article.with_suffix(".txt")),  # a file nothing reads
            lambda: self._copy(listing, listing.with_suffix(".YAML")),  # a listing all the same
            lambda: self._code(
                "pelicanconf.py",
                r"^DEFAULT_PAGINATION = \d+",
                f"DEFAULT_PAGINATION = {rng.randint(4, 10)}",
            ),
            lambda: self._code(
                "pelicanconf.py", r'^SITENAME = "(.*)"', f'SITENAME = "Tilleuls {number}"'
            ),
            lambda: self._code(
                "theme/strings.py", r'"home": "(.*)"', f'"home": "Accueil {number}"'
            ),
            lambda: self._code("plugins/listings/render.py", r"\Z", f"# {number}\n"),
            lambda: self._code(
                "theme/static/css/main.css", r"\Z", f".n{number} {{ color: #123; }}\n"
            ),
            lambda: self._code(
                f"theme/templates/{rng.choice(['article', 'listing', 'listings', 'index'])}.html",
                r"\{% block content %\}",
                f"{{% block content %}}<!--{number}-->",
            ),
            self._undo,
            self._undo,
        ]
        return rng.choice(edits)()

    def _code(self, name: str, pattern: str, new: str) -> str:
        """An edit of the project outside content/: settings, theme, plugin code."""
        return self._sub(self.project / name, pattern, lambda m: new)

    def _day(self) -> str:
        return (
            f"202{self.rng.randint(5, 6)}-{self.rng.randint(1, 12):02}-{self.rng.randint(1, 28):02}"
        )

    def _added(self, model: Path, name: str, title: str) -> str:
        """A copy of `model` named `name`, with another title (`Title:` or `title:`)."""
        path = model.with_name(name)
        self._keep(path)
        new = re.sub(
            r"^([Tt]itle): .*$", rf"\1: {title}", model.read_text("utf-8"), count=1, flags=re.M
        )
        path.write_text(new, "utf-8")
        return f"ajouté {path.name}"

    def _copy(self, source: Path, target: Path) -> str:
        self._keep(target)
        target.write_bytes(source.read_bytes())
        return f"ajouté {target.name}"

    def _delete(self, path: Path) -> str:
        self._keep(path)
        path.unlink()
        return f"supprimé {path.name}"

    def _photo(self) -> str:
        """A photo replaced by another (same name, new pixels)."""
        photos = sorted((self.project / "content" / "images").rglob("*.jpg"))
        target, source = self.rng.sample(photos, 2)
        self._copy(source, target)
        return f"photo {target.name}"

    def _template(self) -> str:
        path = self.project / "theme" / "templates" / "base.html"
        self._keep(path)
        mark = f"<!--{self.rng.randint(0, 999)}--></footer>"
        path.write_text(path.read_text("utf-8").replace("</footer>", mark, 1), "utf-8")
        return "base.html"

    def _undo(self) -> str:
        if not self.originals:
            return "rien à défaire"
        path = self.rng.choice(sorted(self.originals))
        data = self.originals.pop(path)
        if data is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(data)
        return f"défait {path.name}"


def _invoke_build(project: Path) -> dict[str, Any]:
    proc = run_invoke("build", "--build-date", BUILD_DATE, cwd=project)
    verdict = VERDICT.search(proc.stdout + proc.stderr)
    if verdict is None:  # nothing changed: `invoke build` did nothing, and says so
        return {"kind": "unchanged", "output": (proc.stdout + proc.stderr)[-300:]}
    return {"kind": "build", "errors": int(verdict[1]), "warnings": int(verdict[2])}


def _counts(answer: dict[str, Any], last: tuple[int, int]) -> tuple[int, int]:
    """Errors and warnings the editor has been told of: after a rebuild that did nothing
    (no file changed), those of the one before."""
    if answer["kind"] == "unchanged":
        return last
    return answer["errors"], answer["warnings"]


def _compare(project: Path, work: Path, answer: dict[str, Any], last: tuple[int, int]) -> list[str]:
    cold = work / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("output", ".cache", "__pycache__"))
    proc = run_invoke("build", "--build-date", BUILD_DATE, cwd=cold)
    verdict = VERDICT.search(proc.stdout + proc.stderr)
    warm, fresh = tree_hashes(project / "output"), tree_hashes(cold / "output")
    differences = sorted(set(warm) ^ set(fresh))
    differences += [name for name in warm if name in fresh and warm[name] != fresh[name]]
    counts = _counts(answer, last)
    expected = (int(verdict[1]), int(verdict[2])) if verdict else None
    if counts != expected:
        differences.append(f"verdict {counts} ≠ build à froid {expected}")
    return differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--invoke-build", action="store_true", help="rebuild with invoke build")
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary one)")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    work = options.work or Path(tempfile.mkdtemp(prefix="edit-sequences-"))
    project = copy_project(work / "project")
    editor = Editor(project, rng)
    log = (work / "worker.log").open("w", encoding="utf-8")
    server = None
    if not options.invoke_build:
        server = BuildServer(project, ["--build-date", BUILD_DATE], stderr=log)
    build = (lambda: _invoke_build(project)) if server is None else server.build
    last = (0, 0)
    try:
        answer = build()
        for step in range(options.steps):
            edits = [editor.edit() for _ in range(rng.choice([1, 1, 1, 2]))]
            answer = build()
            differences = _compare(project, work, answer, last)
            last = _counts(answer, last)
            why = answer.get("restarted") or answer.get("reason") or ""
            counts = f"{answer.get('errors', '-')}E {answer.get('warnings', '-')}W"
            print(f"{step + 1:2} {', '.join(edits)} → {answer['kind']} {counts} {why}", flush=True)
            if differences:
                shutil.copytree(project / "output", work / "output-rebuilt")
                shutil.copytree(work / "cold" / "output", work / "output-cold")
                print(f"DIFFÉRENT : {differences[:10]} (sorties gardées dans {work})")
                return 1
    finally:
        if server is not None:
            server.close()
        log.close()
    print(f"identique à un build à froid après chacune des {options.steps} étapes ({work})")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
