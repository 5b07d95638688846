"""Compile incmap's hot modules with Cython, in place: an optional speed-up, the same results.

    python tools/compile.py            # build what is missing or older than its .py
    python tools/compile.py --clean    # remove every built file: pure Python again

The ``.py`` files are compiled unchanged (Cython's pure Python mode, with
annotations read as documentation, never as C types), and each extension
module lands beside its ``.py``, where Python's import prefers it.  Nothing
else changes: data files are still found relative to the package, and the
outputs are byte for byte those of pure Python.

Compiling is optional: without Cython, setuptools or a C compiler, this
prints why and exits 0, and incmap runs as pure Python.  A compiled module
older than its ``.py`` is rebuilt, or deleted when it cannot be.  ``make
install`` (and so ``make test``, ``make demo``...) runs this whenever a listed
``.py`` is newer than the last build; ``make compile`` runs it always.  Until
then a command run directly imports the old extension module: re-run after
editing a listed module.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The modules compiled, by path from the repository root: the extractor and the gazetteer
# lookups it calls per token (together ~95% of `incmap extract`'s time in a profile).
MODULES = [
    "gazetteer/index.py",
    "gazetteer/morphology.py",
    "gazetteer/normalize.py",
    "gazetteer/rank.py",
    "gazetteer/sites.py",
    "gazetteer/tokenize.py",
    "gazetteer/toponyms.py",
    "geo/extract/actors.py",
    "geo/extract/dates.py",
    "geo/extract/incidents.py",
    "geo/extract/layout.py",
    "geo/extract/lexicon.py",
    "geo/extract/locate.py",
    "geo/extract/merge.py",
    "geo/extract/modality.py",
    "geo/extract/numbers.py",
    "geo/extract/text.py",
    "geo/extract/triggers.py",
]

# Plain Python semantics: annotations stay annotations (no C types, no type checks on calls).
DIRECTIVES = {"language_level": 3, "annotation_typing": False}
# No debug information: the extensions take a tenth of the space (6 MB, not 68 MB).
CFLAGS = [] if os.name == "nt" else ["-g0"]
BUILD_DIR = ROOT / "build" / "cython"  # the generated C and object files


def built(source: Path) -> Path:
    """Where the extension module compiled from ``source`` goes (beside it)."""
    return source.with_name(source.stem + sysconfig.get_config_var("EXT_SUFFIX"))


def stale(sources: list[Path]) -> list[Path]:
    """The sources whose extension module is missing or older than they are."""
    out = []
    for src in sources:
        ext = built(src)
        if not ext.exists() or ext.stat().st_mtime < src.stat().st_mtime:
            out.append(src)
    return out


def remove_stale(sources: list[Path]) -> None:
    """Delete every extension module older than its source, so that the source runs."""
    for src in sources:
        ext = built(src)
        if ext.exists() and ext.stat().st_mtime < src.stat().st_mtime:
            ext.unlink()
            print(f"removed the stale {ext.relative_to(ROOT)} (older than its .py)")


def clean(sources: list[Path]) -> None:
    for src in sources:
        for ext in src.parent.glob(src.stem + ".*.so"):  # any Python version's build
            ext.unlink()
        for ext in src.parent.glob(src.stem + ".*.pyd"):
            ext.unlink()
    shutil.rmtree(BUILD_DIR, ignore_errors=True)


def compile_modules(sources: list[Path], jobs: int) -> None:
    """Cythonize and build ``sources`` in place, ``jobs`` at a time; raises on any failure."""
    from Cython.Build import cythonize
    from setuptools import Extension
    from setuptools.dist import Distribution

    exts = [Extension(".".join(src.relative_to(ROOT).with_suffix("").parts), [str(src.relative_to(ROOT))],
                      extra_compile_args=CFLAGS) for src in sources]
    os.chdir(ROOT)  # module names and build paths are relative to the repository root
    # force: the C files are regenerated even when newer than the .py (a change of DIRECTIVES or of
    # the Cython version would otherwise go unnoticed); only the stale modules come here anyway
    exts = cythonize(exts, compiler_directives=DIRECTIVES, build_dir=str(BUILD_DIR.relative_to(ROOT)),
                     nthreads=jobs, quiet=True, force=True)
    dist = Distribution({"name": "incmap-compiled", "ext_modules": exts})
    cmd = dist.get_command_obj("build_ext")
    cmd.inplace = True
    cmd.parallel = jobs
    cmd.build_temp = str(BUILD_DIR.relative_to(ROOT) / "temp")
    cmd.build_lib = str(BUILD_DIR.relative_to(ROOT) / "lib")
    cmd.force = True  # only the stale ones are passed in
    dist.run_command("build_ext")
    for src in sources:  # the build copies from build_lib: make sure each .so is newer than its .py
        os.utime(built(src))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clean", action="store_true", help="remove the compiled modules and build files")
    ap.add_argument("--force", action="store_true", help="rebuild every module")
    ap.add_argument("--list", action="store_true", help="print the compiled modules' sources (for make)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="parallel compilations")
    args = ap.parse_args(argv)
    if args.list:
        print(" ".join(MODULES))
        return 0
    sources = [ROOT / m for m in MODULES]
    if args.clean:
        clean(sources)
        return 0
    todo = sources if args.force else stale(sources)
    if not todo:
        print("compiled modules are up to date")
        return 0
    try:
        import Cython  # noqa: F401
        import setuptools  # noqa: F401
    except ImportError as e:
        print(f"not compiling ({e.name} is not installed): incmap runs as pure Python")
        remove_stale(sources)
        return 0
    print(f"compiling {len(todo)} module(s) with Cython, {args.jobs} at a time...", flush=True)
    try:
        compile_modules(todo, max(1, args.jobs))
    except (Exception, SystemExit) as e:  # distutils reports a compiler failure as SystemExit
        print(f"compiling failed ({e}): the modules not built run as pure Python", file=sys.stderr)
        remove_stale(sources)
        return 0
    finally:
        shutil.rmtree(BUILD_DIR, ignore_errors=True)  # every build starts afresh (see compile_modules)
    print(f"compiled {len(todo)} module(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
