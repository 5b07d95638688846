"""The browser assets the map needs, fetched once from npm and inlined into every page.

A map must open with no network at all (tiles excepted), so the Leaflet
scripts, stylesheets and the country outlines cannot come from a CDN.
``python -m maps.assets`` downloads the pinned packages listed in
``maps/data/assets.json`` with ``npm pack`` (checking the registry's sha512
integrity), extracts the few files used into ``maps/assets/`` and converts the
world-atlas TopoJSON into GeoJSON.  ``render`` then inlines them, so a map is
one self-contained HTML file.
"""
from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from functools import lru_cache
from pathlib import Path

from geo.errors import IncmapError

from maps import topojson

PACKAGE_DIR = Path(__file__).resolve().parent
ASSETS_DIR = PACKAGE_DIR / "assets"
MANIFEST_PATH = PACKAGE_DIR / "data" / "assets.json"
STAMP_NAME = "assets-manifest.json"


class AssetsMissing(IncmapError):
    """The offline assets were never built; the message says how to build them."""


def load_manifest() -> dict:
    """The pinned npm packages and the files the map uses from each."""
    return json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))


def required_files(manifest: dict) -> list[str]:
    """Names (under ``maps/assets/``) of every file a rendered page reads."""
    names = list(manifest["scripts"]) + list(manifest["stylesheets"])
    return names + [manifest["outline"]["output"]]


def missing_assets(assets_dir: Path = ASSETS_DIR) -> list[str]:
    """The required asset files that are absent, so callers can explain what to do."""
    manifest = load_manifest()
    return [n for n in required_files(manifest) if not (assets_dir / n).is_file()]


def is_current(assets_dir: Path = ASSETS_DIR) -> bool:
    """True when ``assets_dir`` was built from the manifest as it is now.

    The stamp records the manifest used, so pinning a new version rebuilds.
    """
    stamp = assets_dir / STAMP_NAME
    if not stamp.is_file() or missing_assets(assets_dir):
        return False
    return json.loads(stamp.read_text(encoding="utf-8")) == load_manifest()


def sri_digest(data: bytes) -> str:
    """The npm/SRI integrity string (``sha512-<base64>``) of ``data``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def npm_pack(name: str, version: str, destination: Path) -> Path:
    """Download ``name@version`` from the npm registry as a tarball; return its path.

    ``npm pack`` is the registry's own client: it honours the user's npm
    configuration (registry mirror, proxy, cache) without our code knowing.
    """
    done = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", str(destination)],
        capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise IncmapError(f"npm pack {name}@{version} failed: {done.stderr.strip().splitlines()[-1:]}")
    filename = json.loads(done.stdout)[0]["filename"]
    return destination / filename.replace("@", "").replace("/", "-")


def extract_members(tarball: Path, files: dict[str, str], destination: Path) -> None:
    """Copy the listed package files out of an npm tarball (whose root is ``package/``)."""
    with tarfile.open(tarball, "r:gz") as archive:
        for inner, outer in files.items():
            member = archive.extractfile(f"package/{inner}")
            if member is None:
                raise IncmapError(f"{tarball.name} has no file {inner}")
            target = destination / outer
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(member.read())


def country_code(numeric_id) -> str | None:
    """ISO2 code of an ISO 3166 numeric id (world-atlas feature ids), or None."""
    import pycountry

    if numeric_id in (None, ""):
        return None
    country = pycountry.countries.get(numeric=str(numeric_id).zfill(3))
    return country.alpha_2 if country else None


def build_outline(topojson_path: Path, object_name: str, output: Path) -> int:
    """Write the country outlines as compact GeoJSON tagged with ISO2 codes.

    The ISO2 ``cc`` lets the page outline the country chosen in its filter.
    Returns the number of countries written.
    """
    topology = json.loads(topojson_path.read_text(encoding="utf-8"))
    collection = topojson.to_feature_collection(topology, object_name)
    for feature in collection["features"]:
        name = feature["properties"].get("name")
        feature["properties"] = {"cc": country_code(feature.get("id")), "name": name}
        feature.pop("id", None)
    output.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False),
                      encoding="utf-8")
    return len(collection["features"])


def build(assets_dir: Path = ASSETS_DIR, force: bool = False, log=print) -> None:
    """Fetch, verify and extract every asset into ``assets_dir`` (idempotent)."""
    if not force and is_current(assets_dir):
        log(f"maps assets up to date in {assets_dir}")
        return
    manifest = load_manifest()
    assets_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="incmap-npm-") as tmp:
        for package in manifest["packages"]:
            tarball = npm_pack(package["name"], package["version"], Path(tmp))
            digest = sri_digest(tarball.read_bytes())
            if digest != package["integrity"]:
                raise IncmapError(f"{package['name']}@{package['version']}: integrity mismatch "
                                  f"({digest} != {package['integrity']})")
            extract_members(tarball, package["files"], assets_dir)
            log(f"fetched {package['name']}@{package['version']}")
    outline = manifest["outline"]
    count = build_outline(assets_dir / outline["source"], outline["object"],
                          assets_dir / outline["output"])
    log(f"converted {count} country outlines to {outline['output']}")
    (assets_dir / STAMP_NAME).write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def require_assets(assets_dir: Path = ASSETS_DIR) -> None:
    """Raise a readable error when the page could not be made self-contained."""
    missing = missing_assets(assets_dir)
    if missing:
        raise AssetsMissing(f"map assets missing ({', '.join(missing)}); "
                            f"build them with `python -m maps.assets`")


CSS_URL = re.compile(r"url\((['\"]?)(?!data:)([^'\")]+)\1\)")


def inline_css_urls(css: str, base: Path) -> str:
    """Replace relative ``url(...)`` references in a stylesheet by data URIs.

    Leaflet's stylesheet points at images/layers.png (the layer-control
    button); once the CSS is inlined, relative paths would resolve against
    the map file's folder and break, so the images travel inside the CSS.
    """
    def replace(match: re.Match) -> str:
        path = (base / match.group(2)).resolve()
        if not path.is_file():
            return match.group(0)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:{mime};base64,{data})"

    return CSS_URL.sub(replace, css)


def safe_script_text(source: str) -> str:
    """Script source that cannot end its own ``<script>`` element early."""
    return re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE)


@lru_cache(maxsize=4)
def _head_html(assets_dir: Path) -> str:
    manifest = load_manifest()
    parts = []
    for name in manifest["stylesheets"]:
        css = inline_css_urls((assets_dir / name).read_text(encoding="utf-8"), assets_dir)
        parts.append(f'<style data-asset="{name}">\n{css}\n</style>')
    for name in manifest["scripts"]:
        js = safe_script_text((assets_dir / name).read_text(encoding="utf-8"))
        parts.append(f'<script data-asset="{name}">\n{js}\n</script>')
    return "\n".join(parts)


def head_html(assets_dir: Path = ASSETS_DIR) -> str:
    """Every stylesheet and script of the map as inline ``<style>``/``<script>`` tags."""
    require_assets(assets_dir)
    return _head_html(assets_dir)


@lru_cache(maxsize=4)
def _outline_json(assets_dir: Path) -> str:
    return (assets_dir / load_manifest()["outline"]["output"]).read_text(encoding="utf-8")


def outline_geojson_text(assets_dir: Path = ASSETS_DIR) -> str:
    """The country outlines as GeoJSON text, ready to embed."""
    require_assets(assets_dir)
    return _outline_json(assets_dir)


def main(argv: list[str] | None = None) -> int:
    """``python -m maps.assets [--force]``: build ``maps/assets/`` from npm."""
    args = sys.argv[1:] if argv is None else argv
    if shutil.which("npm") is None:
        print("maps.assets: npm is not installed (apt-get install npm)", file=sys.stderr)
        return 1
    try:
        build(force="--force" in args)
    except IncmapError as error:
        print(f"maps.assets: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
