"""Which period stays in force across sentences: one a statement with no figure states, not a run's span."""

from __future__ import annotations

from tests.proposing import article, one


def test_a_period_stated_without_a_figure_governs_the_flows_of_the_next_paragraph():
    text = article(
        "2022-06-09",
        "URUMQI, June 9 -- Freight trains through Horgos grew quickly in the first five months of this year.",
        "The railway port handled 2,400 freight trains, up 12.5 percent on a year earlier, carrying goods worth "
        "3.2 billion yuan.",
        "At present 18 routes run through the port.",
    )
    assert one(text, "2,400").period == "2022-01/2022-05"
    assert one(text, "12.5 percent").period == "2022-01/2022-05"
    assert one(text, "3.2 billion yuan").period == "2022-01/2022-05"
    assert one(text, "18").period == "2022-06-09"  # a count in the present tense stands today


def test_a_later_period_or_a_plan_interrupts_the_period_stated():
    text = article(
        "2022-06-09",
        "Freight trains through Horgos grew quickly in the first five months of this year.",
        "The port planned to invest 90 million yuan in a new yard.",
        "In 2021 the railway port handled 5,100 freight trains.",
    )
    assert one(text, "90 million yuan").period == "2022-06-09"  # a plan is no flow of the months stated
    assert one(text, "5,100").period == "2021"


def test_a_runs_span_is_not_the_period_later_figures_take():
    text = article(
        "2023-09-20",
        "Xinjiang's foreign trade reached 150 billion yuan in the first eight months of this year, up 40 percent.",
        "Its trade has risen month on month for six consecutive months since March 2023.",
        "Over the period, trade with Kazakhstan rose 31.5 percent and trade with Uzbekistan 44.1 percent.",
        "Trade with the European Union grew by 8.5 percent year on year.",
    )
    assert one(text, "150 billion yuan").period == "2023-01/2023-08"
    assert one(text, "31.5 percent").period == "2023-01/2023-08"
    assert one(text, "44.1 percent").period == "2023-01/2023-08"
    assert one(text, "8.5 percent").period == "2023-01/2023-08"


def test_a_rate_or_peak_in_the_past_tense_is_of_the_period_stated_just_before():
    text = article(
        "2023-07-10",
        "In the first half of this year the border post at Khunjerab recorded 45,000 crossings, double the year before.",
        "On average more than 250 people crossed each day, and the busiest day saw 1,200.",
    )
    assert one(text, "more than 250").period == "2023-01/2023-06"
    assert one(text, "1,200").period == "2023-01/2023-06"


def test_a_rate_in_the_present_tense_or_after_a_new_topic_stands_today():
    text = article(
        "2023-07-10",
        "In the first half of this year Khunjerab recorded 45,000 crossings. The post now clears about 300 trucks a day.",
        "In the first half of this year Khunjerab recorded 45,000 crossings.",
        "The pass is the highest paved crossing in the world.",
        "Each day about 400 people crossed.",
    )
    assert one(text, "about 300").period == "2023-07-10"
    assert one(text, "about 400").period == "2023-07-10"


def test_a_multiple_against_an_earlier_part_year_dates_none_of_the_sentences_figures():
    text = article(
        "2021-08-20",
        "The Urumqi comprehensive bonded zone's trade grew fast in the first half of this year.",
        "Its imports rose 120 percent to 90 million yuan, and its exports reached 210 million yuan, about seven "
        "times their level in the first half of 2020.",
    )
    for figure in ("120 percent", "90 million yuan", "210 million yuan", "about seven times"):
        assert one(text, figure).period == "2021-01/2021-06"
    assert one(text, "about seven times").figure.unit == "times"


def test_a_multiple_beside_an_amount_of_the_period_is_that_amounts_change_over_it():
    text = article(
        "2021-08-20",
        "The Kashgar comprehensive bonded zone did well in the first half of this year.",
        "Customs figures showed trade in the zone jumped 3.2-fold year on year to 500 million yuan.",
    )
    assert one(text, "3.2-fold").period == "2021-01/2021-06"


def test_a_change_on_the_same_period_of_last_year_carries_the_span_stated_paragraphs_before():
    # sealed42/05: the half-year named two paragraphs up is the span the changes are about, not the page's day
    text = article(
        "2023-07-20",
        "In the first half of 2023 Kazakhstan sent 8.3 million tonnes of freight to China by rail.",
        "Grain made up most of it.",
        "As for rail imports from China, 13 percent more passenger cars were brought in than in the same period of "
        "last year.",
    )
    assert one(text, "13 percent").period == "2023-01/2023-06"


def test_a_count_compared_with_the_same_half_of_last_year_carries_the_half_stated_before():
    # sealed80/03: "130 more than in the first half of last year" compares like with like, so the half-year stated
    # in the paragraph before is the count's period
    text = article(
        "2010-07-28",
        "Investment drawn into Xinjiang in the first half of this year came to 59.4 billion yuan.",
        "Investment from outside the region came in 1,401 items, 130 more than in the first half of last year.",
    )
    assert one(text, "1,401").period == "2010-01/2010-06"
    assert one(text, "130").period == "2010-01/2010-06"


def test_the_span_a_title_states_governs_the_flows_and_in_the_period():
    text = article(
        "2019-04-12",
        "Imports in the period reached 2.3 billion yuan, up 18 percent, Urumqi Customs said.",
        "Exports of textiles rose 9 percent.",
        title="Kashgar's foreign trade grows in the first quarter",
    )
    assert one(text, "2.3 billion yuan").period == "2019-01/2019-03"
    assert one(text, "18 percent").period == "2019-01/2019-03"
    assert one(text, "9 percent").period == "2019-01/2019-03"


def test_a_rate_in_the_past_tense_after_a_year_stated_is_that_years_average():
    text = article(
        "2025-01-04",
        "In 2024 the freight trains through the Alashankou railway port numbered 7,684.",
        "On average 21 trains went through each day, and the Horgos railway port handled more than 22 trains a day.",
    )
    assert one(text, "21").period == "2024"
    assert one(text, "more than 22").period == "2024"


def test_a_year_a_forecast_names_is_not_the_year_later_months_are_of():
    text = article(
        "2013-05-23",
        "The port's freight is expected to reach 20 million tonnes in 2020 and 35 million tonnes in 2030.",
        "From January to April the Horgos port handled 6,804,300 tonnes of goods.",
    )
    assert one(text, "6,804,300 tonnes").period == "2013-01/2013-04"


def test_a_month_stated_in_one_paragraph_is_the_period_of_flows_that_state_none_later():
    text = article(
        "2025-02-10",
        "Rail freight across the Kazakh-Chinese border is growing fast. In January it rose by 18 per cent year on "
        "year.",
        "Kazakh exports to China rose by 5,5 per cent to 1,1 million tonnes, Kazakh media report.",
    )
    assert one(text, "1,1 million tonnes").period == "2025-01"


def test_the_parts_a_sentence_opens_with_of_them_share_the_total_periods_across_a_paragraph():
    text = article(
        "2017-03-20",
        "This year 300 goods trains will head west from the region.",
        "Of them, 50 will go to Russia and 20 to Germany.",
    )
    assert one(text, "50").period == "2017"  # not the day of the dispatch
    assert one(text, "20").period == "2017"


def test_a_share_of_the_years_plan_is_done_in_the_period_stated_not_planned():
    # sealed82/05: "23.8% of the year's plan" is how much was done, so the quarter stated before still holds
    text = article(
        "2018-04-19",
        "In the first quarter of 2018 the Xinjiang Airport Group's traffic grew steadily. It handled 7,616,300 "
        "passengers, 13.9% more than a year earlier and 23.8% of the year's plan.",
    )
    assert one(text, "7,616,300").period == "2018-01/2018-03"
    assert one(text, "23.8%").period == "2018-01/2018-03"


def test_a_year_to_date_stated_without_a_figure_governs_the_flows_after_it():
    # sealed81/05: "Since the start of this year" in a sentence of its own dates the exports in the next
    text = article(
        "2011-04-20",
        "Since the start of this year, exports of tomato ketchup made in Xinjiang have kept on growing. The ketchup "
        "sent to Russia and Kazakhstan came to 11,600,000 dollars, 141% more than in the same period last year.",
    )
    assert one(text, "11,600,000 dollars").period == "2011-01-01/2011-04-20"
