"""Opening a map in headless Chromium with no network but tiles (bench and tests).

The page must not fetch anything but base-map tiles; the route handler here
answers tile requests with a plain generated tile (so the check needs no
internet) and aborts every other request, recording it so callers can
assert nothing else was asked for.
"""
from __future__ import annotations

import re
import struct
import zlib
from functools import lru_cache
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TILE_URL = re.compile(r"^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")
# The page sets these once its data is parsed and every allowed marker is placed.
READY = "window.incmap && window.incmap.ready && window.incmap.idle"


def chromium_available() -> bool:
    """True when the Debian chromium binary the checks drive is installed."""
    return Path(CHROMIUM).is_file()


@lru_cache(maxsize=1)
def tile_png(size: int = 256, rgb: tuple[int, int, int] = (236, 232, 224)) -> bytes:
    """A plain PNG tile (light land colour), built without any imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(row * size, 9)) + chunk(b"IEND", b""))


class Network:
    """Playwright route handler: tiles are served locally, everything else aborted.

    ``serve_tiles=False`` simulates a machine where the tile server is
    unreachable too.  ``blocked`` lists the URLs refused, ``tiles`` counts
    tile requests.
    """

    def __init__(self, serve_tiles: bool = True):
        self.serve_tiles = serve_tiles
        self.blocked: list[str] = []
        self.tiles = 0

    def __call__(self, route, request=None):
        url = route.request.url
        if url.startswith("file://") or url.startswith("data:"):
            return route.continue_()
        if TILE_URL.match(url):
            self.tiles += 1
            if self.serve_tiles:
                return route.fulfill(status=200, content_type="image/png", body=tile_png())
            return route.abort("internetdisconnected")
        self.blocked.append(url)
        return route.abort("blockedbyclient")


def launch(playwright):
    """Headless Debian Chromium with the project's fixed set of flags."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)


class MapPage:
    """A map opened in a new page: its network log, console errors and dialogs, ready to query.

    Every request but tiles is refused (see :class:`Network`); console errors,
    page errors and dialogs -- an ``alert`` from injected text -- are recorded.
    """

    def __init__(self, browser, path: Path, serve_tiles: bool = True, viewport=(1280, 800)):
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.network = Network(serve_tiles=serve_tiles)
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self.network)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(Path(path).as_uri())
        self.settle()

    def settle(self) -> None:
        """Wait until every marker the current filters allow is on the map."""
        self.page.wait_for_function(READY, timeout=20000, polling=20)

    def close(self) -> None:
        self.page.close()
