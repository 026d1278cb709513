"""The whole dataset as a Frictionless data package: tables, layers, descriptor, README and terms, zipped."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections import defaultdict
from pathlib import Path

from geo import settings
from geo.errors import DataError

FILENAME = "xinjiang-ports-data.zip"
LAYER_TITLES = {"ports": "Ports of entry", "corridors": "Rail corridors (schematic)", "zones": "Zones"}
# Every file gets the same time stamp, so the same data always makes the same zip.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def data_package(data_dir: Path | None = None) -> bytes:
    """The data folder as a zipped Frictionless data package, built in memory.

    The zip holds, at its root, every table ``datapackage.json`` lists, the GeoJSON layers in ``geojson/``,
    ``datapackage.json`` itself with the layers added as resources and every file's size and SHA-256 (so
    ``frictionless validate`` checks the files are the ones described), ``README.md`` and ``LICENCE.md``.

    Parameters
    ----------
    data_dir : Path, optional
        The data folder (``settings.data_dir()`` if not given). A folder without its own ``datapackage.json``
        or ``README.md`` (a test fixture) gets the project's.

    Raises
    ------
    DataError
        If a file the descriptor lists, or a layer, is missing.
    """
    folder = settings.data_dir() if data_dir is None else Path(data_dir)
    descriptor = json.loads(_own_or_project(folder, "datapackage.json").read_text(encoding="utf-8"))
    files = _files(folder, descriptor)
    for resource in descriptor["resources"]:
        content = files[resource["path"]]
        resource["bytes"] = len(content)
        resource["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
    files["datapackage.json"] = (json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n").encode()
    files["README.md"] = readme(folder, descriptor).encode()
    files["LICENCE.md"] = licence(folder, descriptor).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), files[name], zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _own_or_project(folder: Path, name: str) -> Path:
    own = folder / name
    return own if own.is_file() else settings.DATA_DIR / name


def _files(folder: Path, descriptor: dict) -> dict[str, bytes]:
    """Each table's and layer's bytes by path in the package; the layers are added to the descriptor."""
    for layer in settings.LAYERS:
        descriptor["resources"].append(
            {
                "name": f"{layer.name}-layer",
                "path": f"geojson/{layer.name}.geojson",
                "type": "json",
                "title": f"{LAYER_TITLES.get(layer.name, layer.title)} (GeoJSON layer)",
                "description": "Built from the tables by `python -m geo build`: RFC 7946, lon/lat WGS84; each "
                "feature's properties and its references (`sources`) are described in README.md.",
                "format": "geojson",
                "mediatype": "application/geo+json",
                "encoding": "utf-8",
            }
        )
    files, missing = {}, []
    for resource in descriptor["resources"]:
        path = folder / resource["path"]
        if path.is_file():
            files[resource["path"]] = path.read_bytes()
        else:
            missing.append(f"{path}: missing (resource {resource['name']!r} of the data package)")
    if missing:
        raise DataError("\n".join(missing))
    return files


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with open(folder / name, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def readme(folder: Path, descriptor: dict) -> str:
    """What the download holds, then the project's description of the data (its ``README.md``)."""
    lines = [
        f"# {descriptor.get('title', descriptor.get('name', 'Data package'))}",
        "",
        "The whole dataset of the Xinjiang ports explorer, as a Frictionless data package: "
        "`frictionless validate datapackage.json` checks every table against its schema and every file against "
        "the size and SHA-256 the descriptor gives. Terms: `LICENCE.md`.",
        "",
        "| file | what |",
        "|---|---|",
    ]
    for resource in descriptor["resources"]:
        lines.append(f"| `{resource['path']}` | {resource.get('title', resource['name'])} |")
    lines += ["", "---", "", _own_or_project(folder, "README.md").read_text(encoding="utf-8")]
    return "\n".join(lines)


def licence(folder: Path, descriptor: dict) -> str:
    """The terms, from the descriptor's licences and each reference's and article's own terms (no new licence)."""
    lines = ["# Terms of use", ""]
    for item in descriptor.get("licenses", []):
        lines.append(
            f"The compilation (the tables' structure and selection, and the claims in our own words) is offered "
            f"under {item.get('name', '')}" + (f": {item['title']}" if item.get("title") else "") + "."
        )
    lines += [
        "",
        "That does not cover what others published. Every coordinate, area, distance and status is a fact taken "
        "from a public reference, with a citation; each row of `references.csv` names its reference and its "
        "terms, and those terms apply to it. By terms:",
        "",
    ]
    by_terms: dict[str, list[str]] = defaultdict(list)
    for row in _rows(folder, "references.csv"):
        by_terms[row["terms"]].append(row["publisher"])
    for terms, publishers in sorted(by_terms.items(), key=lambda item: -len(item[1])):
        names = sorted(set(publishers), key=lambda name: (-publishers.count(name), name))
        shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
        count = f"{len(publishers)} reference" + ("s" if len(publishers) > 1 else "")
        lines.append(f"- **{terms}**: {count} ({shown}).")
    articles = _rows(folder, "sources.csv")
    lines += [
        "",
        f"Credits for the openly licensed data: {_credits(by_terms)}.",
        "",
        f"The figures come from {len(articles)} news articles (`sources.csv`, each the copyright of its "
        "publisher); only the figures and short claims in our own words are taken, each row naming its article:",
        "",
    ]
    lines += [
        f"- {row['title']}: {row['publisher']}" + (f", {row['published']}" if row["published"] else "")
        for row in articles
    ]
    return "\n".join(lines) + "\n"


def _credits(by_terms: dict[str, list[str]]) -> str:
    """Each openly licensed source, with the licence its terms name first (``GeoNames (...): CC BY 4.0``)."""
    found = []
    for terms, publishers in by_terms.items():
        if "copyright" in terms:
            continue  # news and government pages: cited row by row, not reused as data
        publisher = max(sorted(set(publishers)), key=publishers.count)
        found.append(f"{publisher}: {terms.split(' (')[0].split(';')[0].strip()}")
    return "; ".join(sorted(found, key=str.casefold)) if found else "none beyond the citations"
