"""``python -m gazetteer build [--force]``: build (or rebuild) the cached index."""
import sys
import time

from .build import ensure_index


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "build" or set(argv[1:]) - {"--force"}:
        print("usage: python -m gazetteer build [--force]", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    arabic, latin = ensure_index(force="--force" in argv)
    print(f"gazetteer index: {arabic} ({arabic.stat().st_size / 1e6:.1f} MB) and "
          f"{latin.name} ({latin.stat().st_size / 1e6:.1f} MB), {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
