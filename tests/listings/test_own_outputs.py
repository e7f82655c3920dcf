"""The files the listings plugin writes itself: the next build removes those it no longer writes."""

from __future__ import annotations

import os
from pathlib import Path

from listings.output import OwnOutputs


def test_a_file_no_longer_written_goes_unless_written_since(tmp_path: Path) -> None:
    output, record = tmp_path / "output", tmp_path / "cache" / "outputs-x.json"
    first = OwnOutputs(output, record)
    first.write("annonces/evenements.ics", b"tous")
    first.write("annonces/fete/evenement.ics", b"fete")
    first.write("annonces/brocante/evenement.ics", b"brocante")
    assert first.finish() == []
    # After that build, someone else rewrites one of them (a later modification time).
    touched = output / "annonces" / "brocante" / "evenement.ics"
    later = touched.stat().st_mtime_ns + 1_000_000_000
    os.utime(touched, ns=(later, later))

    second = OwnOutputs(output, record)  # the next build: both events are gone
    second.write("annonces/evenements.ics", b"aucun")
    assert second.finish() == ["annonces/fete/evenement.ics"]
    assert not (output / "annonces" / "fete").exists()  # its folder, left empty, too
    assert touched.is_file()
    assert (output / "annonces" / "evenements.ics").read_bytes() == b"aucun"
    # With no record (first build, or an unreadable one), nothing is known to be ours.
    record.write_text("pas du JSON", "utf-8")
    assert OwnOutputs(output, record).finish() == []
    assert touched.is_file()
