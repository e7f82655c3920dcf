"""The page cache (content-keyed) and the parsing done while the build writes pages."""

from __future__ import annotations

import pickle
from pathlib import Path

from seo_checklist import cache as cache_module
from seo_checklist.cache import PageCache
from seo_checklist.engine import check_configured
from seo_checklist.prefetch import Prefetcher
from seo_checklist.settings import configure

from .support import page, write_site

PAGES = {"/": page("/"), "/a-propos/": page("/a-propos/"), "/contact/": page("/contact/")}


def _check(output: Path, folder: Path, cache: PageCache | None = None):
    settings = configure({"SITEURL": "https://les-tilleuls.example.org", "SEO_WORKERS": 1})
    return check_configured(output, settings, cache_folder=folder, cache=cache)


def test_unchanged_pages_come_from_the_cache(tmp_path: Path) -> None:
    output = write_site(tmp_path / "output", PAGES)
    folder = tmp_path / "cache"
    first = _check(output, folder)
    cache = PageCache(folder, output)
    assert len(cache.old) == len(PAGES)
    second = _check(output, folder, cache)
    assert cache.hits == len(PAGES)
    assert second.to_json() == first.to_json()


def test_a_changed_page_is_parsed_again(tmp_path: Path) -> None:
    output = write_site(tmp_path / "output", PAGES)
    folder = tmp_path / "cache"
    _check(output, folder)
    contact = output / "contact" / "index.html"
    contact.write_text(contact.read_text("utf-8").replace("<h1>", "<h1>Nous écrire — "), "utf-8")
    cache = PageCache(folder, output)
    report = _check(output, folder, cache)
    assert cache.hits == len(PAGES) - 1
    # The new title of the changed page is what the checks saw (it now has two headings'
    # worth of text in its <h1>), not the cached one.
    fresh = PageCache(folder, output)
    [(_key, cached)] = [(k, p) for k, p in fresh.old.items() if k[0] == "contact/index.html"]
    assert cached.headings[0][1].startswith("Nous écrire")
    assert report.pages_checked == len(PAGES)


def test_a_parser_change_drops_the_whole_cache(tmp_path: Path, monkeypatch) -> None:
    output = write_site(tmp_path / "output", PAGES)
    folder = tmp_path / "cache"
    _check(output, folder)
    monkeypatch.setattr(cache_module, "_parser_digest", lambda: "another parser")
    cache = PageCache(folder, output)
    assert cache.old == {}
    _check(output, folder, cache)
    assert cache.hits == 0


def test_an_unreadable_cache_is_ignored(tmp_path: Path) -> None:
    output = write_site(tmp_path / "output", PAGES)
    folder = tmp_path / "cache"
    folder.mkdir()
    path = PageCache(folder, output).path
    path.write_bytes(b"not a pickle")
    report = _check(output, folder)
    assert report.pages_checked == len(PAGES)
    _digest, entries, _signatures = pickle.loads(path.read_bytes())
    assert len(entries) == len(PAGES)


def test_pages_parsed_during_the_build_feed_the_check(tmp_path: Path) -> None:
    output = write_site(tmp_path / "output", PAGES)
    folder = tmp_path / "cache"
    cache = PageCache(folder, output)
    prefetch = Prefetcher(output, cache, workers=1, batch=2)
    for file in sorted(output.rglob("*.html")):
        prefetch.written(str(file))
    prefetch.written(str(output / "feeds" / "tout.atom.xml"))  # not a page: ignored
    prefetch.finish()
    assert len(cache.old) == len(PAGES)  # 2 in a full batch, the third sent by finish()
    # A page rewritten after the worker read it: the parse no longer matches its bytes.
    _replace_contact_page(output)
    report = _check(output, folder, cache)
    assert cache.hits == len(PAGES) - 1
    expected = _check(output, tmp_path / "fresh-cache")
    assert report.to_json() == expected.to_json()


def test_a_page_is_read_by_the_worker_as_it_is_when_parsed(tmp_path: Path) -> None:
    output = write_site(tmp_path / "output", PAGES)
    cache = PageCache(tmp_path / "cache", output)
    prefetch = Prefetcher(output, cache, workers=1, batch=len(PAGES) - 1)
    contact = output / "contact" / "index.html"
    for file in [*sorted(set(output.rglob("*.html")) - {contact}), contact]:
        prefetch.written(str(file))
    # The build's process only queued the pages: it read none of them. The others went to
    # the worker in a full batch; the contact page waits for the next one.
    assert cache.read == {} and prefetch.pending == [("contact/index.html", str(contact))]
    _replace_contact_page(output)  # rewritten after it was queued, before it was read
    prefetch.finish()
    report = _check(output, tmp_path / "cache", cache)
    assert cache.hits == len(PAGES)  # the worker read the new version, and filed it so
    assert report.to_json() == _check(output, tmp_path / "fresh-cache").to_json()


def _build_writes_every_page(tmp_path: Path, batch: int) -> tuple[Path, PageCache, Prefetcher]:
    """A site whose every page goes through the prefetcher, as a build writes them."""
    output = write_site(tmp_path / "output", PAGES)
    cache = PageCache(tmp_path / "cache", output)
    prefetch = Prefetcher(output, cache, workers=1, batch=batch)
    for file in sorted(output.rglob("*.html")):
        prefetch.written(str(file))
    prefetch.finish()
    return output, cache, prefetch


def _ids(report) -> set[tuple[str, str]]:
    return {(finding.check_id, finding.page) for finding in report.findings}


def _pages_checked_again(monkeypatch) -> set[str]:
    """The pages that the page-only checks run on from now on."""
    import dataclasses

    from seo_checklist.registry import CHECKS, all_checks

    checked: set[str] = set()
    for check in list(all_checks().values()):
        if check.site_wide or check.uses_site:
            continue

        def counting(page, ctx, _func=check.func):  # type: ignore[no-untyped-def]
            checked.add(page.url)
            return _func(page, ctx)

        monkeypatch.setitem(CHECKS, check.id, dataclasses.replace(check, func=counting))
    return checked


def test_findings_of_unchanged_pages_are_kept_and_links_still_checked(
    tmp_path: Path, monkeypatch
) -> None:
    pages = {
        **PAGES,
        # A page-only problem (a short description) and a link that the site decides.
        "/a-propos/": page(
            "/a-propos/",
            description="Trop court.",
            body=('<p>Écrivez-nous depuis la <a href="/contact/">page de contact</a>.</p>'),
        ),
    }
    output = write_site(tmp_path / "output", pages)
    folder = tmp_path / "cache"
    first = _check(output, folder)
    assert ("description-length", "/a-propos/") in _ids(first)

    checked = _pages_checked_again(monkeypatch)
    cache = PageCache(folder, output)
    second = _check(output, folder, cache)
    assert checked == set()  # no page-only check ran again
    assert second.to_json() == first.to_json()

    # The link's target disappears: the unchanged page's kept findings are still reported,
    # and link-broken, which reads the site, runs again and finds it.
    (output / "contact" / "index.html").unlink()
    cache = PageCache(folder, output)
    third = _check(output, folder, cache)
    assert checked == set() and cache.hits == len(pages) - 1
    assert {("description-length", "/a-propos/"), ("link-broken", "/a-propos/")} <= _ids(third)


def test_changed_settings_check_every_page_again(tmp_path: Path, monkeypatch) -> None:
    output = write_site(tmp_path / "output", PAGES)
    folder = tmp_path / "cache"
    _check(output, folder)
    checked = _pages_checked_again(monkeypatch)
    cache = PageCache(folder, output)
    settings = configure(
        {
            "SITEURL": "https://les-tilleuls.example.org",
            "SEO_WORKERS": 1,
            "SEO_DESCRIPTION_MIN": 150,  # every test page's description is shorter than that
        }
    )
    report = check_configured(output, settings, cache_folder=folder, cache=cache)
    assert checked == set(PAGES)
    assert {page for check, page in _ids(report) if check == "description-length"} == set(PAGES)


def test_workers_that_cannot_start_leave_the_parsing_to_the_final_pass(
    tmp_path: Path, monkeypatch
) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from seo_checklist import prefetch as prefetch_module

    class NoWorkers:
        def __init__(self, *args, **kwargs) -> None:
            pass

        def submit(self, *args, **kwargs):
            raise BrokenProcessPool("no processes in this sandbox")

        def shutdown(self) -> None:
            pass

    monkeypatch.setattr(prefetch_module, "ProcessPoolExecutor", NoWorkers)
    output, cache, prefetch = _build_writes_every_page(tmp_path, batch=1)
    assert cache.old == {} and prefetch.workers == 0
    report = _check(output, tmp_path / "cache", cache)
    assert report.to_json() == _check(output, tmp_path / "fresh-cache").to_json()


def _replace_contact_page(output: Path) -> None:
    """Change a page as writers do: a new file renamed over the old one (a new inode)."""
    contact = output / "contact" / "index.html"
    replacement = contact.with_name("nouveau.html")
    replacement.write_text(contact.read_text("utf-8").replace("<h1>", "<h1>Écrivez — "), "utf-8")
    replacement.replace(contact)


def test_the_final_pass_does_not_hash_again_what_the_build_read(
    tmp_path: Path, monkeypatch
) -> None:
    output, cache, _prefetch = _build_writes_every_page(tmp_path, batch=1)
    _replace_contact_page(output)  # after the build read it

    hashed: list[int] = []
    real = cache_module.file_digest
    monkeypatch.setattr(cache_module, "file_digest", lambda data: hashed.append(1) or real(data))
    report = _check(output, tmp_path / "cache", cache)
    assert hashed == [1]  # only the replaced page is read and hashed again
    assert report.to_json() == _check(output, tmp_path / "fresh-cache").to_json()


def test_the_next_build_reads_only_the_pages_that_changed(tmp_path: Path, monkeypatch) -> None:

    output, cache, _prefetch = _build_writes_every_page(tmp_path, batch=1)
    _check(output, tmp_path / "cache", cache)  # the end of the first build: cache saved
    _replace_contact_page(output)  # by the next build

    hashed: list[str] = []
    real = cache_module.file_digest

    def counting(data: bytes) -> str:
        hashed.append(data.decode("utf-8"))
        return real(data)

    monkeypatch.setattr(cache_module, "file_digest", counting)
    cache = PageCache(tmp_path / "cache", output)
    prefetch = Prefetcher(output, cache, workers=1, batch=100)
    for file in sorted(output.rglob("*.html")):
        prefetch.written(str(file))
    # Only the rewritten page goes to the worker: the others still have last time's signature.
    assert prefetch.pending == [("contact/index.html", str(output / "contact" / "index.html"))]
    prefetch.finish()  # one page: not worth starting a worker, the final pass reads it
    report = _check(output, tmp_path / "cache", cache)
    assert len(hashed) == 1 and "Écrivez — " in hashed[0]
    assert report.to_json() == _check(output, tmp_path / "fresh-cache").to_json()


def test_a_page_copied_back_unchanged_keeps_its_findings(tmp_path: Path, monkeypatch) -> None:
    output = write_site(tmp_path / "output", PAGES)
    folder = tmp_path / "cache"
    first = _check(output, folder)
    # The same bytes in a new file (another inode): read and parsed again by the worker,
    # but last run's page, with the findings kept on it, is the one used.
    contact = output / "contact" / "index.html"
    copy = contact.with_name("copie.html")
    copy.write_bytes(contact.read_bytes())
    copy.replace(contact)
    checked = _pages_checked_again(monkeypatch)
    cache = PageCache(folder, output)
    prefetch = Prefetcher(output, cache, workers=1, batch=1)
    prefetch.written(str(contact))
    prefetch.finish()
    assert "contact/index.html" in cache.read  # the worker did read it
    report = _check(output, folder, cache)
    assert checked == set()  # no page-only check ran again
    assert report.to_json() == first.to_json()
