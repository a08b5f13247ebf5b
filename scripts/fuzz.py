"""The long fuzz run: seeded mutations of the fixture corpora through check and build.

Usage: .venv/bin/python scripts/fuzz.py [--cases 5000] [--seed 1] [--limit 30] [--jobs 2]

Prints mutations tried / exceptions / hangs / diagnostics without a file or line, the slowest
cases, and the first failure of each kind (its case names the file and the mutations, so it
can be replayed with the same seed). The bounded version runs in `make test`
(tests/test_fuzz.py); the mutations are in tests/mutations.py.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from mutations import Fuzzer, Outcome


def worker(seed: int, cases: int, limit: float) -> list[Outcome]:
    with tempfile.TemporaryDirectory(prefix="kennisbank-fuzz-") as tmp:
        fuzzer = Fuzzer(Path(tmp), seed=seed, limit=limit)
        return [fuzzer.case() for _ in range(cases)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=30.0, help="seconds per case")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    start = time.perf_counter()
    share = [args.cases // args.jobs + (i < args.cases % args.jobs) for i in range(args.jobs)]
    with multiprocessing.Pool(args.jobs) as pool:
        parts = pool.starmap(
            worker, [(args.seed * 1000 + i, n, args.limit) for i, n in enumerate(share)]
        )
    outcomes = [o for part in parts for o in part]
    exceptions = [o for o in outcomes if o.exception]
    hangs = [o for o in outcomes if o.hung]
    unplaced = [o for o in outcomes if o.bad_locations]
    kinds = collections.Counter(k for o in outcomes for k in o.case.split("← ")[1].split("+"))
    print(f"mutations tried:                     {len(outcomes)}")
    print(f"exceptions:                          {len(exceptions)}")
    print(f"hangs (> {args.limit:g} s):                     {len(hangs)}")
    print(f"cases with a diagnostic without file:line: {len(unplaced)}")
    print(f"wall time: {time.perf_counter() - start:.0f} s with {args.jobs} processes")
    print("mutations applied: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    slowest = sorted(outcomes, key=lambda o: o.seconds, reverse=True)[:5]
    print("slowest cases: " + "; ".join(f"{o.seconds:.1f} s {o.case}" for o in slowest))
    seen: set[str] = set()
    for o in exceptions + hangs + unplaced:
        lines = (o.exception or "").strip().splitlines()
        detail = lines[-1] if lines else ("hang" if o.hung else o.bad_locations[0])
        if detail not in seen:
            seen.add(detail)
            print(f"\nFIRST: {o.case}\n{o.exception or ('hang' if o.hung else o.bad_locations)}")
    return 1 if exceptions or hangs or unplaced else 0


if __name__ == "__main__":
    sys.exit(main())
