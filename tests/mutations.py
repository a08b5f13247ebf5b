"""Seeded mutations of the fixture corpora, for the fuzz test and `scripts/fuzz.py`.

Each case takes one file of a corpus, breaks it in one to three ways a hurried lector, an
editor or an attacker might (byte flips, truncation, tabs, NUL and control bytes, BOM, CR and
CRLF, YAML aliases and tags, deep nesting, 300 KB values, wrong types, stray `[[`, `[@`, `{{`),
and runs the check and the build on the corpus. An outcome is good when nothing raised, the
case finished within its time limit, and every diagnostic names a file of the corpus and a
line.
"""

from __future__ import annotations

import random
import shutil
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from kennisbank.build import check
from kennisbank.cache import Cache
from kennisbank.pages import render_site

FIXTURES = Path(__file__).parent / "fixtures"
CORPORA = [FIXTURES / "valid", FIXTURES / "bib-rommelig", FIXTURES / "rules" / "_base"]

Mutator = Callable[[bytes, random.Random], bytes]


def _at(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data) + 1)


def _insert(data: bytes, rng: random.Random, piece: bytes) -> bytes:
    where = _at(data, rng)
    return data[:where] + piece + data[where:]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _header_line(data: bytes, rng: random.Random) -> int:
    """The index of a line in the YAML header (or any line where there is none)."""
    lines = _lines(data)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == b"---"), len(lines))
    return rng.randrange(1, end) if end > 1 else 0


def byte_flip(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    out = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: _at(data, rng)]


def tab(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    n = rng.randrange(len(lines))
    lines[n] = b"\t" + lines[n] if rng.random() < 0.7 else lines[n].replace(b" ", b"\t")
    return b"\n".join(lines)


def control(data: bytes, rng: random.Random) -> bytes:
    byte = rng.choice([0, 1, 7, 8, 11, 12, 27, 31, 127])
    return _insert(data, rng, bytes([byte]) * rng.randint(1, 3))


def bom(data: bytes, rng: random.Random) -> bytes:
    return b"\xef\xbb\xbf" * rng.randint(1, 2) + data


def line_ends(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\r", b"\r\r\n"]))


def alias(data: bytes, rng: random.Random) -> bytes:
    piece = rng.choice(
        [
            b"a: &x [1, 2]\nb: *x\n",
            b"a: &x\n  - &y [lol, lol]\nb: [*x, *x, *x, *y]\n",
            b"<<: *onbekend\n",
            b"c: *zonder_anker\n",
        ]
    )
    return _insert_line(data, rng, piece)


def tag(data: bytes, rng: random.Random) -> bytes:
    piece = rng.choice(
        [
            b"t: !!python/object/apply:os.system [ls]\n",
            b"t: !!binary aGFsbG8=\n",
            b"t: !eigen waarde\n",
            b"t: !!set {a, b}\n",
            b"t: !!timestamp 2020-01-01\n",
            b"t: !!float nan\n",
            b"? [samengestelde, sleutel]\n: waarde\n",
            b"!!str 12: waarde\n",
        ]
    )
    return _insert_line(data, rng, piece)


def deep(data: bytes, rng: random.Random) -> bytes:
    n = rng.choice([30, 200, 2000, 50_000])
    piece = rng.choice(
        [
            b"d: " + b"[" * n + b"]" * n + b"\n",
            b"d: " + b"{a: " * n + b"1" + b"}" * n + b"\n",
            b"d: " + b"[" * n + b"\n",
            b"".join(b"  " * i + b"k:\n" for i in range(min(n, 3000))),
            b"> " * n + b"citaat\n",
            b"- " * min(n, 5000) + b"item\n",
            b"*" * n + b"nadruk" + b"_" * n + b"\n",
            b"[" * n + b"@werk" + b"]" * n + b"\n",
            b"@book{diep, title = " + b"{" * n + b"x" + b"}" * n + b"}\n",
        ]
    )
    return _insert_line(data, rng, piece)


def big(data: bytes, rng: random.Random) -> bytes:
    size = rng.choice([300_000, 1_100_000]) if rng.random() < 0.2 else 300_000
    value = rng.choice([b"a", b"ab ", b"[[", b"@x ", b"\xc3\xa9"]) * (size // 2)
    piece = rng.choice(
        [
            b"lang: " + value + b"\n",
            b'lang: "' + value + b'"\n',
            value + b"\n",
            b"@misc{groot, title = {" + value + b"}}\n",
        ]
    )
    return _insert_line(data, rng, piece)


WRONG = [
    b"[1, {a: b}]",
    b"12",
    b"12.5",
    b"null",
    b"~",
    b"true",
    b"{}",
    b"[]",
    b"''",
    b"- los",
    b"[[eigen-kracht]]",
    b"[@onbekend]",
    b"{{ config }}",
    b"2020-02-30",
    b"0x1F",
    b"-.inf",
    b'"\\ud800"',
    b"'<script>alert(1)</script>'",
    b"javascript:alert(1)",
]


def wrong_type(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    n = _header_line(data, rng)
    key, colon, _ = lines[n].partition(b":")
    if colon:
        lines[n] = key + b": " + rng.choice(WRONG)
    else:
        lines[n] = lines[n] + b" " + rng.choice(WRONG)
    return b"\n".join(lines)


STRAY = [
    b"[[",
    b"]]",
    b"[@",
    b"@",
    b"{{",
    b"}}",
    b"{%",
    b"[[|]]",
    b"[@a; [[b]]]",
    b"@{",
    b"}",
    b"{",
]
STRAY += [b"[-@", b"[[ ]]", b"[@x](javascript:y)", b"<!--", b"```", b"---\n", b"\\", b"%"]


def stray(data: bytes, rng: random.Random) -> bytes:
    return _insert(data, rng, rng.choice(STRAY) * rng.randint(1, 3))


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    n = rng.randrange(len(lines))
    action = rng.randrange(3)
    if action == 0:
        lines.insert(n, lines[n])  # a duplicated line (duplicate keys)
    elif action == 1:
        del lines[n]
    else:
        m = rng.randrange(len(lines))
        lines[n], lines[m] = lines[m], lines[n]
    return b"\n".join(lines)


def odd_text(data: bytes, rng: random.Random) -> bytes:
    piece = rng.choice(
        [
            b"\xed\xa0\x80",  # an encoded surrogate: not UTF-8
            b"\xff\xfe",
            "\u202e\u200b\ufeff\u00a0".encode(),
            "Ω≈ç√∫˜µ≤≥÷".encode(),
            b"\xc3",
        ]
    )
    return _insert(data, rng, piece)


def _insert_line(data: bytes, rng: random.Random, piece: bytes) -> bytes:
    lines = _lines(data)
    n = _header_line(data, rng) if rng.random() < 0.6 else rng.randrange(len(lines) + 1)
    return b"\n".join([*lines[:n], piece.rstrip(b"\n"), *lines[n:]])


MUTATORS: dict[str, Mutator] = {
    f.__name__: f
    for f in (
        byte_flip,
        truncate,
        tab,
        control,
        bom,
        line_ends,
        alias,
        tag,
        deep,
        big,
        wrong_type,
        stray,
        shuffle_lines,
        odd_text,
    )
}


def files_of(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".md", ".bib"})


@dataclass
class Outcome:
    case: str
    seconds: float
    exception: str | None = None
    hung: bool = False
    bad_locations: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.exception is None and not self.hung and not self.bad_locations


class _Hang(BaseException):
    """Raised by the alarm: the case took longer than its limit."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    def alarm(signum: int, frame: FrameType | None) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_corpus(root: Path, case: str, limit: float, cache: Cache) -> Outcome:
    """Check and build the corpus under `root`, within `limit` seconds; judge the result."""
    start = time.perf_counter()
    outcome = Outcome(case=case, seconds=0.0)
    try:
        with _time_limit(limit):
            checked = check(root, cache)
            render_site(checked.corpus, checked.graph, checked.literature)
    except _Hang:
        outcome.hung = True
    except Exception:
        outcome.exception = traceback.format_exc()
    else:
        for d in checked.diagnostics:
            where = d.location
            if not where.path or not (root / where.path).is_file() or where.line < 1:
                outcome.bad_locations.append(f"{where}: {d.message}")
    outcome.seconds = time.perf_counter() - start
    return outcome


class Fuzzer:
    """Copies each corpus once; every case mutates one file, runs, and puts the file back."""

    def __init__(self, workdir: Path, seed: int, limit: float = 30.0) -> None:
        self.rng = random.Random(seed)
        self.limit = limit
        self.roots = []
        for corpus in CORPORA:
            target = workdir / corpus.name
            shutil.copytree(corpus, target, ignore=shutil.ignore_patterns(".cache"))
            self.roots.append(target)
        # one cache for all cases, as a lector's machine has: unchanged files come from it
        self.cache = Cache(workdir / "cache")

    def case(self, mutators: list[str] | None = None) -> Outcome:
        rng = self.rng
        root = rng.choice(self.roots)
        path = rng.choice(files_of(root))
        original = path.read_bytes()
        names = mutators or rng.sample(sorted(MUTATORS), rng.choice([1, 1, 2, 3]))
        data = original
        for name in names:
            data = MUTATORS[name](data, rng)
        path.write_bytes(data)
        try:
            label = f"{root.name}/{path.relative_to(root).as_posix()} ← {'+'.join(names)}"
            return run_corpus(root, label, self.limit, self.cache)
        finally:
            path.write_bytes(original)
