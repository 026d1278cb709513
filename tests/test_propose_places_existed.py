"""When a place began, by the data's events: the first approval or founding, not an opening to foreign traffic."""

from __future__ import annotations

from datetime import date

from geo.ingest.existed import first_days


def test_a_place_begins_at_its_first_approval_or_founding_and_an_opening_does_not_count(tmp_path):
    (tmp_path / "events.csv").write_text(
        "event_id,entity_id,event,date,ref_id,check_ref,note\n"
        "z-a,zone,approved,2023-10,r,,\n"
        "z-e,zone,established,2023-11-01,r,,\n"
        "a-o,airport,opened,2024-04-15,r,,an airport's first international route\n"
        "p-x,port,approved,not a date,r,,\n",
        encoding="utf-8",
    )
    assert first_days(tmp_path) == {"zone": date(2023, 10, 1)}


def test_a_data_folder_without_events_dates_no_place(tmp_path):
    assert first_days(tmp_path) == {}
