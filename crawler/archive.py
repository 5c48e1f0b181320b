"""Reading archived pages from disk: plain files, HTML and WARC containers.

Pure I/O helpers for the ``archive`` spider. Every problem with one file or one
WARC record becomes an :class:`ArchiveProblem` (a kind and a one-line reason)
so the replay can log it, count it and go on with the rest.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.decoding import header_charset

# File endings the replay reads; anything else under the root is skipped silently.
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".htm", ".html")
WARC_SUFFIXES = (".warc", ".warc.gz")
# Bytes inspected to call a file binary: a NUL in text pages means it is not one.
BINARY_SNIFF_BYTES = 8192


@dataclass
class ArchiveProblem(Exception):
    kind: str  # empty, binary, too_large, outside_root, unreadable, bad_sidecar, warc_malformed
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.kind}: {self.reason}"


@dataclass
class Member:
    """One page found in the archive: a file or one WARC response record."""

    path: Path  # the file on disk
    origin: str  # path relative to the replay root (+ '#' + target URI for a WARC record)
    url: str
    raw: bytes
    html: bool
    header_charset: str | None = None
    sidecar: dict[str, Any] = field(default_factory=dict)
    fetched_at: str | None = None


def suffix_kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def list_files(root: Path) -> list[Path]:
    """Files the replay reads under ``root`` (or ``root`` itself), recursively, in sorted order."""
    if root.is_file() or (root.is_symlink() and not root.is_dir()):
        return [root]
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if suffix_kind(path):
                found.append(path)
        # symlinked directories are listed as files to refuse them when they leave the root
        for name in list(dirnames):
            link = Path(dirpath) / name
            if link.is_symlink():
                found.append(link)
    return sorted(found)


def relative_origin(path: Path, root: Path) -> str:
    base = root if root.is_dir() else root.parent
    return os.path.relpath(path, base).replace(os.sep, "/")


def check_inside(path: Path, root: Path) -> None:
    """Refuse a path or symlink that resolves outside the replay root."""
    base = (root if root.is_dir() else root.parent).resolve()
    target = path.resolve()
    if target != base and base not in target.parents:
        raise ArchiveProblem("outside_root", str(path), f"resolves to {target}, outside the replay root {base}")
    if target.is_dir():
        raise ArchiveProblem("outside_root", str(path), "a linked directory; not followed")


def read_sidecar(path: Path) -> dict[str, Any]:
    """``NAME.json`` beside ``NAME.txt`` (or ``NAME.txt.json``) may state url and page metadata."""
    for candidate in (path.with_suffix(".json"), path.with_name(path.name + ".json")):
        if candidate != path and candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ArchiveProblem("bad_sidecar", str(candidate), f"not readable JSON ({exc})") from exc
            if not isinstance(data, dict):
                raise ArchiveProblem("bad_sidecar", str(candidate), "not a JSON object")
            return data
    return {}


def check_bytes(raw: bytes, where: str, max_bytes: int) -> None:
    if not raw.strip():
        raise ArchiveProblem("empty", where, "no content")
    if len(raw) > max_bytes:
        raise ArchiveProblem("too_large", where, f"{len(raw)} bytes, over the cap of {max_bytes}")
    head = raw[:BINARY_SNIFF_BYTES]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArchiveProblem("binary", where, "contains NUL bytes; not a text or HTML page")


def read_file(path: Path, root: Path, max_bytes: int) -> Member:
    """A text or HTML file as one member; raises :class:`ArchiveProblem`."""
    check_inside(path, root)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArchiveProblem("too_large", str(path), f"{size} bytes, over the cap of {max_bytes}")
        raw = path.read_bytes()
    except OSError as exc:
        raise ArchiveProblem("unreadable", str(path), exc.strerror or str(exc)) from exc
    check_bytes(raw, str(path), max_bytes)
    sidecar = read_sidecar(path)
    return Member(
        path=path,
        origin=relative_origin(path, root),
        url=str(sidecar.get("url") or path.resolve().as_uri()),
        raw=raw,
        html=suffix_kind(path) == "html",
        sidecar=sidecar,
    )


def iter_warc(path: Path, root: Path, max_bytes: int) -> Iterator[Member | ArchiveProblem]:
    """Each HTTP response record of a WARC file; problems are yielded, not raised, so reading goes on."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        check_inside(path, root)
    except ArchiveProblem as problem:
        yield problem
        return
    origin = relative_origin(path, root)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield ArchiveProblem("unreadable", str(path), exc.strerror or str(exc))
        return
    with fh:
        records = ArchiveIterator(fh)
        n = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises many kinds on damaged input (even AttributeError)
                reason = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
                yield ArchiveProblem("warc_malformed", f"{path} (after record {n})", reason)
                break
            n += 1
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{path}#{uri or n}"
            try:
                raw = record.content_stream().read(max_bytes + 1)
            except Exception as exc:  # a record cut short or with a broken gzip member
                yield ArchiveProblem("warc_malformed", where, f"record body unreadable ({exc})")
                break
            if len(raw) > max_bytes:
                yield ArchiveProblem("too_large", where, f"record over the cap of {max_bytes} bytes")
                continue
            try:
                check_bytes(raw, where, max_bytes)
            except ArchiveProblem as problem:
                yield problem
                continue
            http = record.http_headers
            content_type = http.get_header("Content-Type") if http else None
            yield Member(
                path=path,
                origin=f"{origin}#{uri}",
                url=uri or f"{path.resolve().as_uri()}#{n}",
                raw=raw,
                html=not (content_type or "").lower().startswith("text/plain"),
                header_charset=header_charset(content_type),
                fetched_at=record.rec_headers.get_header("WARC-Date"),
            )
