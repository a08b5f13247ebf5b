"""Side-by-side benchmark: `kennisbank check` at 1×/3×/10×, and the strict build against plain
MkDocs building the same generated pages, with the peak memory of each. One run, one machine:
compare the ratios, not the seconds.

Usage: .venv/bin/python scripts/bench_check.py [--repeat 3] [--no-build] [--bin OTHER/.venv/bin]

- check, real content: a copy of the repository's content, cold (empty cache) and warm
  (second run: everything from `.cache/kennisbank/`), as the `kennisbank check` command.
- check, synthetic corpus of scripts/bench_build.py at 500, 1,500 and 5,000 entities (the real
  content is ~500 files), cold and warm, with the ratio to 1×.
- build: `mkdocs build --strict` with the plugin (cold and warm cache) against plain MkDocs
  (the same mkdocs.yml without the kennisbank plugin) on the pages `kennisbank generate` wrote.
Peak memory is the maximum resident set of the process (`/usr/bin/time -f %M`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import synthetic_corpus

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # --bin: another virtualenv's, e.g. main's for "before"
CONTENT = ["kwesties", "principes", "casussen", "begrippen", "bundels", "bibliography", "docs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("CI", None)  # the cache is off in CI; this measures it on


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak memory (MB) of one command."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command], cwd=cwd, env=ENV, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):  # 1: the content has errors, which is a result too
        sys.exit(f"{' '.join(command)} mislukt:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    kilobytes = int(result.stderr.strip().splitlines()[-1])
    return seconds, kilobytes // 1024


def check_times(root: Path, repeat: int) -> tuple[float, float, int]:
    """Cold (no cache) and warm (median of `repeat`) `kennisbank check`, and warm memory."""
    shutil.rmtree(root / ".cache", ignore_errors=True)
    command = [str(BIN / "kennisbank"), "check"]
    cold, _ = timed(command, root)
    warm = [timed(command, root) for _ in range(repeat)]
    return cold, statistics.median(s for s, _ in warm), max(m for _, m in warm)


def copy_content(target: Path) -> None:
    for folder in CONTENT:
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")


def plain_config(root: Path, docs: Path) -> Path:
    """mkdocs.yml without the kennisbank plugin, reading the generated pages from `docs`."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"\n  - kennisbank:\n(?:      .*\n)*", "\n", text)
    text = re.sub(r"(?m)^docs_dir:.*\n", "", text)
    config = root / "plain.yml"
    config.write_text(f"docs_dir: {docs}\n" + text, encoding="utf-8")
    return config


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-build", action="store_true", help="only the check figures")
    parser.add_argument("--bin", type=Path, help="the bin/ of another virtualenv (before/after)")
    args = parser.parse_args()
    global BIN
    BIN = args.bin or BIN
    with tempfile.TemporaryDirectory() as name:
        work = Path(name)
        real = work / "real"
        copy_content(real)
        cold, warm, memory = check_times(real, args.repeat)
        print("kennisbank check                     cold      warm   warm memory")
        print(f"  real content                     {cold:6.2f} s {warm:6.2f} s {memory:5d} MB")
        base: tuple[float, float] | None = None
        for factor, n in ((1, 500), (3, 1500), (10, 5000)):
            root = work / f"synthetic-{factor}"
            synthetic_corpus(root, n)
            cold, warm, memory = check_times(root, args.repeat)
            base = base or (cold, warm)
            print(
                f"  synthetic {factor:>2}× ({n:>5} entities) {cold:6.2f} s {warm:6.2f} s "
                f"{memory:5d} MB   ratio to 1×: cold {cold / base[0]:4.1f}, warm {warm / base[1]:4.1f}"
            )
        if args.no_build:
            return
        site = ["--site-dir", str(work / "site")]
        strict = [str(BIN / "mkdocs"), "build", "--strict", "--quiet", *site]
        shutil.rmtree(real / ".cache", ignore_errors=True)
        build_cold, memory_cold = timed(strict, real)
        build_warm, memory_warm = timed(strict, real)
        docs = work / "generated"
        shutil.copytree(real / "docs", docs)
        subprocess.run(
            [str(BIN / "kennisbank"), "generate", str(docs)],
            cwd=real,
            env=ENV,
            check=True,
            capture_output=True,
        )
        config = plain_config(real, docs)
        plain, memory_plain = timed(
            [str(BIN / "mkdocs"), "build", "--quiet", "-f", str(config), *site], real
        )
        pages = sum(1 for p in docs.rglob("*.md"))
        print(f"\nbuild of the real content ({pages} pages)        wall     peak memory")
        print(f"  mkdocs build --strict, cold cache  {build_cold:6.2f} s {memory_cold:5d} MB")
        print(f"  mkdocs build --strict, warm cache  {build_warm:6.2f} s {memory_warm:5d} MB")
        print(f"  plain mkdocs build, same pages     {plain:6.2f} s {memory_plain:5d} MB")
        print(
            f"  ratio strict/plain: cold {build_cold / plain:.2f}, warm {build_warm / plain:.2f}; "
            f"memory {memory_warm / memory_plain:.2f}"
        )


if __name__ == "__main__":
    main()
