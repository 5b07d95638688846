"""``python -m gazetteer build [--force]`` builds the cached index;
``python -m gazetteer charmap`` regenerates data/arabic_charmap.json from camel-tools."""
import json
import sys
import time

USAGE = "usage: python -m gazetteer build [--force] | python -m gazetteer charmap"


def main(argv: list[str]) -> int:
    if argv == ["charmap"]:
        from .normalize import CHARMAP_PATH, derive_charmap

        CHARMAP_PATH.write_text(json.dumps(derive_charmap(), ensure_ascii=False, indent=0) + "\n",
                                encoding="utf-8")
        print(f"wrote {CHARMAP_PATH}")
        return 0
    if not argv or argv[0] != "build" or set(argv[1:]) - {"--force"}:
        print(USAGE, file=sys.stderr)
        return 2
    from .build import ensure_index

    t0 = time.perf_counter()
    paths = ensure_index(force="--force" in argv)
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in paths)
    print(f"gazetteer index in {paths[0].parent}: {sizes} ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
