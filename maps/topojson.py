"""TopoJSON to GeoJSON, for the country outline layer.

world-atlas ships its country borders as TopoJSON (shared arcs, quantized
integer coordinates), which is a quarter of the size of the GeoJSON but which
Leaflet cannot draw.  Decoding it once at asset-build time keeps the browser
free of yet another library (topojson-client) and the page free of work.
Only what country borders use is supported: Polygon, MultiPolygon and
GeometryCollection; points and lines are not needed for outlines.
"""
from __future__ import annotations


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc of ``topology`` as absolute ``(lon, lat)`` points.

    Quantized topologies store each arc as a first position followed by
    deltas; the ``transform`` turns the running integer sum back into degrees.
    """
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 5), round(y * sy + ty, 5)))
        arcs.append(points)
    return arcs


def ring_from_arcs(arc_indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """One closed ring stitched from arc references.

    A negative index ``~i`` means arc ``i`` walked backwards; consecutive arcs
    share their joining point, which is therefore kept only once.
    """
    ring: list[list[float]] = []
    for index in arc_indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        start = 1 if ring else 0
        ring.extend([list(p) for p in points[start:]])
    return ring


def geometry_to_geojson(geometry: dict, arcs: list) -> dict | None:
    """The GeoJSON geometry of one TopoJSON geometry object, or None if empty."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return {"type": "Polygon",
                "coordinates": [ring_from_arcs(r, arcs) for r in geometry["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": "MultiPolygon",
                "coordinates": [[ring_from_arcs(r, arcs) for r in polygon]
                                for polygon in geometry["arcs"]]}
    if kind == "GeometryCollection":
        parts = [geometry_to_geojson(g, arcs) for g in geometry.get("geometries", [])]
        parts = [p for p in parts if p]
        return {"type": "GeometryCollection", "geometries": parts} if parts else None
    return None


def to_feature_collection(topology: dict, object_name: str) -> dict:
    """The named object of ``topology`` as a GeoJSON FeatureCollection.

    Each feature keeps the object's ``id`` and ``properties``; geometries
    that decode to nothing (null geometry in the source) are dropped.
    """
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"][object_name]["geometries"]:
        shape = geometry_to_geojson(geometry, arcs)
        if shape is None:
            continue
        feature = {"type": "Feature", "properties": dict(geometry.get("properties") or {}),
                   "geometry": shape}
        if "id" in geometry:
            feature["id"] = geometry["id"]
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}
