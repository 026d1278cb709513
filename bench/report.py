"""The benchmark's tables: printed after a run, and the Markdown one in bench/README.md (from results.json)."""

from __future__ import annotations

from pathlib import Path

COLUMNS = (
    ("size", 7, lambda r: r["size"]),
    ("load", 6, lambda r: r["load_ms"]),
    ("cold", 6, lambda r: r.get("load_cold_ms")),
    ("warm", 6, lambda r: r.get("load_warm_ms")),
    ("build", 6, lambda r: r["build_ms"]),
    ("payload KB", 10, lambda r: r["payload_bytes"] / 1024),
    ("rerun", 6, lambda r: r["rerun_ms"]),
    ("first map", 9, lambda r: r["first_map_ms"]),
    ("from byte", 9, lambda r: r["first_map_after_first_byte_ms"]),
    ("map upd", 7, lambda r: r["filter_update_ms"]),
    ("end to end", 10, lambda r: r["filter_end_to_end_ms"]),
    ("naive first", 11, lambda r: (r["naive"] or {}).get("first_map_ms")),
    ("naive e2e", 9, lambda r: (r["naive"] or {}).get("filter_end_to_end_ms")),
    ("ratio e2e", 9, lambda r: r["ratios"]["filter_end_to_end_vs_naive"]),
    ("maponly first", 13, lambda r: (r.get("maponly") or {}).get("first_map_ms")),
    ("maponly upd", 11, lambda r: (r.get("maponly") or {}).get("filter_update_ms")),
    ("ratio first/mo", 14, lambda r: r["ratios"].get("first_map_vs_map_only")),
    ("floor first", 11, lambda r: r["floor"]["first_map_ms"]),
    ("floor upd", 9, lambda r: r["floor"]["filter_update_ms"]),
    ("ratio e2e/fl", 12, lambda r: r["ratios"]["filter_end_to_end_vs_floor"]),
    ("floor click", 11, lambda r: r["floor"].get("filter_update_clicked_ms")),
    ("ratio e2e/flc", 13, lambda r: r["ratios"].get("filter_end_to_end_vs_floor_clicked")),
    ("again", 6, lambda r: r.get("filter_again_ms")),
    ("ratio ag/flc", 12, lambda r: r["ratios"].get("filter_again_vs_floor_clicked")),
)


def table(results: list[dict]) -> str:
    lines = [" ".join(f"{name:>{width}}" for name, width, _ in COLUMNS)]
    lines.append("-" * len(lines[0]))
    for r in results:
        cells = []
        for name, width, get in COLUMNS:
            value = get(r)
            digits = 3 if name.startswith("ratio") else 0
            cells.append(
                f"{'-':>{width}}"
                if value is None
                else f"{value:>{width}}"
                if isinstance(value, str)
                else f"{value:>{width}.{digits}f}"
            )
        lines.append(" ".join(cells))
    notes = [
        f"{r['size']} {who}: {x['note']}"
        for r in results
        for who, x in (
            ("ours", r),
            ("naive", r["naive"] or {}),
            ("map only", r.get("maponly") or {}),
            ("floor", r["floor"]),
        )
        if x.get("note")
    ]
    legend = (
        "(times in ms, medians; ratio = ours / naive, map only (mo), floor (fl) or floor clicked (flc); "
        "again = ours end to end at its third filter, warm as the floor clicked; lower is better; - : none)"
    )
    return "\n".join([*lines, *notes, legend, *concurrency_lines(results)])


def _concurrency(results: list[dict]) -> list[tuple[dict, dict]]:
    """Each size's concurrent-viewer figures, ours then the map-only page's, each marked with its page."""
    return [
        (r, c | {"page": page})
        for r in results
        for page, levels in (("ours", r.get("concurrency")), ("map only", (r.get("maponly") or {}).get("concurrency")))
        for c in levels or []
    ]


def concurrency_lines(results: list[dict]) -> list[str]:
    rows = [(f"{r['size']} {c['page']}", c) for r, c in _concurrency(results)]
    if not rows:
        return []
    lines = [
        "",
        f"{'size, page':>14} {'viewers':>7} {'changes':>7} {'p50':>6} {'p95':>6} {'max':>6} {'reruns/s':>8} {'cpu s':>6}",
    ]
    for size, c in rows:
        lines.append(
            f"{size:>14} {c['sessions']:>7} {c['samples']:>7} {c['p50_ms']:>6.0f} {c['p95_ms']:>6.0f} "
            f"{c['max_ms']:>6.0f} {c['reruns_per_s']:>8.2f} {c['server_cpu_s']:>6.1f}"
        )
    return [*lines, "(ms from each viewer's click until its map, counts, tab and rows show the change, painted)"]


# The Markdown table in bench/README.md, made from results.json (``python -m bench --readme``).
MARKDOWN_COLUMNS = (
    ("ports", lambda r: f"{r['ports']:,}" + (" (real)" if r["size"] == "real" else "")),
    ("first map", lambda r: r["first_map_ms"]),
    ("map-only first map", lambda r: (r.get("maponly") or {}).get("first_map_ms")),
    ("first map ours / map-only", lambda r: r["ratios"].get("first_map_vs_map_only")),
    ("floor first map", lambda r: r["floor"]["first_map_ms"]),
    ("map update", lambda r: r["filter_update_ms"]),
    ("end to end", lambda r: r["filter_end_to_end_ms"]),
    ("map-only update", lambda r: (r.get("maponly") or {}).get("filter_update_ms")),
    ("floor update", lambda r: r["floor"]["filter_update_ms"]),
    ("e2e ours / floor", lambda r: r["ratios"]["filter_end_to_end_vs_floor"]),
    ("naive end to end", lambda r: (r["naive"] or {}).get("filter_end_to_end_ms")),
    ("e2e ours / naive", lambda r: r["ratios"]["filter_end_to_end_vs_naive"]),
    ("floor update, clicked", lambda r: r["floor"].get("filter_update_clicked_ms")),
    ("e2e ours / floor clicked", lambda r: r["ratios"].get("filter_end_to_end_vs_floor_clicked")),
    ("end to end, again (third filter)", lambda r: r.get("filter_again_ms")),
    ("map-only update, again", lambda r: (r.get("maponly") or {}).get("filter_again_ms")),
    ("again / floor clicked", lambda r: r["ratios"].get("filter_again_vs_floor_clicked")),
    ("build", lambda r: r["build_ms"]),
    ("load (warm cache)", lambda r: r.get("load_warm_ms")),
    ("machine load, start / end", lambda r: machine_load(r)),
)


def machine_load(result: dict) -> str | None:
    """The 1-minute load average when the size's run started and ended (2 cores: above 2, others were waiting)."""
    m = (result.get("run") or {}).get("machine") or {}
    if "load_before" not in m or "load_after" not in m:
        return None
    return f"{m['load_before'][0]:.1f} / {m['load_after'][0]:.1f}"


CONCURRENCY_COLUMNS = (
    ("ports", lambda r, c: f"{r['ports']:,}" + (" (real)" if r["size"] == "real" else "")),
    ("page", lambda r, c: c["page"]),
    ("viewers", lambda r, c: c["sessions"]),
    ("filter changes", lambda r, c: c["samples"]),
    ("p50", lambda r, c: c["p50_ms"]),
    ("p95", lambda r, c: c["p95_ms"]),
    ("max", lambda r, c: c["max_ms"]),
    ("changes/s", lambda r, c: c["changes_per_s"]),
    ("runs asked for", lambda r, c: c.get("reruns_requested")),
    ("runs finished", lambda r, c: c["reruns"]),
    ("reruns/s", lambda r, c: c["reruns_per_s"]),
    ("server CPU s", lambda r, c: c["server_cpu_s"]),
)
README = Path(__file__).parent / "README.md"
TABLE_START, TABLE_END = "<!-- results.json: start -->", "<!-- results.json: end -->"


def _cell(value: object) -> str:
    if value is None:
        return "not run"
    if isinstance(value, str):
        return value
    return f"{value:.3g}" if value < 10 and not float(value).is_integer() else f"{value:,.0f}"


def _markdown(head: list[str], rows: list[list[object]]) -> list[str]:
    return [
        "| " + " | ".join(head) + " |",
        "|" + "|".join("---:" for _ in head) + "|",
        *("| " + " | ".join(_cell(v) for v in row) + " |" for row in rows),
    ]


def markdown_table(results: list[dict]) -> str:
    """Medians in ms (ratios as they are), one row per size; "not run" where a page was not measured; then the
    concurrent viewers' figures, where measured."""
    lines = _markdown([n for n, _ in MARKDOWN_COLUMNS], [[get(r) for _, get in MARKDOWN_COLUMNS] for r in results])
    rows = [[get(r, c) for _, get in CONCURRENCY_COLUMNS] for r, c in _concurrency(results)]
    if rows:
        lines += ["", "Concurrent viewers changing filters (ms, nearest-rank percentiles over every change):", ""]
        lines += _markdown([n for n, _ in CONCURRENCY_COLUMNS], rows)
    return "\n".join(lines)


def with_table(readme: str, results: list[dict]) -> str:
    """The README with the text between its table markers replaced by the table of ``results``."""
    before, rest = readme.split(TABLE_START, 1)
    _, after = rest.split(TABLE_END, 1)
    return f"{before}{TABLE_START}\n{markdown_table(results)}\n{TABLE_END}{after}"
