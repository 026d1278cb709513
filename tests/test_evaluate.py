"""propose measured on held-out articles it was not tuned to: recall, precision, entity, period and metric right."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from geo import settings
from geo.ingest.candidates import Candidate
from geo.ingest.evaluate import TARGETS, Scores, evaluate, main, score_article
from geo.ingest.numbers import Figure

HELD_OUT = Path(__file__).parent / "fixtures" / "articles" / "held_out"
# Precision as scored since 2026-12-05's fix of the scorer: another place's figure is a right proposal only when
# proposed for no place or flagged as a place the data lacks (before, any flag passed, a new metric's included).
# The fix lowered sealed2's precision from 97.8 to 95.6, sealed3's 98.7 -> 94.9, sealed5's 96.5 -> 93.0, sealed6's
# 95.1 -> 85.4 and sealed7's 71.6 -> 43.2; the other sets and measures did not move. The sixth tuning (figures about
# places the data lacks) raised sealed2's precision to 98.9, sealed3's to 100 and sealed6's to 93.9 (floors below).
# Scores the sealed set reached after the fourth tuning of 2026-12-05 (metric 0.951 after the third), rounded down.
# At its freeze, when it was the unseen set, it scored 96.3 / 86.0 / 82.5 / 42.5 / 67.5; it has been a tuning set
# since sealed2 arrived and meets every target, so the targets are its thresholds and these figures record where it
# stands.
SEALED_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 1.0,
    "entity": 0.975,
    "period": 0.939,
    "metric": 0.975,
}
# Scores the sealed2 set reached after the tuning of 2026-12-05 on dev, sealed and sealed2 (held_out/SCORES.md),
# rounded down; after the third tuning (sealed4 demoted) it stands at 100 / 97.8 / 98.8 / 100 / 89.6. sealed2 was
# the unseen set until sealed3 replaced it; it is a tuning set now, and meets every target, so these are above the
# targets and the targets are its thresholds. propose reuses the metrics facts.csv already has, so data changes
# can move them.
SEALED2_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 1.0,
    "entity": 0.988,
    "period": 1.0,
    "metric": 0.919,
}
# Scores the sealed3 set reached after the third tuning of 2026-12-05 (sealed4 demoted) on all five readable
# sets, rounded down (0.974 precision and 0.905 metric after the second). sealed3 was the unseen set until sealed4
# was started; its misses were read in those tunings, so it is a tuning set now, like sealed2, and meets every
# target: the targets are its thresholds and these figures only record where it stands.
SEALED3_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 1.0,
    "entity": 1.0,
    "period": 0.972,
    "metric": 0.972,
}

# Scores the sealed4 set reached after the third tuning of 2026-12-05, rounded down. sealed4 was the unseen set
# until sealed5 replaced it (coded by a session that does not work on propose) and first scored 91.8 / 79.2 / 97.5 /
# 67.5 / 67.5 in aggregate; it is a tuning set now: its misses were read and the rules written for their classes of
# sentence. It meets every target, so the targets are its thresholds and these figures record where it stands.
SEALED4_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 1.0,
    "entity": 1.0,
    "period": 1.0,
    "metric": 0.909,
}
# Scores the sealed5 set reached after the fourth tuning of 2026-12-05, rounded down. sealed5 was the unseen set
# (coded by a session that does not work on propose, its gold committed before the tool ran on it) and first scored
# 100 / 66.7 / 80.0 / 71.1 / 71.1 with the code before the third tuning (100 / 68.5 / 80.0 / 71.1 / 77.8 after it);
# it was demoted to a tuning set when sealed6 arrived, and its misses were read in the fourth tuning. It meets every
# target now, so the targets are its thresholds and these figures record where it stands.
SEALED5_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 1.0,
    "entity": 1.0,
    "period": 1.0,
    "metric": 0.955,
}

# Scores the sealed6 set reached after the fifth tuning, rounded down. sealed6 was the unseen set (coded
# by a session that does not work on propose, its gold committed before the tool ran on it) and first scored 97.5 /
# 95.1 / 71.4 / 64.3 / 82.9 with the code before the fourth tuning (97.5 / 95.1 / 71.4 / 62.9 / 81.4 after it); it was
# demoted to a tuning set when sealed7 arrived, and its misses were read in the fifth tuning. It still misses recall
# by one figure and entity, so these are floors against regressions where it misses a target. Metric 88.5 after the
# ninth tuning (a tonnage with no noun of its own is cargo; a rail port's countries are where its trains go). Entity
# 91.4 -> 85.7 in the nineteenth, by a ruling and not a regression: a figure the text gives a neighbour's station is
# that station's, so sealed6/03's four rows for tonnes "through the Dostyk station", coded as the Alashankou railway
# port's before the ruling, now miss (the gold was not edited; held_out/README.md, sealed6 coding choices).
# Period 98.6 after the thirty-third tuning (an amount a year is the page's year).
# Metric 92.9 after it too (their trade: the private firms' named before).
# After the fifty-third tuning a share fell though no count of right answers did: a big ordinal newly read (the
# 100,000th, which the gold codes noise) is one proposal more.
SEALED6_MEASURED: dict[str, float] = {
    "recall": 0.975,
    "precision": 0.975,
    "entity": 0.857,
    "period": 0.985,
    "metric": 0.928,
}


# Scores of the sealed7 set (coded by a session that does not work on propose, its gold committed in 8ec201a before the
# tool ran on it). While it was the unseen set: 87.5 / 71.6 / 74.2 / 77.4 / 77.4 before and after the fifth tuning
# (precision 43.2 under the fixed scorer, 45.9 after the sixth tuning); only its aggregate scores were read then. Its
# misses were read for the seventh tuning, so it is a tuning set since sealed8 arrived: 93.7 / 77.7 / 80.6 / 77.4 /
# 77.4 after it, rounded down; 93.7 / 77.7 / 93.5 / 80.6 / 80.6 after the eighth (a class a port is one of is the
# region's count, standing today; the region's airport group as the region; a city in a sentence about flying is its
# airport); metric 87.0 after the ninth (a bare tonnage is cargo; a rail port's routes and countries); entity 96.7
# after the eleventh ("that count" is the figure before, combined places and all). It misses four targets, so these
# are floors against regressions.
# Precision 86.4 after the thirty-third tuning (a duty-free cap doubted).
SEALED7_MEASURED: dict[str, float] = {
    "recall": 0.937,
    "precision": 0.876,
    "entity": 1.0,
    "period": 0.903,
    "metric": 0.935,
}


# Scores of the sealed8 set (ten 2022-2023 articles found and coded by a session that does not work on propose, its
# gold committed in 6ed3a92 before the tool ran on it). While it was the unseen set, aggregate only: 95.6 / 82.3 /
# 84.6 / 84.6 / 87.7 with the code of the sixth tuning, then 95.6 / 82.3 / 80.0 / 84.6 / 87.7 after the seventh
# (tuned on sealed7): its entity score fell by three figures. Its misses were read for the eighth tuning, so it is a
# tuning set since sealed9 arrived: 100 / 94.4 / 100 / 97.1 / 89.7 after it (rounded down below). It meets every
# target, so the targets are its thresholds and these figures record where it stands. Metric 95.5 after the ninth
# tuning (a bare tonnage is cargo, goods worth a sum are trade, a rail port's routes are train routes).
# Precision 98.6 after the thirty-third tuning (a span of years doubted).
# Metric 98.5 after the thirty-fifth tuning (vehicles crossing, not exported).
SEALED8_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 0.985,
    "entity": 1.0,
    "period": 0.97,
    "metric": 1.0,
}


# Scores of the sealed9 set (ten 2021-2023 articles found and coded by a session that does not work on propose, its
# gold committed in 81218d6 before the tool ran on it). While it was the unseen set, aggregate only: 96.7 / 82.6 /
# 77.2 / 86.0 / 70.2 with the code of the seventh tuning, 96.7 / 83.8 / 77.2 / 86.0 / 70.2 after the eighth (tuned on
# sealed8). Its misses were read for the ninth tuning, so it is a tuning set since sealed10 arrived: 96.7 / 89.1 /
# 93.0 / 91.2 / 78.9 after it (rounded down below); entity 94.7 after the eleventh (a sentence naming no place goes
# on about the pair named the sentence before). It misses four targets, so these are floors against regressions.
# Precision 95.0 after the thirty-third tuning (a span of years doubted).
SEALED9_MEASURED: dict[str, float] = {
    "recall": 0.966,
    "precision": 0.982,
    "entity": 0.964,
    "period": 0.912,
    "metric": 0.964,
}


# Scores of the sealed10 set (ten 2021-2024 articles found and coded by a session that does not work on propose, its
# gold committed in 37e3054 before the tool ran on it). While it was the unseen set, aggregate only: 97.1 / 86.8 /
# 83.3 / 65.2 / 56.1 with the code of the eighth tuning, 97.1 / 86.8 / 83.3 / 65.2 / 57.6 after the ninth (tuned on
# sealed9). Its misses were read for the tenth tuning, so it is a tuning set since sealed11 arrived: 97.1 / 86.8 /
# 83.3 / 83.3 / 69.7 after it (rounded down below); entity 86.3 and metric 71.2 after the eleventh (two places joined
# as a clause's subject are a combined figure; "17 trains a day on average" is a day's average). It misses four targets, so these are floors against regressions.
# Precision 95.8 after the thirty-third tuning (one firm's figures doubted).
# Metric 80.3 and period 89.4 after the thirty-fifth tuning (vehicles crossing; firms that moved in).
SEALED10_MEASURED: dict[str, float] = {
    "recall": 0.971,
    "precision": 0.957,
    "entity": 0.924,
    "period": 0.893,
    "metric": 0.878,
}


# Scores of the sealed11 set (ten 2021-2023 articles found and coded by a session that does not work on propose, its
# gold committed in 548dfae before the tool ran on it). While it was the unseen set, aggregate only: 97.0 / 95.5 / 84.4
# / 81.2 / 64.1 with the code of the ninth tuning, 97.0 / 95.5 / 84.4 / 89.1 / 71.9 after the tenth (tuned on sealed10:
# which time expression governs a clause, trade named by its partner, the time a clearance now takes). Its misses were
# read for the eleventh tuning, so it is a tuning set since sealed12 arrived: 97.0 / 95.5 / 96.9 / 89.1 / 78.1 after
# it (rounded down below). It misses three targets, so these are floors against regressions.
SEALED11_MEASURED: dict[str, float] = {
    "recall": 0.969,
    "precision": 0.984,
    "entity": 1.0,
    "period": 0.968,
    "metric": 0.953,
}


# Scores of the sealed12 set (ten 2022-2024 articles found and coded by a session that does not work on propose, its
# gold committed in 2925e64 before the tool ran on it). While it was the unseen set, aggregate only: 93.5 / 91.5 / 90.7
# / 81.4 / 79.1 with the code of the tenth tuning, the same after the eleventh (tuned on sealed11: places named
# together). Its misses were read for the twelfth tuning, so it is a tuning set since sealed13 arrived: 93.5 / 91.5 /
# 90.7 / 90.7 / 79.1 after it (rounded down below). It misses three targets, so these are floors against regressions.
# Period 95.3 after the thirty-third tuning (a change's start 'at first', an amount a year).
# Metric 95.3 after the thirty-fifth tuning (vehicles crossing, not exported).
# After the fifty-third tuning a share fell though no count of right answers did: a newly recalled figure's period and
# metric are wrong.
SEALED12_MEASURED: dict[str, float] = {
    "recall": 0.956,
    "precision": 0.936,
    "entity": 0.931,
    "period": 0.931,
    "metric": 0.954,
}


# Scores of the sealed13 set (ten 2021-2024 articles found and coded by a session that does not work on propose, its
# gold committed in 19def2b before the tool ran on it). While it was unseen, aggregate only: 97.4 / 89.7 / 82.9 / 97.1
# / 68.6 with the code of the eleventh tuning, the same after the twelfth (tuned on sealed12: "since" a year, a date in
# the reporting clause). Its misses were read for the thirteenth tuning, so it is a tuning set since: 97.4 / 89.7 /
# 94.3 / 97.1 / 82.9 after it (rounded down below). It misses three targets, so these are floors against regressions.
# Recall 100 after the thirty-first tuning (a railway's length "N kilometers long" is a figure).
SEALED13_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 0.974,
    "entity": 0.971,
    "period": 1.0,
    "metric": 0.914,
}


# Scores of the sealed14 set (ten 2021-2025 articles found and coded by a session that does not work on propose, its
# gold committed in 2767028 before the tool ran on it; six of its pages print no full date, so their dates are
# stand-ins). While it was unseen, aggregate only: 87.9 / 81.9 / 61.0 / 77.9 / 87.0 with the code of the twelfth
# tuning, the same after the thirteenth. Its misses were read for the fourteenth tuning, so it is a tuning set since:
# 97.8 / 83.5 / 73.3 / 82.6 / 88.4 after it (rounded down below; ten of its rows code Kazakhstan's exports as the two
# rail ports', where sealed7 codes such a country total as another place's). It misses four targets, so these are
# floors against regressions.
# Metric 93.1 after the thirty-fifth tuning (vehicles crossing; ports with no road named).
# Entity 77.0 after the fortieth tuning (a pair after the figure that its trains went through).
SEALED14_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 0.957,
    "entity": 0.806,
    "period": 0.965,
    "metric": 0.954,
}


# Scores of the sealed15 set (ten 2022-2024 articles found and coded by a session that does not work on propose, its
# gold committed in 3f09fff before the tool ran on it; two pages print no date, so theirs are stand-ins). While it was
# unseen, aggregate only: 100 / 78.3 / 87.0 / 51.9 / 87.0 with the code of the thirteenth tuning, 100 / 78.3 / 94.4 /
# 51.9 / 87.0 after the fourteenth. Its misses were read for the fifteenth tuning, so it is a tuning set since: 100 /
# 85.7 / 94.4 / 79.6 / 87.0 after it. It misses three targets, so these are floors against regressions.
# Period 85.1 after the thirty-fourth tuning (a figure told in the present takes the page's day).
# Metric 94.4 after the thirty-sixth tuning (the region's tonnes by rail: its rail freight).
# Metric 94.4 -> 96.3 after the forty-sixth tuning (routes of no kind take the mode the sentence names), which was
# written from the newer sets and checked on this one.
SEALED15_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 0.9,
    "entity": 0.981,
    "period": 0.851,
    "metric": 0.962,
}


# Scores of the sealed16 set (ten 2021-2025 articles found and coded by a session that does not work on propose, its
# gold committed in 21187b5 before the tool ran on it; 17 of its 45 figures are other places'). While it was unseen,
# aggregate only: 97.8 / 57.9 / 92.6 / 66.7 / 77.8 with the code of the fourteenth tuning, the same after the
# fifteenth. Its misses were read for the sixteenth tuning, so it is a tuning set since: 97.8 / 69.6 / 92.6 / 66.7 /
# 77.8 after it. It misses four targets, so these are floors against regressions.
# Precision 78.4 after the thirty-fifth tuning (a count of ports repeated).
# Precision 84.0 after the forty-ninth tuning (a contrasting clause naming no place keeps the sentence's place).
SEALED16_MEASURED: dict[str, float] = {
    "recall": 0.977,
    "precision": 0.84,
    "entity": 0.925,
    "period": 0.851,
    "metric": 0.851,
}


# Scores of the sealed17 set (ten 2021-2026 articles found and coded by a session that does not work on propose, its
# gold committed in 2941873 before the tool ran on it; three of its articles hold no fact of the project's places).
# While it was unseen, aggregate only: 94.7 / 73.6 / 100 / 73.6 / 60.4 with the code of the fifteenth tuning, the
# same after the sixteenth. Its misses are read for the seventeenth tuning, so it is a tuning set since; it misses
# four targets, so these are floors against regressions. Precision 90.0 after the thirty-first tuning (metres doubted).
# Precision 93.1 and period 90.6 after the thirty-third tuning (spans of years, a change's start).
SEALED17_MEASURED: dict[str, float] = {
    "recall": 0.964,
    "precision": 0.932,
    "entity": 1.0,
    "period": 0.907,
    "metric": 0.87,
}


# Scores of the sealed18 set (ten 2021-2026 articles found and coded by a session that does not work on propose, its
# gold committed in acc38c1 before the tool ran on it; four of them are about the Kazakh side of the crossings). While
# it was unseen, aggregate only: 80.5 / 42.2 / 60.0 / 56.0 / 84.0 with the code of the sixteenth tuning, the same after
# the seventeenth. Its misses are read for the eighteenth tuning, so it is a tuning set since; it misses four targets,
# so these are floors against regressions.
# Entity 90.0 after the forty-ninth tuning (a contrasting clause naming no place keeps the sentence's place).
SEALED18_MEASURED: dict[str, float] = {
    "recall": 0.926,
    "precision": 0.844,
    "entity": 0.9,
    "period": 0.966,
    "metric": 0.866,
}


# Scores of the sealed19 set, the unseen one until sealed20 arrived (ten 2021-2025 articles found and coded by a session that does not work
# on propose, its gold committed in b4ecc2a before the tool ran on it; six come from Kazakh, Kyrgyz, Azerbaijani or
# Pakistani outlets, and 16 of its 41 figures are other places'), aggregate only: 80.5 / 40.4 / 76.2 / 57.1 / 61.9
# with the code of the seventeenth tuning, 80.5 / 41.2 / 76.2 / 57.1 / 61.9 after the eighteenth (a clock time's
# minutes are no figure), 80.5 / 43.1 / 76.2 / 57.1 / 61.9 after the nineteenth (the neighbour's side of a crossing),
# the same after the twentieth to twenty-third (periods; whether a number is a figure; other places); demoted to a
# tuning set when sealed20 arrived, 80.5 / 48.9 / 100 / 81.0 / 61.9 after the twenty-fourth, which read its misses
# and wrote rules from them. It misses four targets, so these are floors against regressions.
# Precision 52.4 after the thirty-third tuning (a span of years doubted).
# Metric 76.2 after the thirty-fifth tuning (vehicles with no export word; parks and expos not new firms).
SEALED19_MEASURED: dict[str, float] = {
    "recall": 0.829,
    "precision": 0.547,
    "entity": 1.0,
    "period": 0.909,
    "metric": 0.772,
}


# Scores of the sealed20 set, the unseen one until sealed21 arrived (twelve 2019-2020 articles found and coded by a session that does not
# work on propose, its gold committed in 0d020c5 before the tool ran on it), aggregate only: 95.9 / 81.0 / 69.7 /
# 72.7 / 80.3 with the code of the twenty-third tuning, 95.9 / 81.0 / 69.7 / 72.7 / 81.8 after the twenty-fourth
# (tuned on sealed19); demoted to a tuning set when sealed21 arrived, 97.3 / 82.1 / 82.1 / 79.1 / 86.6 after the
# twenty-fifth, which read its misses and wrote rules from them; metric 89.6 after the twenty-sixth (air travel named
# without an airport); precision 86.6 after the twenty-ninth (forecasts doubted). It misses four targets, so these are
# floors against regressions, not a claim that the tool meets the targets on text it has not seen.
# Period 81.1 after the thirty-fourth tuning (a plan's spending told in the future takes the page's day).
# Metric 91.3 and period 82.6 after the thirty-fifth tuning (firms drawn are not new firms).
SEALED20_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 0.91,
    "entity": 0.84,
    "period": 0.826,
    "metric": 0.913,
}


# Scores of the sealed21 set, the unseen one from 2026-12-05 (twelve 2015-2020 articles found and coded by a session
# that does not work on propose, its gold committed in 734c3be before the tool ran on it), aggregate only: 97.0 /
# 87.2 / 91.5 / 92.6 / 75.5 with the code of the twenty-fourth tuning, 97.0 / 87.2 / 91.5 / 92.6 / 74.5 after the
# twenty-fifth (tuned on sealed20): one metric fewer. Demoted to a tuning set when sealed22 arrived: 97.0 / 87.2 /
# 93.6 / 95.7 / 81.9 after the twenty-sixth, which read its misses and wrote rules from them; precision 95.1 and metric
# 83.0 after the twenty-ninth (forecasts doubted, China's own figures); precision 96.1 and entity 95.7 after the
# thirtieth (a port's trade with no mode said is the whole port's). It misses one target (recall), so these are
# floors against regressions, not a claim that the tool meets the targets.
# Period 96.8 after the thirty-fourth tuning (a running total since an event ends on its as-of day).
# After the fifty-third tuning a share fell though no count of right answers did: a newly recalled figure's place is
# wrong.
SEALED21_MEASURED: dict[str, float] = {
    "recall": 0.99,
    "precision": 0.961,
    "entity": 0.947,
    "period": 0.979,
    "metric": 0.854,
}


# Scores of the sealed22 set, the unseen one from 2026-12-05 (twelve 2012-2019 articles found and coded by a session
# that does not work on propose, its gold committed in a81688b before the tool ran on it), aggregate only: 93.1 /
# 68.2 / 79.2 / 79.2 / 81.9 with the code of the twenty-fifth tuning, 93.1 / 68.2 / 79.2 / 80.6 / 81.9 after the
# twenty-sixth (tuned on sealed21). Four targets are missed, so these are floors against regressions, not a claim
# that the tool meets the targets on text it has not seen. Demoted for the twenty-seventh tuning, which read its misses:
# 96.6 / 73.8 / 82.7 / 81.3 / 82.7 after it (every measure raised); precision 85.9 after the twenty-ninth; entity 88.0
# after the thirtieth (a port's trade with no mode said is the whole port's).
# Precision 87.8 and period 86.7 after the thirty-third tuning (a duty-free cap; a change's years; an amount a year).
# Metric 84.0 after it too (their trade: the private firms').
# Metric 89.3 after the thirty-fifth tuning (the cities and countries a network reaches; firms' letters of intent).
# Precision 88.9 after the thirty-sixth tuning (a pipeline's deliveries).
SEALED22_MEASURED: dict[str, float] = {
    "recall": 0.965,
    "precision": 0.9,
    "entity": 0.88,
    "period": 0.866,
    "metric": 0.92,
}


# Scores of the sealed23 set, the unseen one from 2026-12-05 (twelve 2005-2019 articles found and coded by a session
# that does not work on propose, its gold committed in af70a6b before the tool ran on it), aggregate only: 86.1 /
# 69.5 / 80.0 / 80.0 / 69.2 with the code of the twenty-sixth tuning, 87.1 / 71.2 / 80.3 / 80.3 / 69.7 after the
# twenty-seventh (tuned on sealed22). All five targets are missed, so these are floors against regressions, not a
# claim that the tool meets the targets on text it has not seen. Demoted and tuned on in the twenty-eighth tuning
# (its misses read): 90.1 / 72.6 / 81.2 / 81.2 / 71.0 after it; precision 78.0 after the twenty-ninth; precision 83.8
# and entity 86.9 after the thirtieth (the city of an airport-only name, a port's trade as the whole port's); 93.1 /
# 88.2 / 87.1 / 81.4 / 71.4 after the thirty-first (border and pipeline lengths, China referred back to).
# Precision 90.9 after the thirty-third tuning (a duty-free cap and a limit changed).
# Metric 75.7 after it too (their trade: the private firms').
# Metric 78.6 after the thirty-fifth tuning (countries bordered, countries trains reach).
# 93.1 / 91.9 / 95.7 / 81.4 / 81.4 after the thirty-sixth tuning (a pipeline, the train centre, its lines).
# After the fifty-third tuning a share fell though no count of right answers did: a newly recalled figure's period is
# wrong.
SEALED23_MEASURED: dict[str, float] = {
    "recall": 0.94,
    "precision": 0.94,
    "entity": 0.957,
    "period": 0.887,
    "metric": 0.845,
}


# Scores of the sealed24 set, the unseen one from 2026-12-05 (eight 2010-2024 articles, the search corpus nearly spent,
# found and coded by a session that does not work on propose, its gold committed in 522726e before the tool ran on
# it), aggregate only: 93.9 / 51.1 / 73.7 / 89.5 / 73.7 with the code of the twenty-seventh tuning and the same after
# the twenty-eighth (tuned on sealed23); precision 52.3 after the twenty-ninth. Demoted when sealed25 arrived and tuned
# on in the thirtieth tuning (its misses read): 93.9 / 70.0 / 84.2 / 89.5 / 78.9 after it. All five targets are still
# missed, so these are floors against regressions, not a claim about text the tool has not seen. Recall 97.0 and
# precision 70.7 after the thirty-first tuning (a border's length is a figure).
# Precision 76.3 after the thirty-third tuning (spans of years, one firm's figures).
# Precision 78.3 after the fifty-second tuning read a unit (one false proposal fewer), and 76.3 again once it read
# "one-third" (one company's share, an anecdote the tool does not doubt, is proposed).
SEALED24_MEASURED: dict[str, float] = {
    "recall": 0.969,
    "precision": 0.763,
    "entity": 0.842,
    "period": 1.0,
    "metric": 0.842,
}


# Scores of the sealed25 set, the unseen one from 2026-12-05 (ten 2005-2020 articles found and coded by a session that
# does not work on propose, its gold committed in 58c16bb before the tool ran on it), aggregate only: 90.4 / 69.1 /
# 89.5 / 86.8 / 78.9 with the code of the twenty-eighth tuning and the same after the twenty-ninth and thirtieth. All
# five targets are missed, so these are floors against regressions. Demoted when sealed26 arrived and tuned on in the
# thirty-first tuning (its misses read): 96.2 / 80.0 / 90.2 / 90.2 / 80.5 after it (rounded down below); it meets the
# metric and period targets, not the other three.
# Metric 85.4 after the thirty-fifth tuning (countries bordered).
# Period 92.7 after the forty-second tuning (a count held in the present after a year's sentence).
# Precision 80.0 -> 83.6 after the forty-fourth tuning (the two countries' total, a neighbour as subject).
# Sixty-ninth tuning: "10 seconds" is read, so one more figure is judged and metric falls 87.8 -> 85.7 (36 right of
# 41 -> 36 of 42); no count of right answers fell.
SEALED25_MEASURED: dict[str, float] = {
    "recall": 0.98,
    "precision": 0.87,
    "entity": 0.904,
    "period": 0.928,
    "metric": 0.857,
}


# Scores of the sealed26 set, the unseen one from 2026-12-05 (ten 2009-2021 articles found and coded by a session that
# does not work on propose, its gold committed in 47b97da before the tool ran on it), aggregate only: 92.7 / 72.1 /
# 93.6 / 87.2 / 72.3 with the code of the thirtieth tuning, recall 94.5 after the thirty-first (tuned on sealed25). All
# five targets are missed, so these are floors against regressions, not a claim about text the tool has not seen.
# Demoted and tuned on in the thirty-second tuning: 94.5 / 77.8 / 93.6 / 91.5 / 80.9 after it.
# Precision 81.7 after the thirty-third tuning (a span of years, one firm's figures).
# Precision 85.0 after the thirty-sixth tuning (railways between two towns).
# Entity 95.7 after the forty-ninth tuning (a contrasting clause naming no place keeps the sentence's place).
SEALED26_MEASURED: dict[str, float] = {
    "recall": 0.945,
    "precision": 0.879,
    "entity": 0.957,
    "period": 0.936,
    "metric": 0.872,
}


# Scores of the sealed27 set, the unseen one from 2026-12-06 (eleven 2000-2022 articles found and coded by a session
# that does not work on propose, its gold committed in 823bd27 before the tool ran on it), aggregate only: 90.2 / 71.2
# / 86.3 / 66.7 / 78.4 with the code of the thirty-first tuning, the same after the thirty-second, precision 72.2
# after the thirty-third. All five targets are missed, so these are floors against regressions, not a claim about
# text the tool has not seen.
# Demoted and tuned on in the thirty-fourth tuning (its misses read): period 74.5 after it.
# Metric 82.4 after the thirty-fifth tuning (countries bordered, border ports).
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
SEALED27_MEASURED: dict[str, float] = {
    "recall": 0.983,
    "precision": 0.838,
    "entity": 0.892,
    "period": 0.785,
    "metric": 0.875,
}


# Scores of the sealed28 set, the second unseen one from 2026-12-06 (ten 2004-2019 articles found and coded by a
# session that does not work on propose, its gold committed in 23a2f8c before the tool ran on it), aggregate only:
# 94.3 / 79.0 / 93.2 / 81.8 / 68.2 with the code of the thirty-second tuning, the same after the thirty-third. All
# five targets are missed, so these are floors against regressions, not a claim about text the tool has not seen.
# Demoted and tuned on in the thirty-fifth tuning (its misses read): precision 87.5 and metric 81.8 after it.
# Period 84.1 after the thirty-ninth (a target "by 2020" is the year).
# Entity 95.5 after the fortieth tuning (a pair after the figure that its trains went through).
# Period 86.4 after the forty-second tuning (a count held in the present after a year's sentence).
# Precision 87.5 -> 89.3 after the forty-fourth tuning (the two countries' total, a neighbour as subject).
# Metric 81.8 -> 86.4 after the forty-sixth tuning (routes of no kind take the mode the sentence names).
SEALED28_MEASURED: dict[str, float] = {
    "recall": 0.943,
    "precision": 0.925,
    "entity": 0.954,
    "period": 0.863,
    "metric": 0.909,
}


# Scores of the sealed29 set, the second unseen one beside sealed28 from 2026-12-06 (eight 2014-2020 articles found
# and coded by a session that does not work on propose, its gold committed in f7a29c6 before the tool ran on it; 28 of
# its 46 figures are other places'), aggregate only: 84.8 / 59.5 / 53.8 / 76.9 / 61.5 with the code of the
# thirty-fourth tuning, the same after the thirty-fifth. All five targets are missed, so these are floors against
# regressions.
# Demoted and tuned on in the thirty-sixth tuning (its misses read): 84.8 / 69.0 / 92.3 / 76.9 / 92.3 after it.
SEALED29_MEASURED: dict[str, float] = {
    "recall": 0.869,
    "precision": 0.714,
    "entity": 0.923,
    "period": 0.846,
    "metric": 0.923,
}


# Scores of the sealed30 set, the fourth unseen one of 2026-12-06, beside sealed29 (ten 2012-2022 articles found and
# coded by a session that does not work on propose, its gold committed in 11f3dd4 before the tool ran on it),
# aggregate only: 92.2 / 74.6 / 95.8 / 100 / 68.8 with the code of the thirty-fifth tuning, which was written before
# the set existed. Entity and period meet their targets; recall, precision and metric do not. Floors against
# regressions. Demoted to a tuning set by the thirty-seventh tuning, which lifted precision to 77.4 and metric to 77.0.
# Entity 97.9 after the fortieth tuning (a pair after the figure that its traffic went through).
# Precision 77.5 -> 78.9 after the forty-fourth tuning (the two countries' total, a neighbour as subject).
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
# Precision 81.6 -> 80.5 after the seventy-first tuning: a time in which goods reach a place is proposed again, and its
# gold codes one such as noise; no count of right answers fell.
SEALED30_MEASURED: dict[str, float] = {
    "recall": 0.953,
    "precision": 0.805,
    "entity": 1.0,
    "period": 1.0,
    "metric": 0.74,
}


# Scores of the sealed31 set, the fifth unseen one of 2026-12-06, beside sealed30 (eight 2011-2024 articles found and
# coded by a session that does not work on propose, its gold committed in 23bcfc1 before the tool ran on it),
# aggregate only: 91.4 / 67.4 / 79.3 / 58.6 / 58.6 with the code of the thirty-fifth tuning; precision 72.1 after the
# thirty-sixth, written blind to it. All five targets are missed, so these are floors against regressions.
# Metric 58.6 -> 65.5 after the forty-sixth tuning (routes of no kind take the mode the sentence names) and the
# metric_new correction of its gold, together (62.1 with either alone).
SEALED31_MEASURED: dict[str, float] = {
    "recall": 0.971,
    "precision": 0.804,
    "entity": 0.793,
    "period": 0.793,
    "metric": 0.689,
}

# Scores of the sealed32 set, an unseen set of 2026-12-06 (eleven 2008-2025 articles found and coded by a session that
# does not work on propose, its gold committed in 744a559 before the tool ran on it), aggregate only: 97.6 / 52.6 /
# 67.9 / 46.4 / 85.7 with the code of the thirty-seventh tuning, unchanged by the thirty-eighth (written blind to it).
# Metric meets its target; the other four are floors against regressions. Demoted and tuned on in the thirty-ninth
# tuning (its misses read): period 53.6 after it.
# Period 57.1 after the forty-second tuning (a count held in the present after a year's sentence).
SEALED32_MEASURED: dict[str, float] = {
    "recall": 0.976,
    "precision": 0.571,
    "entity": 0.678,
    "period": 0.964,
    "metric": 0.857,
}

# Scores of the sealed33 set, the next unseen one (ten 2011-2024 articles, seven translated from Russian, Chinese,
# Kazakh or German as they were reworded; gold committed in a7e33a4 before the tool ran on it), aggregate only: 91.4 /
# 96.4 / 96.2 / 83.0 / 86.8 with the code of the thirty-seventh tuning, unchanged by the thirty-eighth. Precision,
# entity and metric meet their targets; recall and period are floors against regressions.
# Entity 98.1 after the fortieth tuning, which demoted it (a pair after the figure that its trains went through).
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
# After the fifty-third tuning a share fell though no count of right answers did: a newly recalled figure's period is
# wrong.
SEALED33_MEASURED: dict[str, float] = {
    "recall": 0.965,
    "precision": 0.982,
    "entity": 1.0,
    "period": 0.785,
    "metric": 0.857,
}

# Scores of the sealed34 set, unseen beside sealed33 (ten 2005-2026 articles, six translated from Russian, Malay or
# German as they were reworded; gold committed in e995dc3 before the tool ran on it), aggregate only: 89.1 / 75.5 /
# 80.6 / 63.9 / 77.8 with the code of the thirty-eighth tuning. All five targets are missed: floors against regressions.
# Demoted and tuned on in the forty-second tuning (its misses read): period 83.3 after it (a count held in the present
# after a year's sentence; a change's base year after 'rose by N% on').
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
SEALED34_MEASURED: dict[str, float] = {
    "recall": 0.934,
    "precision": 0.84,
    "entity": 0.868,
    "period": 0.842,
    "metric": 0.973,
}

# Scores of the sealed35 set, unseen beside sealed34 (ten 2017-2026 articles, six translated from Portuguese, German,
# Czech or Bulgarian as they were reworded; gold committed in 6ea1cb0 before the tool ran on it), aggregate only:
# 83.3 / 58.3 / 76.2 / 61.9 / 95.2 with the code of the thirty-ninth tuning. Metric meets its target; the other four
# are floors against regressions. Demoted in the forty-third tuning (a tuning set since; that tuning's check half, so
# its misses were not read): unchanged after it.
# Precision 58.3 -> 69.4 after the forty-fourth tuning (the two countries' total, a neighbour as subject).
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
SEALED35_MEASURED: dict[str, float] = {
    "recall": 0.966,
    "precision": 0.763,
    "entity": 0.8,
    "period": 0.84,
    "metric": 0.96,
}

# Scores of the sealed36 set, unseen beside sealed34 and sealed35 (ten 2016-2025 articles, all translated from
# Japanese, Russian or Chinese as they were reworded; gold committed in 6440942 before the tool ran on it), aggregate
# only: 94.9 / 87.3 / 83.6 / 81.8 / 85.5 with the code of the fortieth tuning. Metric meets its target; the other
# four are floors against regressions. Demoted and read in the forty-third tuning (its write half): no rule kept, so
# unchanged after it.
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
SEALED36_MEASURED: dict[str, float] = {
    "recall": 0.966,
    "precision": 0.933,
    "entity": 0.839,
    "period": 0.91,
    "metric": 0.946,
}

# sealed29, sealed31, sealed34, sealed37 and sealed38: their gold's metric_new was corrected to the sealed20 rule (
# `yes` for every metric not in data/metrics.csv or data/facts.csv), which raised the metric scores of sealed31,
# sealed34, sealed37 and sealed38; their floors follow.
# The same correction (scripts/flag_new_metrics.py) on sealed, sealed9-13, sealed16, sealed17 and sealed45-50 raised
# their metric floors too: sealed49 52.4 to 80.9 and sealed50 51.2 to 76.7, both still unseen then. A new metric is
# scored right on the flag, not the name ("more_than" for a passenger rise counts): SCORES.md reports the names too.
# Scores of the sealed37 set, unseen (ten 2007-2026 articles, six translated from Japanese, German, Arabic or Chinese
# as they were reworded; gold committed in e7209b3 before the tool ran on it), aggregate only: 100 / 62.9 / 100 /
# 76.9 / 69.2 with the code of the forty-second tuning (the forty-third kept no rule), unchanged by the forty-fourth;
# the forty-fifth raised precision to 63.9. Recall and entity meet their targets; the other three are floors against
# regressions.
SEALED37_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 0.684,
    "entity": 1.0,
    "period": 0.769,
    "metric": 0.974,
}

# Scores of the sealed38 set, unseen beside sealed37 (ten 2020-2025 articles, eight translated from German, Italian,
# Urdu or Turkish as they were reworded; gold committed in 9083636 before the tool ran on it), aggregate only:
# 94.0 / 85.5 / 89.4 / 97.9 / 61.7 with the code of the forty-fourth tuning. Period meets its target; the other four
# are floors against regressions.
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
SEALED38_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 0.892,
    "entity": 0.96,
    "period": 0.96,
    "metric": 0.92,
}

# Scores of the sealed39 set, unseen beside sealed37 and sealed38 (ten 2011-2025 articles, seven translated from
# Romanian, Turkish, Chinese, Russian or German as they were reworded; gold committed in 1328a0b before the tool ran on
# it), aggregate only: 85.3 / 72.2 / 92.5 / 94.3 / 73.6 with the code of the forty-fifth tuning. Period meets its
# target; the other four are floors against regressions.
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
SEALED39_MEASURED: dict[str, float] = {
    "recall": 0.96,
    "precision": 0.792,
    "entity": 0.964,
    "period": 0.929,
    "metric": 0.807,
}

# Scores of the sealed40 set, unseen beside sealed38 and sealed39 (ten 2014-2026 articles, eight translated from
# French, Spanish, Thai or Russian as they were reworded; gold committed in 7527320 before the tool ran on it),
# aggregate only: 81.0 / 74.1 / 65.1 / 88.4 / 79.1 with the code of the forty-sixth tuning. All five are floors
# against regressions.
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
# After the fifty-third tuning a share fell though no count of right answers did: a newly recalled figure's period is
# wrong.
SEALED40_MEASURED: dict[str, float] = {
    "recall": 0.948,
    "precision": 0.862,
    "entity": 0.74,
    "period": 0.88,
    "metric": 0.84,
}

# Scores of the sealed41 set, unseen beside sealed38 to sealed40 (nine 2016-2026 articles, seven translated from
# Korean or Indonesian as they were reworded; gold committed in 195b058 before the tool ran on it), aggregate only:
# 88.9 / 85.4 / 80.3 / 87.9 / 87.9 with the code of the forty-sixth tuning (the forty-seventh and forty-eighth kept
# nothing). Metric meets its target; the other four are floors against regressions.
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
# Read as a tuning set from the fifty-third tuning on (sealed46 and sealed47 are the unseen sets now); the floors
# follow that tuning's scores.
SEALED41_MEASURED: dict[str, float] = {
    "recall": 0.975,
    "precision": 0.927,
    "entity": 0.863,
    "period": 0.863,
    "metric": 0.89,
}

# Scores of the sealed42 set, unseen beside sealed39 to sealed41 (seven 2016-2025 articles, three translated from
# Polish, Persian or Russian as they were reworded; gold committed in 89bf6f8 before the tool ran on it), aggregate
# only: 94.7 / 93.1 / 51.9 / 64.8 / 87.0 with the code of the forty-sixth tuning. Precision and metric meet their
# targets; the other three are floors against regressions.
# Read as a tuning set from the fifty-third tuning on (sealed46 and sealed47 are the unseen sets now); the floors
# follow that tuning's scores. Sixty-ninth tuning: "800,000 mu" is read, so one more figure is judged and period falls
# 85.2 -> 83.6 (46 right of 54 -> 46 of 55); no count of right answers fell.
SEALED42_MEASURED: dict[str, float] = {
    "recall": 0.964,
    "precision": 0.982,
    "entity": 0.672,
    "period": 0.836,
    "metric": 0.89,
}

# Scores of the sealed43 set, unseen beside sealed40 to sealed42 (eleven 2010-2025 articles, six translated from
# Russian, German or Croatian as they were reworded; gold committed in 34d4768 before the tool ran on it; only 29
# figures, most of its numbers noise or another place's), aggregate only: 75.9 / 47.4 / 61.5 / 23.1 / 76.9 with the
# code of the forty-ninth tuning. All five are floors against regressions.
# After the fifty-second tuning (numbers, units and signs read as pages print them): recall rose, and no count of
# right answers fell; a share among recalled figures fell where a newly recalled one's place, period or metric is wrong.
# After the fifty-third tuning a share fell though no count of right answers did: a newly recalled figure's metric is
# wrong.
# Read as a tuning set from the fifty-third tuning on (sealed46 and sealed47 are the unseen sets now); the floors
# follow that tuning's scores. In the sixty-fourth tuning an expo's figures stopped being doubted as a one-off event's,
# and one more noise figure proposed lowered precision to 62.1.
SEALED43_MEASURED: dict[str, float] = {
    "recall": 0.931,
    "precision": 0.638,
    "entity": 0.823,
    "period": 0.647,
    "metric": 0.823,
}

# Scores of the sealed44 set, unseen beside sealed41 to sealed43 (ten 2013-2025 articles, all translated from Chinese
# or Japanese as they were reworded; gold committed in 5758421 before the tool ran on it), aggregate only: 95.0 / 87.1
# / 86.1 / 58.3 / 73.6 with the code of the fifty-second tuning, written blind to it (the code before
# that tuning scored 93.8 / 86.9 / 85.9 / 56.3 / 73.2). All five are floors against regressions.
# Read as a tuning set from the fifty-third tuning on (sealed46 and sealed47 are the unseen sets now); the floors
# follow that tuning's scores.
SEALED44_MEASURED: dict[str, float] = {
    "recall": 0.987,
    "precision": 0.916,
    "entity": 1.0,
    "period": 0.84,
    "metric": 0.853,
}

# Scores of the sealed45 set, unseen beside sealed41 to sealed44 (eleven 2016-2025 articles, all translated from
# Chinese, Japanese, Spanish, Italian, French or Russian as they were reworded; gold committed in fe913ef before the
# tool ran on it, after the fifty-second tuning was written), aggregate only: 93.8 / 76.7 / 87.9 / 43.9 / 59.1 (the
# code before that tuning scored 87.5 / 73.6 / 86.9 / 44.3 / 57.4). All five are floors against regressions.
# Read as a tuning set from the fifty-third tuning on (sealed46 and sealed47 are the unseen sets now); the floors
# follow that tuning's scores.
SEALED45_MEASURED: dict[str, float] = {
    "recall": 0.987,
    "precision": 0.869,
    "entity": 0.9,
    "period": 0.828,
    "metric": 0.857,
}


# Scores of the sealed46 set, unseen beside sealed41 to sealed45 (ten 2013-2025 articles, all translated from Chinese,
# Japanese or Korean as they were reworded; gold committed in b60154e before the tool ran on it, built blind to the
# fifty-third tuning), aggregate only: 92.6 / 74.3 / 75.7 / 60.8 / 60.8 with the code before that tuning (cdc3d59),
# 93.8 / 74.5 / 76.0 / 60.0 / 61.3 after it. Read as a tuning set from the fifty-fourth tuning on: the floors are its
# scores after that tuning, 93.8 / 74.5 / 80.0 / 69.3 / 65.3.
SEALED46_MEASURED: dict[str, float] = {
    "recall": 0.95,
    "precision": 0.77,
    "entity": 0.855,
    "period": 0.736,
    "metric": 0.855,
}

# Scores of the sealed47 set, unseen beside sealed41 to sealed46 (ten 2005-2025 articles, all translated from Russian,
# Spanish, Arabic, French, Indonesian or German as they were reworded; gold committed in dcef0a8 before the tool ran on
# it, built blind to the fifty-third tuning), aggregate only: 94.4 / 81.7 / 69.7 / 83.3 / 75.8 before that tuning
# (cdc3d59) and after it alike. Read as a tuning set from the fifty-fourth tuning on: the floors are its scores after
# that tuning, 94.4 / 90.5 / 86.4 / 83.3 / 75.8.
SEALED47_MEASURED: dict[str, float] = {
    "recall": 0.985,
    "precision": 0.972,
    "entity": 0.913,
    "period": 0.811,
    "metric": 0.869,
}


# Scores of the sealed48 set, unseen beside sealed41 to sealed47 (ten 2010-2026 articles, all translated from Uyghur,
# Italian, Portuguese, Kazakh or Urdu as they were reworded; gold committed in d4e9111 before the tool ran on it, built
# after the fifty-third tuning's rules), aggregate only: 95.1 / 83.8 / 96.5 / 42.1 / 56.1, the same with the code
# before that tuning (cdc3d59) and after the fifty-fourth. Read as a tuning set from the fifty-fifth tuning on: the
# floors are its scores after it (a newly recalled figure's metric is wrong, so that share fell though no count did).
SEALED48_MEASURED: dict[str, float] = {
    "recall": 0.967,
    "precision": 0.878,
    "entity": 0.965,
    "period": 0.517,
    "metric": 0.775,
}


# Scores of the sealed49 set, unseen beside sealed41 to sealed47 (ten 2014-2025 articles, all translated from Chinese,
# Japanese or Arabic as they were reworded; gold committed in 9dfa4c7 before the tool ran on it, built blind to the
# fifty-fourth tuning), aggregate only: 92.1 / 80.2 / 73.0 / 50.8 / 52.4 with the code of ed410ed, the same after the
# tuning's later rules and after the fifty-fifth's. All five are floors against regressions. In the sixty-third tuning
# "half an hour" became a figure, and one such in a driver's account (noise) lowered precision to 79.8.
SEALED49_MEASURED: dict[str, float] = {
    "recall": 0.947,
    "precision": 0.837,
    "entity": 0.846,
    "period": 0.692,
    "metric": 0.861,
}


# Scores of the sealed50 set, unseen beside sealed41 to sealed47 (nine 2004-2025 articles, all translated from German,
# French, Spanish, Korean, Russian, Italian or Portuguese as they were reworded; gold committed in 4d638d8 before the
# tool ran on it, built blind to the fifty-fourth tuning), aggregate only: 76.8 / 76.8 / 69.8 / 67.4 / 51.2 with the
# code of 573a641, 76.8 / 78.2 / 69.8 / 67.4 / 51.2 after the tuning's later rules, 76.8 / 78.2 / 69.8 / 69.8 / 51.2
# after the fifty-fifth's. All five are floors.
SEALED50_MEASURED: dict[str, float] = {
    "recall": 0.91,
    "precision": 0.894,
    "entity": 0.843,
    "period": 0.882,
    "metric": 0.784,
}


# The fifty-sixth tuning opened sealed49 and sealed50 (their rows read from then on). No count of right answers fell
# on any tuning set, but more figures recalled lowered two shares: sealed47's period 83.3 to 80.9 and metric 86.4 to
# 85.3, sealed50's metric 76.7 to 73.5; those floors follow the counts. sealed51 (still unseen) rose to entity 90.5 and
# metric 87.3.
# Scores of the sealed51 set, unseen (twelve 2004-2025 articles translated from Chinese or Japanese as they were
# reworded; gold committed in 87460cd before the tool ran on it, metric_new set to the sealed20 rule in the next
# commit), aggregate only: 97.1 / 79.7 / 88.9 / 82.5 / 85.7 with the code of ff64b85. Metric meets its target; the
# other four are floors.
SEALED51_MEASURED: dict[str, float] = {
    "recall": 0.971,
    "precision": 0.84,
    "entity": 0.936,
    "period": 0.825,
    "metric": 0.904,
}


# Scores of the sealed52 set, unseen (ten 2009-2026 articles translated from German, Portuguese, French, Korean,
# Italian or Russian as they were reworded; gold committed in 76d7e89 before the tool ran on it, metric_new set to the
# sealed20 rule in a later commit), aggregate only: 91.1 / 70.8 / 80.4 / 80.4 / 84.8 with the code of ff64b85.
# Metric meets its target; the other four are floors.
SEALED52_MEASURED: dict[str, float] = {
    "recall": 0.964,
    "precision": 0.772,
    "entity": 0.893,
    "period": 0.893,
    "metric": 0.893,
}


# The fifty-seventh tuning opened sealed51 and sealed52: sealed51 97.1 / 84.0 / 90.5 / 82.5 / 87.3 and sealed52 96.4 /
# 71.2 / 80.9 / 83.0 / 85.1 after it (their floors follow); sealed53 and sealed54 did not move. sealed50's period
# rose to 83.6 with the last rules of the fifty-sixth and to 87.7 with the fifty-seventh's "up to Sunday"; sealed44's
# to 83.7 with its "It was the 7000th train".
# Scores of the sealed53 set, unseen (nine 2004-2026 articles in Japanese, Arabic, English, Chinese, Urdu or Turkish,
# translated as they were reworded; gold committed in b2d7336 before the tool ran on it, one article dropped in
# a402b74 before it ran, for its copy's site), aggregate only: 98.2 / 91.2 / 89.8 / 51.0 / 87.8 with the code of the
# fifty-sixth tuning (563269e). Recall, precision and metric meet their targets; entity and period are floors.
SEALED53_MEASURED: dict[str, float] = {
    "recall": 0.982,
    "precision": 1.0,
    "entity": 0.959,
    "period": 0.816,
    "metric": 0.918,
}


# Scores of the sealed54 set, unseen (seven 2009-2025 articles in Russian, French, Korean or Spanish, translated as
# they were reworded; gold committed in 875f5f6 before the tool ran on it, one article dropped in 6831c7e before it
# ran, for its copy's site and for repeating sealed50/07), aggregate only: 94.3 / 96.2 / 84.8 / 80.4 / 82.6 with the
# code of 563269e. Precision and metric meet their targets; the other three are floors.
SEALED54_MEASURED: dict[str, float] = {
    "recall": 0.943,
    "precision": 1.0,
    "entity": 0.978,
    "period": 0.978,
    "metric": 0.913,
}


# The fifty-eighth tuning opened sealed53 (98.2 / 98.2 / 91.8 / 79.6 / 87.8 after it; its floors follow); sealed54 was
# not opened and did not move, and no other set moved.
# Scores of the sealed55 set, unseen (nine 2017-2025 articles in Chinese or Japanese, translated as they were
# reworded; gold committed in 8e8bfb1 before the tool ran on it, one article dropped in 0b92b9e before it ran, for its
# copy's site), aggregate only: 94.0 / 84.0 / 82.5 / 87.3 / 82.5 with the code of 16d60eb. Metric meets its target;
# the other four are floors.
SEALED55_MEASURED: dict[str, float] = {
    "recall": 0.94,
    "precision": 0.851,
    "entity": 0.984,
    "period": 0.904,
    "metric": 0.873,
}


# Scores of the sealed56 set, unseen (seven 2008-2024 articles in French, Portuguese, German or Italian, translated as
# they were reworded; gold committed in 85ed684 before the tool ran on it), aggregate only: 89.6 / 93.3 / 95.2 / 90.5 /
# 85.7 with the code of 16d60eb. Precision, entity, period and metric meet their targets; recall is a floor.
SEALED56_MEASURED: dict[str, float] = {
    "recall": 0.895,
    "precision": 0.933,
    "entity": 0.952,
    "period": 0.904,
    "metric": 0.857,
}


# Scores of the sealed57 set, unseen (ten 2011-2024 articles in Turkish, Chinese, Japanese or Arabic, translated as they
# were reworded; gold committed in 66dc9cc before the tool ran on it), aggregate only: 96.2 / 87.5 / 84.2 / 56.6 / 80.3
# with the code of f1dc64a. Metric meets its target; the other four are floors.
SEALED57_MEASURED: dict[str, float] = {
    "recall": 0.987,
    "precision": 0.963,
    "entity": 0.935,
    "period": 0.82,
    "metric": 0.794,
}


# Scores of the sealed58 set, unseen (ten 2010-2024 articles in Russian or Korean, translated as they were reworded;
# gold committed in 315bea3 before the tool ran on it; 14 of its 38 figures are facts, most of the rest a gas or oil
# pipeline's, another place's), first scored in aggregate only: 81.6 / 41.5 / 66.7 / 83.3 / 83.3 with the code of
# f1dc64a. The sixtieth tuning opened it (with sealed59); its floors are the scores after that tuning.
SEALED58_MEASURED: dict[str, float] = {
    "recall": 0.947,
    "precision": 0.731,
    "entity": 0.857,
    "period": 0.928,
    "metric": 0.928,
}


# The fifty-ninth tuning opened sealed55 and sealed57 (their floors follow); sealed56 and sealed58 were not opened,
# though one sentence and a note of sealed58/04 were glimpsed once in a search of the texts for a number's form.
# Scores of the sealed59 set, unseen (nine 2020-2025 articles in Chinese, Japanese or Urdu, translated as they were
# reworded; gold committed in 4c60628 before the tool ran on it), first scored in aggregate only: 94.1 / 75.8 / 71.6 /
# 67.6 / 68.9 with the code of 9fe436d. The sixtieth tuning opened it (with sealed58); its floors are the scores after.
SEALED59_MEASURED: dict[str, float] = {
    "recall": 0.976,
    "precision": 0.835,
    "entity": 0.88,
    "period": 0.92,
    "metric": 0.88,
}


# Scores of the sealed60 set, unseen (eight 2014-2023 articles in French, Spanish, Italian or German, translated as
# they were reworded; gold committed in 08bb920 before the tool ran on it), first scored in aggregate only: 88.9 / 75.0 /
# 100 / 66.7 / 85.2 with the code of 9fe436d. The sixty-first tuning opened it (with sealed62); its floors are the
# scores after.
SEALED60_MEASURED: dict[str, float] = {
    "recall": 0.888,
    "precision": 0.75,
    "entity": 1.0,
    "period": 0.851,
    "metric": 0.925,
}


# Scores of the sealed61 set, unseen (ten 2014-2026 articles in Chinese, Japanese, Kazakh or Urdu, translated as they
# were reworded; gold committed in a1ccea9 before the tool ran on it), aggregate only: 88.6 / 81.1 / 83.3 / 90.0 / 81.7
# with the code of 18e47de. Period and metric meet their targets; the other three are floors.
SEALED61_MEASURED: dict[str, float] = {
    "recall": 0.885,
    "precision": 0.81,
    "entity": 0.833,
    "period": 0.9,
    "metric": 0.816,
}


# Scores of the sealed62 set, unseen (eleven 2013-2025 articles in Russian, Korean, Hausa or Tajik, translated as they
# were reworded, most about the Kazakh side of Dostyk-Alashankou; gold committed in e423d42 before the tool ran on it),
# first scored in aggregate only: 94.6 / 45.0 / 58.3 / 58.3 / 91.7 with the code of 18e47de. The sixty-first tuning
# opened it (with sealed60); its floors are the scores after.
SEALED62_MEASURED: dict[str, float] = {
    "recall": 0.972,
    "precision": 0.557,
    "entity": 0.583,
    "period": 0.583,
    "metric": 0.916,
}


# Scores of the sealed63 set, unseen (eleven 2011-2026 articles in Chinese, Japanese or Urdu, translated as they were
# reworded; gold committed in 94e3fae before the tool ran on it), aggregate only: 99.1 / 68.6 / 92.3 / 91.0 / 84.6 with
# the code of f0ba778 (the sixtieth tuning's end). Recall, period and metric meet their targets; the other two are
# floors. The sixty-third tuning's 2bd3939 (places a distance is measured from, a route's end, a Chinese name a port
# shares with its members), chosen on tuning sets alone, moved it: entity 72 to 71 of 78 right, metric 66 to 65 (91.0
# and 83.3); the entity floor is that of the code after it.
SEALED63_MEASURED: dict[str, float] = {
    "recall": 0.99,
    "precision": 0.691,
    "entity": 0.91,
    "period": 0.91,
    "metric": 0.858,
}


# Scores of the sealed64 set, unseen (ten 2015-2026 articles in Russian or Portuguese, translated as they were reworded,
# most about the Kazakh side of Khorgos; gold committed in 3bdeae0 before the tool ran on it), aggregate only: 83.3 /
# 43.9 / 23.5 / 76.5 / 64.7 with the code of f0ba778. The seventy-fifth tuning opened it (its misses were read and
# tuned to): 90.0 / 53.8 / 47.1 / 88.2 / 70.6, the floors now.
SEALED64_MEASURED: dict[str, float] = {
    "recall": 0.9,
    "precision": 0.538,
    "entity": 0.47,
    "period": 0.882,
    "metric": 0.705,
}


# Scores of the sealed65 set, unseen (nine 2012-2023 articles in Chinese, Japanese, English or Kyrgyz, translated as they
# were reworded; gold committed in 3e66e9c before the tool ran on it), aggregate only: 93.2 / 62.1 / 72.2 / 72.2 / 83.3
# with the code of 61be8b1 (the sixty-first tuning's end). Metric meets its target; the other four are floors. The
# sixty-third tuning opened it: 97.7 / 64.4 / 94.7 / 73.7 / 97.4 after it, the floors now.
SEALED65_MEASURED: dict[str, float] = {
    "recall": 0.977,
    "precision": 0.655,
    "entity": 0.947,
    "period": 0.736,
    "metric": 0.973,
}


# Scores of the sealed66 set, unseen (eight 2004-2025 articles in French, Russian, Spanish or Portuguese, translated as
# they were reworded; gold committed in 47ff26a before the tool ran on it), aggregate only: 91.7 / 65.5 / 91.9 / 78.4 /
# 75.7 with the code of fd34a6e (the sixty-first tuning under way). None meets its target; all five are floors. The
# sixty-third tuning opened it: 95.8 / 67.8 / 97.4 / 76.9 / 74.4 after it, the floors now (period and metric rose by a
# figure each but fell as shares, with four more figures judged).
SEALED66_MEASURED: dict[str, float] = {
    "recall": 0.958,
    "precision": 0.793,
    "entity": 0.974,
    "period": 0.769,
    "metric": 0.743,
}


# Scores of the sealed67 set, unseen (nine 2009-2025 articles in Chinese, Japanese, Kazakh, Arabic or Urdu, translated as
# they were reworded, three of them on the China-Eurasia Expo; gold committed in 91d0af1 before the tool ran on it),
# aggregate only: 91.1 / 80.4 / 85.4 / 39.0 / 70.7 with the code of 142dd90 (the sixty-third tuning under way). None
# meets its target; all five are floors. The sixty-fourth tuning opened it: 95.6 / 81.1 / 86.0 / 62.8 / 79.1 after it,
# the floors now.
SEALED67_MEASURED: dict[str, float] = {
    "recall": 0.955,
    "precision": 0.843,
    "entity": 0.86,
    "period": 0.627,
    "metric": 0.79,
}


# Scores of the sealed68 set, unseen (eight 2004-2020 articles in German, Vietnamese, Spanish, Russian, Korean or
# Portuguese, translated as they were reworded; 29 of its 41 figures are of places the data lacks; gold committed in
# c74d0a1 before the tool ran on it), aggregate only: 87.8 / 52.5 / 100 / 91.7 / 75.0 with the code of 142dd90. Entity
# and period meet their targets; recall, precision and metric are floors.
# The sixty-fifth tuning opened it: 90.2 / 85.4 / 100 / 91.7 / 91.7 after it, the floors now.
SEALED68_MEASURED: dict[str, float] = {
    "recall": 0.902,
    "precision": 0.853,
    "entity": 1.0,
    "period": 0.916,
    "metric": 0.916,
}


# Scores of the sealed69 set, unseen (ten 2005-2025 articles in Chinese, Japanese or Arabic, translated as they were
# reworded; gold committed in 7d17c52 before the tool ran on it), aggregate only: 96.4 / 78.3 / 72.2 / 72.2 / 77.8 with
# the code of 06a0c4d (the sixty-third tuning under way). None meets its target; all five are floors.
# Still unseen, it moved in the sixty-fifth tuning: period 72.2 -> 75.9 (bf11431, the day reporters learned the news
# is no period of the figures); the floor now.
SEALED69_MEASURED: dict[str, float] = {
    "recall": 0.964,
    "precision": 0.782,
    "entity": 0.74,
    "period": 0.759,
    "metric": 0.814,
}


# Scores of the sealed70 set, unseen (eight 2006-2026 articles in Bengali, French, Spanish, Portuguese or Tamil,
# translated as they were reworded, five of them on expos; gold committed in dd2b5f4 before the tool ran on it),
# aggregate only: 86.7 / 72.5 / 94.6 / 43.2 / 73.0 with the code of 06a0c4d. None meets its target; all five are floors.
# The sixty-fourth tuning opened it: 97.8 / 75.0 / 90.5 / 81.0 / 85.7 after it, the floors now (entity rose by three
# figures but fell as a share, with five more judged).
SEALED70_MEASURED: dict[str, float] = {
    "recall": 0.977,
    "precision": 0.763,
    "entity": 0.952,
    "period": 0.857,
    "metric": 0.857,
}


# Scores of the sealed71 set, unseen (eight 2010-2024 articles in Japanese, Uzbek, Turkish or Chinese, translated as they
# were reworded; gold committed in 0bf76bf before the tool ran on it), aggregate only: 85.4 / 65.9 / 92.6 / 74.1 / 70.4
# with the code of f813241 (the sixty-fourth tuning's fair rules). None meets its target; all five are floors.
# The sixty-fifth tuning opened it: 85.4 / 76.7 / 100 / 100 / 81.5 after it, the floors now.
SEALED71_MEASURED: dict[str, float] = {
    "recall": 0.853,
    "precision": 0.785,
    "entity": 1.0,
    "period": 1.0,
    "metric": 0.814,
}


# Scores of the sealed72 set, unseen (eight 2006-2025 articles in Korean, German or Italian, translated as they were
# reworded; gold committed in 624cd52 before the tool ran on it), aggregate only: 94.0 / 71.2 / 86.5 / 75.7 / 89.2 with
# the code of f813241. Metric meets its target; the other four are floors.
# Still unseen, it moved in the sixty-fifth tuning: precision 71.2 -> 73.7 (962d000, a gauge in millimetres is no
# figure); the floor now.
SEALED72_MEASURED: dict[str, float] = {
    "recall": 0.94,
    "precision": 0.736,
    "entity": 0.864,
    "period": 0.756,
    "metric": 0.891,
}


# Scores of the sealed73 set, unseen (six 2004-2022 articles in Japanese, Turkish or Chinese, translated as they were
# reworded; gold committed in 34e4888 before the tool ran on it), aggregate only: 94.1 / 82.7 / 75.6 / 58.5 / 82.9 with
# the code of d024eb9. Metric meets its target; the other four are floors.
# The sixty-sixth tuning opened it: 94.1 / 82.7 / 95.1 / 70.7 / 82.9 after it, the floors now.
SEALED73_MEASURED: dict[str, float] = {
    "recall": 0.941,
    "precision": 0.826,
    "entity": 0.951,
    "period": 0.731,
    "metric": 0.829,
}


# Scores of the sealed74 set, unseen (eight 2012-2025 articles in French or Russian, translated as they were reworded;
# six are on gas pipelines, so 33 of its 36 figures are of places the data lacks and only three are judged; gold
# committed in 1a88aef before the tool ran on it), aggregate only: 88.9 / 40.0 / 33.3 / 33.3 / 100 with the code of
# d024eb9. Metric meets its target; the other four are floors.
# Still unseen, it moved in the sixty-fifth tuning: precision 40.0 -> 67.5 (7089578, a sentence naming a pipeline and
# no place of the data is the pipeline's); the floor now.
SEALED74_MEASURED: dict[str, float] = {
    "recall": 0.888,
    "precision": 0.7,
    "entity": 0.333,
    "period": 0.333,
    "metric": 1.0,
}


# Scores of the sealed75 set, unseen (eight 2014-2025 articles in Chinese or Japanese, translated as they were reworded;
# gold committed in d72d966 before the tool ran on it), aggregate only: 97.1 / 84.8 / 77.6 / 74.6 / 79.1 with the code
# of b4acef2 (the sixty-fifth tuning under way). None meets its target; all five are floors.
# The sixty-sixth tuning opened it: 97.1 / 88.2 / 94.0 / 82.1 / 77.6 after it, the floors now (metric 53 to 52 right of
# 67: a private firms' trade growth now on the region takes the region's trade growth name).
SEALED75_MEASURED: dict[str, float] = {
    "recall": 0.971,
    "precision": 0.893,
    "entity": 0.94,
    "period": 0.91,
    "metric": 0.791,
}


# Scores of the sealed76 set, unseen (seven 2011-2025 articles in Korean or Russian, translated as they were reworded;
# gold committed in 5172c7a before the tool ran on it), aggregate only: 96.4 / 80.0 / 87.0 / 84.8 / 84.8 with the code
# of b0edcfd (the sixty-fifth tuning under way). Metric meets its target; the other four are floors.
# It moved later in the same tuning: precision 80.0 -> 81.4 (962d000, a gauge in millimetres is no figure), and in the
# sixty-seventh: entity 87.0 -> 89.1 (a439f9c, tracks name the railway); the floors now.
SEALED76_MEASURED: dict[str, float] = {
    "recall": 0.963,
    "precision": 0.813,
    "entity": 0.891,
    "period": 0.847,
    "metric": 0.826,
}


# Scores of the sealed77 set, unseen (eight 2011-2026 articles in Chinese, Japanese or Turkish, translated as they were
# reworded; gold committed in bc4c601 before the tool ran on it), aggregate only: 92.7 / 79.1 / 82.4 / 47.1 / 91.2 with
# the code of 9ad0ebf (the sixty-sixth tuning under way). Metric meets its target; the other four are floors.
# The same tuning then opened it: 92.7 / 81.0 / 82.4 / 61.8 / 91.2 after it, the floors now.
SEALED77_MEASURED: dict[str, float] = {
    "recall": 0.926,
    "precision": 0.809,
    "entity": 0.911,
    "period": 0.647,
    "metric": 0.941,
}


# Scores of the sealed78 set, unseen (nine 2005-2026 articles in German, French, Vietnamese, Spanish, Italian or
# Russian, translated as they were reworded; six are trade-fair reports; gold committed in 597722a before the tool ran
# on it), aggregate only: 93.3 / 82.0 / 65.7 / 45.7 / 82.9 with the code of 9ad0ebf. Metric meets its target; the
# other four are floors.
# The same tuning then opened it: 97.8 / 84.3 / 83.8 / 64.9 / 81.1 after it, the floors now (metric 29 of 35 right
# became 30 of 37, two more figures recalled).
SEALED78_MEASURED: dict[str, float] = {
    "recall": 0.977,
    "precision": 0.843,
    "entity": 0.837,
    "period": 0.648,
    "metric": 0.81,
}


# Scores of the sealed79 set, unseen (eleven 2006-2024 articles in Chinese, Japanese or Urdu, translated as they were
# reworded; 31 of its 50 figures are of places the data lacks, two pipelines and a city's mail among them; gold
# committed in 868bfa0 before the tool ran on it), aggregate only: 90.0 / 59.6 / 64.7 / 64.7 / 76.5 with the code of
# 1cd74ce (the sixty-sixth tuning under way). None meets its target; all five are floors.
# Opened for the sixty-seventh tuning; the floors now (67fa2c6).
SEALED79_MEASURED: dict[str, float] = {
    "recall": 0.92,
    "precision": 0.836,
    "entity": 0.777,
    "period": 0.777,
    "metric": 0.722,
}


# Scores of the sealed80 set, unseen (eleven 2007-2026 articles in Korean, translated as they were reworded; gold
# committed in 4205e87 before the tool ran on it), aggregate only: 80.0 / 60.9 / 64.3 / 46.4 / 67.9 with the code of
# 1cd74ce. None meets its target; all five are floors.
# Still unseen, it moved later in the sixty-sixth tuning: entity 64.3 -> 92.9 (96a1a6c, a fair held in the region's
# capital is the region's) and period 46.4 -> 50.0 (93b4e54, 'With it, the trains reached 5,000 for the year').
# Opened for the sixty-seventh tuning; the floors now (67fa2c6).
SEALED80_MEASURED: dict[str, float] = {
    "recall": 0.875,
    "precision": 0.714,
    "entity": 0.9,
    "period": 0.666,
    "metric": 0.7,
}


# Scores of the sealed81 set, unseen (eight 2004-2026 articles, seven in Japanese and one in Chinese, translated as
# they were reworded; gold committed in 9ed1291 before the tool ran on it), aggregate only: 86.8 / 84.6 / 97.0 / 75.8
# / 87.9 with the code of 67fa2c6 (the sixty-seventh tuning). Entity and metric meet their targets; the other three
# are floors. The sixty-eighth tuning opened it (its misses were read and tuned to): period 75.8 -> 81.8; the floors now.
SEALED81_MEASURED: dict[str, float] = {
    "recall": 0.868,
    "precision": 0.891,
    "entity": 0.969,
    "period": 0.818,
    "metric": 0.878,
}


# Scores of the sealed82 set, unseen (eight 2005-2024 articles, six in Chinese, one in Bengali and one in Tamil,
# translated as they were reworded; 56 of its 112 figures are of places the data lacks, feeder airports and a
# pipeline among them; gold committed in f17aef3 before the tool ran on it), aggregate only: 91.1 / 57.5 / 88.5 /
# 73.1 / 84.6 with the code of 71f81d9 (the sixty-seventh tuning). Metric meets its target; the other four are floors.
# Still unseen, its precision rose later in that tuning, 57.5 -> 58.4 (one false proposal fewer). The sixty-eighth
# tuning opened it (its misses were read and tuned to): 92.9 / 77.0 / 88.9 / 90.7 / 90.7; the floors now.
SEALED82_MEASURED: dict[str, float] = {
    "recall": 0.946,
    "precision": 0.787,
    "entity": 0.888,
    "period": 0.907,
    "metric": 0.925,
}


# Scores of the sealed83 set, unseen (nine 2005-2025 articles in Chinese, translated as they were reworded; road
# routes, road transport, trade and the two rail ports' trains; gold committed in e4a7296 before the tool ran on
# it), aggregate only: 84.1 / 80.3 / 90.6 / 83.0 / 86.8 with the code of 0458ecc (the sixty-seventh tuning). Metric
# meets its target; the other four are floors. The sixty-ninth tuning opened it (its misses were read and tuned to):
# 84.1 / 81.5 / 98.1 / 88.7 / 90.6; the floors now.
SEALED83_MEASURED: dict[str, float] = {
    "recall": 0.857,
    "precision": 0.83,
    "entity": 0.981,
    "period": 0.888,
    "metric": 0.907,
}


# Scores of the sealed84 set, unseen (nine 2005-2024 articles in Japanese, translated as they were reworded; a
# pipeline, two fairs, the region's and Urumqi's trade, road transport and Horgos; gold committed in 313b1b6 before
# the tool ran on it), aggregate only: 92.7 / 65.1 / 92.5 / 57.5 / 62.5 with the code of d44c51c (the sixty-seventh
# tuning). None meets its target; all five are floors. The sixty-ninth tuning opened it (its misses were read); no
# rule of that tuning moved it.
SEALED84_MEASURED: dict[str, float] = {
    "recall": 0.927,
    "precision": 0.65,
    "entity": 0.925,
    "period": 0.575,
    "metric": 0.625,
}


# Scores of the sealed85 set, unseen (nine 2014-2026 articles, seven in Chinese, one in Bengali and one in Japanese,
# translated as they were reworded; four on Tacheng and its Bakhty port, two on airports; gold committed in 1e05743
# before the tool ran on it), aggregate only: 91.5 / 53.4 / 84.6 / 92.3 / 79.5 with the code of 8e18e75 (the
# sixty-seventh tuning). Period meets its target; the other four are floors. Opened by the seventieth tuning, which
# lifted it to 95.7 / 73.6 / 84.6 / 97.4 / 82.1.
SEALED85_MEASURED: dict[str, float] = {
    "recall": 0.957,
    "precision": 0.754,
    "entity": 0.846,
    "period": 0.974,
    "metric": 0.82,
}


# Scores of the sealed86 set, unseen (six 2016-2025 articles, four in Chinese, one in Japanese and one in English;
# the region's trade, Alashankou's trains and Irkeshtam; gold committed in 612342e before the tool ran on it),
# aggregate only: 90.9 / 70.7 / 96.6 / 69.0 / 82.8 with the code of a439f9c (the sixty-seventh tuning). Entity and
# metric meet their targets; the other three are floors. Opened by the seventieth tuning, which with the seventy-first
# lifted it to 100 / 86.8 / 93.8 / 78.1 / 100: entity falls as three more figures are judged, no right answer fewer.
SEALED86_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 0.868,
    "entity": 0.937,
    "period": 0.781,
    "metric": 1.0,
}


# Scores of the sealed88 set, unseen (eight 2018-2025 articles, five in English, two in Chinese and one in Russian;
# a Kazakh dry port, the Central Asia gas pipeline, Nur Zholy, Kazakhstan-China freight, the pilot FTZ, Irkeshtam and
# Hotan airport, so 32 of its 42 figures are other places'; gold committed in 28624dd before the tool ran on it),
# aggregate only: 97.6 / 66.7 / 77.8 / 66.7 / 55.6 with the code of 3e0dae8 (the sixty-eighth tuning). Entity,
# period and metric rest on nine judged figures. All five are floors. Opened by the seventy-first tuning: precision
# 70.5 (a place set right, one false proposal fewer), the rest unchanged.
SEALED88_MEASURED: dict[str, float] = {
    "recall": 0.976,
    "precision": 0.84,
    "entity": 0.777,
    "period": 0.666,
    "metric": 0.555,
}


# Scores of the sealed89 set, unseen (eight 2015-2019 articles, six in English, one in Russian and one in Urdu; Alataw
# Pass's first vehicle imports, Urumqi's trains, two road rallies through Irkeshtam, a Kazakh dry port, Khunjerab;
# 14 of its 26 figures are other places'; gold committed in a0e80d6 before the tool ran on it), aggregate only:
# 80.8 / 58.3 / 50.0 / 40.0 / 90.0 with the code of 9917a0d (the sixty-ninth tuning). Its metric_new flags were set
# by the sealed20 rule after a first run had shown metric 60.0 (the only share the flags move). Metric meets its
# target; the other four are floors, on ten judged figures. Opened by the seventy-first tuning, which lifted it to
# 84.6 / 60.0 / 63.6 / 72.7 / 90.9.
SEALED89_MEASURED: dict[str, float] = {
    "recall": 0.846,
    "precision": 0.6,
    "entity": 0.636,
    "period": 0.727,
    "metric": 0.909,
}


# Scores of the sealed90 set, unseen (eight 2022-2025 articles, four in English, two in Chinese, one in Russian and
# one in Swahili; Horgos's trains, Kazakhstan-China freight, neighbours' checkpoints, the Urumqi land port, Khunjerab,
# the Horgos cooperation center; 22 of its 44 figures are other places'; gold committed in 1cea092 before the tool
# ran on it), aggregate only: 86.4 / 48.9 / 50.0 / 65.0 / 75.0 with the code of 9917a0d (the sixty-ninth tuning).
# The seventy-fifth tuning opened it (its misses were read and tuned to): 88.6 / 71.4 / 85.7 / 66.7 / 81.0, the floors
# now.
SEALED90_MEASURED: dict[str, float] = {
    "recall": 0.886,
    "precision": 0.714,
    "entity": 0.857,
    "period": 0.666,
    "metric": 0.809,
}


# Scores of the sealed91 set, unseen (six 2024-2025 articles, four in English, one in Korean and one in Portuguese;
# Kazakh grain, Pakistani cherries and the Sost dry port beside Khunjerab, Alashankou's and Horgos's trains; 24 of its
# 47 figures are other places'; gold committed in 10d8cff before the tool ran on it), aggregate only:
# 87.2 / 51.8 / 95.5 / 95.5 / 90.9 with the code of 7f87c50 (the seventieth tuning, under way). Entity, period and
# metric meet their targets; recall and precision are floors.
SEALED91_MEASURED: dict[str, float] = {
    "recall": 0.872,
    "precision": 0.591,
    "entity": 0.954,
    "period": 0.954,
    "metric": 0.909,
}


# Scores of the sealed92 set, unseen (nine 2015-2020 articles, eight in English and one in Russian; container trains
# through Kazakhstan, Khunjerab's seafood, the Kazakhstan-China oil pipeline, Urumqi's trains, a road convoy through
# Irkeshtam, the Mongolian border, Dostyk-Alashankou freight; 21 of its 26 figures are other places'; gold committed
# in 2f08f0f before the tool ran on it, its metric_new flags set by the sealed20 rule before any run), aggregate
# only: 84.6 / 39.5 / 80.0 / 80.0 / 60.0 with the code of 7f87c50. All five are floors, the last three on five judged
# figures. The seventieth tuning's rule on "the national growth rate of" (03cd1e4), made on sealed86, moved one of
# those five away from its right place (entity 80.0 -> 60.0) and dropped one false proposal (precision 40.5): the
# floors follow, and the rule stays, since the unseen sets do not choose rules. The seventy-fourth tuning opened it (its
# misses were read and tuned to): 84.6 / 54.8 / 60.0 / 80.0 / 80.0; the floors now.
SEALED92_MEASURED: dict[str, float] = {
    "recall": 0.846,
    "precision": 0.548,
    "entity": 0.6,
    "period": 0.8,
    "metric": 0.8,
}


# Scores of the sealed93 set, unseen (eight 2023-2026 articles, seven in Russian and one in Italian; Horgos's and
# Alashankou's trains and freight, the national China-Europe service, Horgos's car exports; 15 of its 41 figures are
# other places'; gold committed in f73fcb1 before the tool ran on it), aggregate only: 97.6 / 63.0 / 88.0 / 88.0 /
# 84.0 with the code of 0c24df7 (the seventieth tuning, under way). Metric meets its target; the other four are floors.
SEALED93_MEASURED: dict[str, float] = {
    "recall": 0.975,
    "precision": 0.63,
    "entity": 0.88,
    "period": 0.88,
    "metric": 0.88,
}


# Scores of the sealed94 set, unseen (seven 2016-2019 articles in English; a convoy from Kashgar over the Khunjerab
# Pass, the city of Horgos's firms and film companies, Urumqi's trains; 15 of its 16 figures are other places', mostly
# the city's, which is no project place; gold committed in 2e19b34 before the tool ran on it), aggregate only:
# 100 / 3.7 / 100 / 100 / 100 with the code of 0c24df7. The seventy-fifth tuning opened it (its misses were read and
# tuned to): firms a port's town registers are the city's, spans and fines are doubted; 100 / 63.6 / 100 / 100 / 100,
# the floors now. The last three rest on one judged figure.
SEALED94_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 0.636,
    "entity": 1.0,
    "period": 1.0,
    "metric": 1.0,
}


# Scores of the sealed95 set, unseen (eight 2017-2026 articles, three in English, three in Chinese, one in Arabic and
# one in Korean; the region's trade, the pilot FTZ, its airports, Urumqi's and Kashgar's airports, the Alataw Pass
# bonded zone; 8 of its 60 figures are other places'; gold committed in 57d404d before the tool ran on it),
# aggregate only: 88.3 / 88.1 / 88.9 / 31.1 / 86.7 with the code of 03cd1e4 (the seventieth tuning, under way).
# Metric meets its target; the other four are floors (period on 45 judged figures). Opened by the seventy-second
# tuning, which lifted it to 88.3 / 88.1 / 88.9 / 57.8 / 88.9.
SEALED95_MEASURED: dict[str, float] = {
    "recall": 0.883,
    "precision": 0.881,
    "entity": 0.888,
    "period": 0.577,
    "metric": 0.888,
}


# Scores of the sealed96 set, unseen (seven 2021-2025 articles, three in Chinese, two in English, one in Korean and one
# in Urdu; Horgos, the Horgos center, Irkeshtam, Baketu, Khunjerab, the Karasu crossing; 3 of its 18 figures are other
# places'; gold committed in b24456d before the tool ran on it), aggregate only: 94.4 / 62.5 / 92.9 / 71.4 / 100 with
# the code of 03cd1e4. Metric meets its target; the other four are floors, on fourteen judged figures.
SEALED96_MEASURED: dict[str, float] = {
    "recall": 0.944,
    "precision": 0.625,
    "entity": 0.928,
    "period": 0.714,
}


# Scores of the sealed97 set, unseen (nine 2021-2025 articles, five in English, two in Chinese and two in German;
# China-Europe trains through Alashankou and Horgos, border queues and loading halts, the second Alashankou line;
# 11 of its 38 figures are other places'; gold committed in 7d573f2 before the tool ran on it), aggregate only:
# 76.3 / 46.5 / 55.0 / 40.0 / 85.0 with the code of e306796 (the seventy-first tuning, under way). Metric meets its
# target; the other four are floors. The seventy-third tuning opened it (its misses were read and tuned to): 76.3 /
# 51.2 / 75.0 / 65.0 / 90.0; the floors now.
SEALED97_MEASURED: dict[str, float] = {
    "recall": 0.763,
    "precision": 0.512,
    "entity": 0.75,
    "period": 0.65,
    "metric": 0.9,
}


# Scores of the sealed98 set, unseen (six 2017-2025 articles, two in Chinese, two in English, one in Russian and one
# in Italian; Kashgar's ports, the Horgos road port's new gate, car exports through Torugart, the Horgos center's
# visitors; 13 of its 19 figures are other places'; gold committed in e763464 before the tool ran on it), aggregate
# only: 84.2 / 70.0 / 0 / 0 / 80.0 with the code of 5a0a452 (the seventy-first tuning, under way). Metric meets its
# target; the other four are floors, the entity and period ones on five judged figures, none right. The seventy-fifth
# tuning opened it (its misses were read and tuned to): 84.2 / 80.0 / 20.0 / 0 / 80.0, the floors now.
SEALED98_MEASURED: dict[str, float] = {
    "recall": 0.842,
    "precision": 0.8,
    "entity": 0.2,
    "period": 0.0,
    "metric": 0.8,
}


# Scores of the sealed99 set, unseen (six 2018-2024 articles, four in Japanese, one in German and one in Russian; the
# Kazakh transloading terminal at Khorgos, the Nur Zholy-Horgos inspection site, the region's trade, Altynkol station,
# a finished-car train through Horgos, Jeminay's travellers; 15 of its 30 figures are other places'; gold committed in
# 17d6cda before the tool ran on it), aggregate only: 90.0 / 47.5 / 100 / 6.7 / 93.3 with the code of fa58b8c (the
# seventy-first tuning, under way). Entity and metric meet their targets; the other three are floors (period: one of
# fifteen judged figures right). The seventy-third tuning opened it (its misses were read and tuned to): 93.3 / 58.3
# / 100 / 100 / 93.3; the floors now.
SEALED99_MEASURED: dict[str, float] = {
    "recall": 0.933,
    "precision": 0.583,
    "entity": 1.0,
    "period": 1.0,
    "metric": 0.933,
}


# Scores of the sealed100 set, unseen (five 2018-2024 articles, all stored in Chinese; Baketu, Horgos's trains and
# e-commerce, an essay on Alashankou, Torugart, the China-Kyrgyzstan-Uzbekistan trains; 14 of its 35 figures are other
# places'; gold committed in 0b1f568 before the tool ran on it), aggregate only: 91.4 / 81.1 / 90.5 / 76.2 / 95.2 with
# the code of fa58b8c (the seventy-first tuning, under way). Metric meets its target; the other four are floors.
SEALED100_MEASURED: dict[str, float] = {
    "recall": 0.914,
    "precision": 0.81,
    "entity": 0.904,
    "period": 0.761,
}


# Scores of the sealed101 set, unseen (six 2017-2021 articles in English, Chinese, German and Kazakh: the Horgos
# center's visitors and merchants, Horgos's 2018 trade, Irkeshtam, rail freight between Kazakhstan and China by
# crossing; 16 of its 31 figures are other places'; gold committed in a625550 before the tool ran on it), aggregate
# only: 100 / 54.8 / 53.3 / 66.7 / 100 with the code of 95721da (after the seventy-second tuning). Recall and metric
# meet their targets; the other three are floors. The seventy-fourth tuning opened it (its misses were read and tuned
# to): 100 / 59.0 / 80.0 / 73.3 / 100; the floors now.
SEALED101_MEASURED: dict[str, float] = {
    "recall": 1.0,
    "precision": 0.589,
    "entity": 0.8,
    "period": 0.733,
    "metric": 1.0,
}


# Scores of the sealed102 set, unseen (three 2023-2025 articles stored in Chinese: a Baketu feature, the free trade
# zone's first ten months of 2024 with the Urumqi air port and Horgos's trains, Karasu's vehicle exports; all 21 of
# its figures are the project's places; gold committed in e39a051 before the tool ran on it, and a fourth article,
# which a tuning set holds, taken out in ad60244 before any scoring), aggregate only: 71.4 / 78.9 / 93.3 / 66.7 / 80.0
# with the code of be91656 (the seventy-third tuning, under way). Metric meets its target; the other four are floors.
SEALED102_MEASURED: dict[str, float] = {
    "recall": 0.714,
    "precision": 0.789,
    "entity": 0.933,
    "period": 0.666,
}


def _candidate(value: str, unit: str = "count", entity: str = "horgos", metric: str = "m", period: str = "2025",
               confidence: str = "high", new: bool = False, flags: str = "") -> Candidate:  # fmt: skip
    figure = Figure(0, 1, Decimal(value), unit, "", value)
    return Candidate(1, figure, "", entity, metric, period, "s", confidence=confidence, new_metric=new, flags=flags)


def _gold(value: str, kind: str = "fact", unit: str = "count", entity: str = "horgos", metric: str = "m",
          period: str = "2025", new: str = "") -> dict:  # fmt: skip
    return {"article": "a.txt", "as_written": value, "value": value, "unit": unit, "entity_id": entity,
            "metric": metric, "metric_new": new, "period": period, "qualifier": "", "kind": kind, "note": ""}  # fmt: skip


def test_scores_follow_the_definitions():
    scores = Scores()
    candidates = [
        _candidate("10", entity="b;a", metric="x"),  # combined: the set of ids counts, not their order
        _candidate("20", unit="percent", metric="made_up_name", new=True),  # new and flagged: right
        _candidate("30", period="2024"),  # recalled, period wrong
        _candidate("55", unit="USD"),  # a noise row proposed: a false positive
        _candidate("7", entity=""),  # another place, proposed with no entity: correct
        _candidate("99"),  # not in gold: a false positive
        _candidate("40", confidence="low"),  # low confidence: neither recalled nor counted against precision
    ]
    gold = [
        _gold("10", kind="combined", entity="a;b", metric="x"),
        _gold("20", unit="percent", metric="share_of_total", new="yes"),
        _gold("30"),
        _gold("40"),
        _gold("55", kind="noise", unit="USD", entity=""),
        _gold("7", kind="other_place", entity=""),
    ]
    score_article(candidates, gold, "a.txt", scores)
    assert (scores.gold, scores.recalled, scores.proposed, scores.correct_proposals) == (5, 4, 6, 4)
    assert (scores.judged, scores.entity, scores.period, scores.metric) == (3, 3, 2, 3)
    assert scores.shares()["recall"] == pytest.approx(0.8)
    assert scores.shares()["precision"] == pytest.approx(4 / 6)


def test_a_noise_row_without_a_unit_does_not_take_a_figure_s_proposal():
    # "opened three months ago" (noise, no unit) before "three runways" (a fact): the runways' proposal is theirs
    scores = Scores()
    gold = [_gold("3", kind="noise", unit="", entity=""), _gold("3", metric="runways")]
    score_article([_candidate("3", metric="runways")], gold, "a.txt", scores)
    assert (scores.recalled, scores.correct_proposals, scores.metric) == (1, 1, 1)


def test_another_place_s_figure_is_right_only_without_a_place_or_flagged_as_one_the_data_lacks():
    # Gold: the region's branch airports together, not a project place. Proposed for Urumqi's airport, it is wrong
    # whatever else its flags say; for no place, or flagged as a place the data lacks, it is right.
    gold = [_gold(str(n), kind="other_place", entity="") for n in (1, 2, 3, 4)]
    candidates = [
        _candidate("1", entity="urumqi-airport", new=True, flags="new metric: branch_airports (count)"),
        _candidate("2", entity="urumqi-airport", flags="combined: urumqi-airport; kashgar-airport"),
        _candidate("3", entity=""),
        _candidate("4", entity="urumqi-airport", flags="period guessed; place not in the data: Altay (the city)"),
    ]
    scores = Scores()
    score_article(candidates, gold, "a.txt", scores)
    assert (scores.recalled, scores.proposed, scores.correct_proposals) == (4, 4, 2)
    assert sum("another place's figure" in miss for miss in scores.misses) == 2


def test_a_period_is_right_when_it_covers_the_gold_s_days_in_any_notation():
    # "in the whole of 2015" proposed as 1 January to 31 December is the year the gold writes as 2015
    scores = Scores()
    candidates = [_candidate("1", period="2015-01-01/2015-12-31"), _candidate("2", period="2015-01-01/2015-12-30")]
    score_article(candidates, [_gold("1", period="2015"), _gold("2", period="2015")], "a.txt", scores)
    assert (scores.judged, scores.period) == (2, 1)


def test_an_existing_metric_must_be_named_exactly():
    scores = Scores()
    score_article([_candidate("10", metric="other", new=True)], [_gold("10", metric="vehicle_exports")], "a", scores)
    assert scores.metric == 0


def test_a_new_measure_is_right_on_its_flag_and_its_name_is_counted_apart():
    scores = Scores()
    candidates = [
        _candidate("1", metric="imports_value", new=True),  # the gold's own name
        _candidate("2", metric="import_trips", new=True),  # "import" is not "imports": no word shared
        _candidate("3", metric="exports_growth_yoy", new=True),  # shares a word that says what is measured
        _candidate("4", metric="more_than_growth_yoy", new=True),  # only the generic growth_yoy
    ]
    gold = [
        _gold("1", metric="imports_value", new="yes"),
        _gold("2", metric="imports_value", new="yes"),
        _gold("3", metric="exports_value_growth_yoy", new="yes"),
        _gold("4", metric="imports_growth_yoy", new="yes"),
    ]
    score_article(candidates, gold, "a", scores)
    assert scores.metric == 4  # all four flagged new, as the gold's are
    assert (scores.new_named, scores.new_flagged) == (2, 4)


@pytest.fixture(scope="module")
def dev_scores() -> Scores:
    return evaluate(HELD_OUT / "dev", settings.DATA_DIR)


def test_dev_set_meets_the_targets(dev_scores):
    shares = dev_scores.shares()
    assert dev_scores.gold >= 50, "the dev gold lists its figures"
    missed = {k: round(v, 3) for k, v in shares.items() if v < TARGETS[k]}
    assert not missed, "\n".join([f"below target: {missed}", *dev_scores.misses])


@pytest.mark.parametrize(
    ("folder", "measured"),
    [
        ("sealed", SEALED_MEASURED),
        ("sealed2", SEALED2_MEASURED),
        ("sealed3", SEALED3_MEASURED),
        ("sealed4", SEALED4_MEASURED),
        ("sealed5", SEALED5_MEASURED),
        ("sealed6", SEALED6_MEASURED),
        ("sealed7", SEALED7_MEASURED),
        ("sealed8", SEALED8_MEASURED),
        ("sealed9", SEALED9_MEASURED),
        ("sealed10", SEALED10_MEASURED),
        ("sealed11", SEALED11_MEASURED),
        ("sealed12", SEALED12_MEASURED),
        ("sealed13", SEALED13_MEASURED),
        ("sealed14", SEALED14_MEASURED),
        ("sealed15", SEALED15_MEASURED),
        ("sealed16", SEALED16_MEASURED),
        ("sealed17", SEALED17_MEASURED),
        ("sealed18", SEALED18_MEASURED),
        ("sealed19", SEALED19_MEASURED),
        ("sealed20", SEALED20_MEASURED),
        ("sealed21", SEALED21_MEASURED),
        ("sealed22", SEALED22_MEASURED),
        ("sealed23", SEALED23_MEASURED),
        ("sealed24", SEALED24_MEASURED),
        ("sealed25", SEALED25_MEASURED),
        ("sealed26", SEALED26_MEASURED),
        ("sealed27", SEALED27_MEASURED),
        ("sealed28", SEALED28_MEASURED),
        ("sealed29", SEALED29_MEASURED),
        ("sealed30", SEALED30_MEASURED),
        ("sealed31", SEALED31_MEASURED),
        ("sealed32", SEALED32_MEASURED),
        ("sealed33", SEALED33_MEASURED),
        ("sealed34", SEALED34_MEASURED),
        ("sealed35", SEALED35_MEASURED),
        ("sealed36", SEALED36_MEASURED),
        ("sealed37", SEALED37_MEASURED),
        ("sealed38", SEALED38_MEASURED),
        ("sealed39", SEALED39_MEASURED),
        ("sealed40", SEALED40_MEASURED),
        ("sealed41", SEALED41_MEASURED),
        ("sealed42", SEALED42_MEASURED),
        ("sealed43", SEALED43_MEASURED),
        ("sealed44", SEALED44_MEASURED),
        ("sealed45", SEALED45_MEASURED),
        ("sealed46", SEALED46_MEASURED),
        ("sealed47", SEALED47_MEASURED),
        ("sealed48", SEALED48_MEASURED),
        ("sealed49", SEALED49_MEASURED),
        ("sealed50", SEALED50_MEASURED),
        ("sealed51", SEALED51_MEASURED),
        ("sealed52", SEALED52_MEASURED),
        ("sealed53", SEALED53_MEASURED),
        ("sealed54", SEALED54_MEASURED),
        ("sealed55", SEALED55_MEASURED),
        ("sealed56", SEALED56_MEASURED),
        ("sealed57", SEALED57_MEASURED),
        ("sealed58", SEALED58_MEASURED),
        ("sealed59", SEALED59_MEASURED),
        ("sealed60", SEALED60_MEASURED),
        ("sealed61", SEALED61_MEASURED),
        ("sealed62", SEALED62_MEASURED),
        ("sealed63", SEALED63_MEASURED),
        ("sealed64", SEALED64_MEASURED),
        ("sealed65", SEALED65_MEASURED),
        ("sealed66", SEALED66_MEASURED),
        ("sealed67", SEALED67_MEASURED),
        ("sealed68", SEALED68_MEASURED),
        ("sealed69", SEALED69_MEASURED),
        ("sealed70", SEALED70_MEASURED),
        ("sealed71", SEALED71_MEASURED),
        ("sealed72", SEALED72_MEASURED),
        ("sealed73", SEALED73_MEASURED),
        ("sealed74", SEALED74_MEASURED),
        ("sealed75", SEALED75_MEASURED),
        ("sealed76", SEALED76_MEASURED),
        ("sealed77", SEALED77_MEASURED),
        ("sealed78", SEALED78_MEASURED),
        ("sealed79", SEALED79_MEASURED),
        ("sealed80", SEALED80_MEASURED),
        ("sealed81", SEALED81_MEASURED),
        ("sealed82", SEALED82_MEASURED),
        ("sealed83", SEALED83_MEASURED),
        ("sealed84", SEALED84_MEASURED),
        ("sealed85", SEALED85_MEASURED),
        ("sealed86", SEALED86_MEASURED),
        ("sealed88", SEALED88_MEASURED),
        ("sealed89", SEALED89_MEASURED),
        ("sealed90", SEALED90_MEASURED),
        ("sealed91", SEALED91_MEASURED),
        ("sealed92", SEALED92_MEASURED),
        ("sealed93", SEALED93_MEASURED),
        ("sealed94", SEALED94_MEASURED),
        ("sealed95", SEALED95_MEASURED),
        ("sealed96", SEALED96_MEASURED),
        ("sealed97", SEALED97_MEASURED),
        ("sealed98", SEALED98_MEASURED),
        ("sealed99", SEALED99_MEASURED),
        ("sealed100", SEALED100_MEASURED),
        ("sealed101", SEALED101_MEASURED),
        ("sealed102", SEALED102_MEASURED),
    ],
)
def test_held_out_sets_meet_the_targets_or_their_floor(folder, measured):
    # Only aggregate scores are shown here: an unseen set's rows are not for reading while tuning.
    scores = evaluate(HELD_OUT / folder, settings.DATA_DIR)
    assert scores.gold >= 15, f"{folder}'s gold lists its figures"  # the smallest set, sealed94, has 16
    shares = scores.shares()
    floors = {k: min(TARGETS[k], measured.get(k, TARGETS[k])) for k in TARGETS}
    below = {k: f"{shares[k]:.3f} < {floors[k]:.3f}" for k in TARGETS if shares[k] < floors[k] - 1e-9}
    assert not below, f"{folder} scores fell: {below}"


def test_the_command_prints_the_five_scores(capsys):
    assert main([str(HELD_OUT / "dev")]) == 0
    out = capsys.readouterr().out.strip()
    for name in TARGETS:
        assert f"{name} " in out
    assert out.count("\n") == 0  # one line: no per-row output unless --misses is given


def test_the_publication_date_is_read_as_propose_reads_it_even_with_a_note_after_it(tmp_path):
    # sealed90/03: "Published: 2023-08-01 (from the address)" crashed the evaluation, though `propose` reads the date
    (tmp_path / "01_a.txt").write_text(
        "Title: Horgos trains\nPublished: 2023-08-01 (from the address)\n\nHorgos trains\n\n"
        "Last year the Horgos railway port handled 7,000 freight trains.\n",
        encoding="utf-8",
    )
    (tmp_path / "gold.csv").write_text(
        "article,as_written,value,unit,entity_id,metric,metric_new,period,qualifier,kind,note\n"
        '01_a.txt,"7,000",7000,count,horgos-rail,china_europe_trains,,2022,,fact,\n',
        encoding="utf-8",
    )
    scores = evaluate(tmp_path, settings.DATA_DIR)
    assert (scores.recalled, scores.period) == (1, 1)  # "last year" read against 2023
