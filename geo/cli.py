"""The ``incmap`` command line (see shared CONTRACT.md).

Every command exits 0 on success, 2 on a usage error and 1 on any other
failure -- including a batch in which some input file had to be skipped (the
output then holds everything else).  Errors go to stderr as one line each;
``--debug`` adds tracebacks.  Heavy libraries (geopandas, folium) are
imported only by the commands that need them, so ``incmap resolve`` starts fast.
"""
from __future__ import annotations

import argparse
import json
import sys

from .errors import IncmapError, InputError, UsageError

PROG = "incmap"
FORMATS = ("geojson", "csv", "jsonl", "gpkg", "parquet")


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line and a UsageError (exit 2)."""

    def error(self, message):
        raise UsageError(f"{self.prog}: {message} (see --help)")


class Reporter:
    """Writes one-line problems to stderr and remembers whether any input was skipped."""

    def __init__(self, stream=None, debug: bool = False):
        self.stream = stream or sys.stderr
        self.debug = debug
        self.skipped = 0
        self.warnings = 0

    def skip(self, err: InputError) -> None:
        self.skipped += 1
        print(f"{PROG}: skipped {err}", file=self.stream)

    def warn(self, message: str) -> None:
        self.warnings += 1
        print(f"{PROG}: warning: {message}", file=self.stream)


def _add_filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--country", action="append", default=[], metavar="C",
                   help="ISO2 code, English or Arabic country name (repeatable)")
    p.add_argument("--group", action="append", default=[], metavar="G",
                   help="armed group: canonical name or any alias, e.g. داعش (repeatable)")
    p.add_argument("--category", action="append", default=[], metavar="K",
                   choices=("attack", "operation", "deployment"), help="incident category (repeatable)")
    p.add_argument("--since", metavar="D", help="keep incidents on or after this date (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="D", help="keep incidents on or before this date")


def _add_extract_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date anchoring relative dates (when the input gives none)")
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="worker processes for extraction (default 1, or one per core for a local "
                        "Dask cluster; 0 = one per core)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="run extraction locally or on a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (default: start a local cluster)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress output")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Map incidents reported in Arabic news.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("resolve", help="candidate places for Arabic or Latin names")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--country", metavar="CC", help="prefer places in this country (ISO2)")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="candidates per name (default 10)")

    p = sub.add_parser("toponyms", help="place names found in articles, as JSON Lines")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("jsonl",), default="jsonl")

    p = sub.add_parser("extract", help="extract incidents from articles")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from OUT's extension, else geojson)")
    _add_extract_options(p)

    p = sub.add_parser("filter", help="keep the incidents that match every given filter")
    p.add_argument("input", metavar="IN.geojson")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.add_argument("--format", choices=FORMATS)
    _add_filter_options(p)

    p = sub.add_parser("map", help="write a Folium map of incidents")
    p.add_argument("inputs", nargs="+", metavar="IN.geojson|PATH")
    p.add_argument("-o", "--output", required=True, metavar="map.html")
    p.add_argument("--title", help="map title")
    _add_filter_options(p)
    _add_extract_options(p)

    p = sub.add_parser("run", help="extract + map: OUTDIR/incidents.geojson, incidents.csv, map.html")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR")
    p.add_argument("--title", help="map title")
    _add_filter_options(p)
    _add_extract_options(p)
    return parser


def cmd_resolve(args, rep: Reporter) -> int:
    import gazetteer

    if args.limit < 1:
        raise UsageError(f"{PROG} resolve: --limit must be at least 1, not {args.limit}")
    country = _country_code(args.country) if args.country else None
    gaz = gazetteer.load()
    out = sys.stdout
    for name in args.names:
        cands = gaz.resolve(name, country=country, limit=args.limit)
        out.write(json.dumps([c.place.as_json(c.score) for c in cands], ensure_ascii=False) + "\n")
    return 0


def _country_code(value: str) -> str:
    """ISO2 for a --country value (code, English or Arabic name), or a UsageError."""
    from gazetteer.countries import country_code, suggest_countries

    code = country_code(value)
    if code is None:
        hint = suggest_countries(value)
        raise UsageError(f"unknown country {value!r}" + (f"; did you mean {', '.join(hint)}?" if hint else ""))
    return code


def cmd_toponyms(args, rep: Reporter) -> int:
    from gazetteer.toponyms import find_toponyms

    from .groups import find_groups
    from .pipeline import iter_readable

    out = sys.stdout
    for article in iter_readable(args.paths, rep):
        try:
            # Places inside armed groups' names (القاعدة في بلاد المغرب الإسلامي) are not mentions.
            groups = [(s, e) for s, e, _ in find_groups(article.text)]
            mentions = find_toponyms(article.text, exclude=groups)
        except Exception as exc:  # one article that trips a bug must not stop the batch
            rep.skip(InputError(article.path, f"could not be processed ({type(exc).__name__}: {exc})"))
            continue
        out.write("".join(json.dumps(m.as_json(article.path), ensure_ascii=False) + "\n" for m in mentions))
    return 1 if rep.skipped else 0


def _pipeline():
    from . import pipeline

    return pipeline


def cmd_extract(args, rep: Reporter) -> int:
    pipe = _pipeline()
    # streamed: merged incidents past a threshold wait on disk and features are written one by one,
    # so memory stays bounded whatever the corpus (the same bytes as writing one GeoDataFrame)
    pipe.extract_to_file(args.paths, args.output, rep, fmt=args.format, published=args.published,
                         jobs=args.jobs, engine=args.engine, scheduler=args.scheduler, quiet=args.quiet)
    return 1 if rep.skipped else 0


def cmd_filter(args, rep: Reporter) -> int:
    pipe = _pipeline()
    gdf = pipe.read_incidents(args.input)
    gdf = pipe.filter_frame(gdf, args)
    pipe.write_frame(gdf, args.output, args.format)
    return 0


def cmd_map(args, rep: Reporter) -> int:
    pipe = _pipeline()
    gdf = pipe.frame_from_inputs(args.inputs, rep, args)
    gdf = pipe.filter_frame(gdf, args)
    pipe.write_map(gdf, args.output, title=args.title)
    return 1 if rep.skipped else 0


def cmd_run(args, rep: Reporter) -> int:
    pipe = _pipeline()
    paths = pipe.run(args.paths, args.output, rep, args)
    for p in paths:
        print(p)
    return 1 if rep.skipped else 0


COMMANDS = {"resolve": cmd_resolve, "toponyms": cmd_toponyms, "extract": cmd_extract,
            "filter": cmd_filter, "map": cmd_map, "run": cmd_run}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    debug = "--debug" in argv
    rep = Reporter(debug=debug)
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args, rep)
    except UsageError as exc:
        if debug:
            import traceback
            traceback.print_exc()
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except IncmapError as exc:
        if debug:
            import traceback
            traceback.print_exc()
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug or an unforeseen failure: still one line
        if debug:
            import traceback
            traceback.print_exc()
        print(f"{PROG}: error: {type(exc).__name__}: {exc} (rerun with --debug for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
