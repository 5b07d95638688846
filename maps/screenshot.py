"""A PNG picture of a rendered map, for the README (``python -m maps.screenshot MAP.html OUT.png``).

The map is opened in headless Chromium the way the browser tests open it
(``maps.browser``), with tiles refused, so the picture shows the offline
country outlines and does not depend on -- or reproduce -- anyone's tiles.
The view is fitted to the incidents beside the panels, and one incident's
tooltip is opened so the picture shows the map in use.  A popup can be
opened instead (``--show popup``), but it quotes the article: the default
keeps third-party article text out of a picture committed to the project.
Re-running it on the same map gives the same picture, so the README image
can be regenerated whenever the map changes.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from maps.browser import READY, Network, chromium_available, launch

OFFLINE = "document.querySelector('.leaflet-container').classList.contains('incmap-offline')"

# Fit the view to the incidents in the part of the map the left-hand panels
# (filters, legend) leave free, at a fractional zoom, so the picture uses its
# whole width rather than the page's whole-level fit.
FIT_BESIDE_PANELS = """(function () {
  var map = incmap.map, box = map.getContainer().getBoundingClientRect(), left = 0;
  document.querySelectorAll('.leaflet-left .incmap-panel').forEach(function (p) {
    left = Math.max(left, p.getBoundingClientRect().right - box.left);
  });
  map.options.zoomSnap = 0.25;
  map.fitBounds(incmap.boundsOf(incmap.visible), {
    paddingTopLeft: [left + 30, 40], paddingBottomRight: [40, 40], maxZoom: 7, animate: false});
})()"""

# Which incident to point at: one whose marker stands alone (not inside a
# cluster) at the fitted zoom, clear of the panels and of the picture's edges,
# pinned to a named place rather than an area, with the most facts to show.
# Deterministic: ties go to input order.
PICK_INCIDENT = """(function () {
  var map = incmap.map, size = map.getSize(), left = 0;
  document.querySelectorAll('.leaflet-left .incmap-panel').forEach(function (p) {
    left = Math.max(left, p.getBoundingClientRect().right);
  });
  function alone(m) { var g = incmap.groups[m.rec.cat]; return g._map && g.getVisibleParent(m) === m; }
  function clear(m) {
    var pt = map.latLngToContainerPoint(m.getLatLng());
    return pt.x > left + 60 && pt.x < size.x - 200 && pt.y > 280 && pt.y < size.y - 60;
  }
  function richness(r) {
    return (r.prec === 'exact' ? 8 : 0) + (r.date ? 4 : 0) + ((r.grp || []).length ? 2 : 0)
      + (r.fat !== undefined ? 1 : 0);
  }
  var best = null;
  incmap.shownMarkers().forEach(function (m) {
    if (alone(m) && clear(m) && (!best || richness(m.rec) > richness(best.rec))) { best = m; }
  });
  return best ? best.rec.id : null;
})()"""

SHOW = ("tooltip", "popup", "none")


def fit_beside_panels(page) -> None:
    """Zoom to the incidents in the space the panels leave free, and wait for the clusters."""
    page.evaluate(FIT_BESIDE_PANELS)
    page.wait_for_timeout(300)
    page.wait_for_function(READY, timeout=20000, polling=50)


def pick_incident(page) -> str | None:
    """Id of the incident the picture points at, or None when no marker stands clear."""
    return page.evaluate(PICK_INCIDENT)


def marker_centre(page, incident_id: str) -> tuple[float, float]:
    """Where an incident's marker is on the screen."""
    box = page.evaluate("""(function (id) {
      var m = incmapMarkers.filter(function (m) { return m.rec.id === id; })[0];
      var r = m._icon.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    })""" + f"({incident_id!r})")
    return box[0], box[1]


def show_tooltip(page, incident_id: str) -> None:
    """Hover an incident's marker, as a reader does, so its place and date show."""
    x, y = marker_centre(page, incident_id)
    page.mouse.move(x, y)
    page.locator(".incmap-tip").wait_for()


def show_popup(page, incident_id: str) -> None:
    """Click an incident's marker so its popup (with the article's sentence) opens."""
    x, y = marker_centre(page, incident_id)
    page.mouse.click(x, y)
    page.locator(f".incmap-popup[data-id='{incident_id}']").wait_for()
    # The popup pans the map into view; let the pan and the redrawn clusters finish.
    page.wait_for_timeout(600)
    page.wait_for_function(READY, timeout=20000, polling=50)


def screenshot(map_html: Path, out_png: Path, width: int = 1280, height: int = 800,
               show: str = "tooltip", incident: str | None = None, browser=None) -> list[str]:
    """Write ``out_png``, a picture of ``map_html`` at ``width``×``height``.

    ``show`` is what to open on one incident: its ``tooltip`` (place and
    date), its ``popup`` (which quotes the article) or ``none``; ``incident``
    names it by id, else one is picked.  ``browser`` is a Playwright browser
    to reuse (tests already hold one); without it Chromium is launched here.
    Returns the page's errors (uncaught exceptions, console errors), so a
    caller can refuse a picture of a broken page.
    """
    if show not in SHOW:
        raise ValueError(f"show must be one of {SHOW}, not {show!r}")
    if browser is not None:
        return _picture(browser, Path(map_html), Path(out_png), width, height, show, incident)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch(playwright)
        try:
            return _picture(launched, Path(map_html), Path(out_png), width, height, show, incident)
        finally:
            launched.close()


def _picture(browser, map_html: Path, out_png: Path, width: int, height: int, show: str,
             incident: str | None) -> list[str]:
    errors: list[str] = []
    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
    try:
        page.route("**/*", Network(serve_tiles=False))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(map_html.resolve().as_uri())
        page.wait_for_function(READY, timeout=20000, polling=50)
        page.wait_for_function(OFFLINE, timeout=20000, polling=50)
        fit_beside_panels(page)
        chosen = incident or (pick_incident(page) if show != "none" else None)
        if chosen and show == "tooltip":
            show_tooltip(page, chosen)
        elif chosen and show == "popup":
            show_popup(page, chosen)
        page.screenshot(path=str(out_png), type="png")
    finally:
        page.close()
    # Tiles are refused on purpose; the console errors that causes are not the page's.
    return [e for e in errors if "ERR_INTERNET_DISCONNECTED" not in e]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m maps.screenshot",
                                     description="Save a PNG picture of an incmap map (tiles blocked).")
    parser.add_argument("map_html", metavar="MAP.html", type=Path)
    parser.add_argument("out_png", metavar="OUT.png", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--show", choices=SHOW, default="tooltip",
                        help="open one incident's tooltip (default), its popup, or nothing; a popup "
                             "quotes the article, so use it only for text the project may reproduce")
    parser.add_argument("--incident", metavar="ID", help="the incident to open (default: picked)")
    args = parser.parse_args(argv)
    if not chromium_available():
        print("maps.screenshot: /usr/bin/chromium is not installed", file=sys.stderr)
        return 1
    if not args.map_html.is_file():
        print(f"maps.screenshot: {args.map_html}: no such file", file=sys.stderr)
        return 1
    errors = screenshot(args.map_html, args.out_png, args.width, args.height,
                        show=args.show, incident=args.incident)
    if errors:
        print(f"maps.screenshot: the page reported an error: {errors[0]}", file=sys.stderr)
        return 1
    print(f"{args.out_png} ({args.out_png.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
