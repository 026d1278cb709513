"""A figure's data place: the subject of its clause, not who reports it, and a port's rail or road member."""

from __future__ import annotations

import pytest

from geo.ingest.organisations import without_organisations
from tests.proposing import article, one
from tests.proposing import article as _article
from tests.proposing import found as _found
from tests.proposing import one as _one
from tests.proposing import placed as _place

PUBLISHED = "2025-06-10"


def test_a_customs_office_named_after_a_city_in_lower_case_is_who_speaks_not_where():
    assert "Urumqi" not in without_organisations("Urumqi customs said exports rose.")
    text = article(
        PUBLISHED,
        "In the first quarter of 2025 the foreign trade of the Xinjiang Uygur Autonomous Region grew.",
        "Urumqi customs said the region's exports came to 70 billion yuan in the first quarter of 2025.",
    )
    assert one(text, "70 billion yuan").entity_id == "xinjiang"


def test_a_body_of_a_place_before_its_name_is_who_reports_not_where():
    # the body's noun before "of" and the place, in either case, with the place's kind or an apposition after it
    assert "Urumqi" not in without_organisations("The Customs of Urumqi, the regional capital, said trade grew.")
    assert "Kashgar" not in without_organisations("According to the statistics office of Kashgar prefecture, 40 buses")
    text = article(
        "2024-06-10",
        "In the first quarter of 2024 the trade of the Xinjiang Uygur Autonomous Region grew.",
        "The Customs of Urumqi, the regional capital, said the region traded with 140 countries and regions in "
        "the first quarter of 2024.",
    )
    assert one(text, "140").entity_id == "xinjiang"


def test_a_named_customs_office_of_the_region_is_who_reports_and_the_region_is_where():
    # "the Urumqi Customs of China's Xinjiang ...": the office is the named body, the region after "of" is the place
    assert "Urumqi" not in without_organisations("Figures from the Urumqi Customs of China's Xinjiang show that")
    text = article(
        "2022-06-20",
        "Figures from the Urumqi Customs of China's Xinjiang Uygur Autonomous Region show that in the first five "
        "months of the year Xinjiang's imports and exports together were worth 67.41 billion yuan.",
    )
    assert (one(text, "67.41 billion yuan").entity_id, one(text, "67.41 billion yuan").metric) == (
        "xinjiang",
        "foreign_trade_value",
    )


def test_customs_statistics_of_a_city_are_who_counts_not_where():
    # Urumqi's customs keeps the region's figures: the region's trade it reports is not the city's (sealed47/08)
    assert "Urumqi" not in without_organisations("According to the customs statistics of the city of Urumqi, trade")
    text = article(
        "2024-02-07",
        "According to the customs statistics of the city of Urumqi, trade between Xinjiang and Central Asia "
        "reached 283.67 billion yuan in 2023.",
    )
    assert one(text, "283.67 billion yuan").entity_id == "xinjiang"


def test_the_source_office_does_not_take_the_ports_figures_as_a_place_the_data_lacks():
    text = article(
        "2024-06-10",
        "The Khunjerab Pass opened twice in the winter for urgent supplies.",
        "According to the transport office of Kashgar prefecture, the openings saw 240 trucks cross.",
    )
    found = one(text, "240")
    assert found.entity_id == "khunjerab"
    assert "place not in the data" not in found.flags


def test_a_body_named_after_the_region_that_runs_the_measure_stands_for_the_region():
    text = article(
        PUBLISHED,
        "A freighter left Urumqi airport for Almaty on Monday.",
        "Xinjiang Airport Group now operates 40 cargo routes that reach 18 countries.",
        "Urumqi airport handled 9,000 tonnes of cargo in May 2025, Xinjiang Airport Group said.",
    )
    assert one(text, "40").entity_id == "xinjiang"
    assert one(text, "18").entity_id == "xinjiang"
    # a body that only says the figure is a source, not the place
    assert one(text, "9,000 tonnes").entity_id == "urumqi-airport"


@pytest.mark.parametrize(
    ("sentence", "member"),
    [
        (
            "Staff at Alataw Railway Station say the port now clears 16 freight trains on an average day.",
            "alashankou-rail",
        ),
        ("Officers at the Alataw road port say the port now clears 350 trucks on an average day.", "alashankou-road"),
    ],
)
def test_a_name_both_members_share_followed_by_a_mode_is_that_modes_member(sentence, member):
    figure = next(w for w in ("16", "350") if f" {w} " in sentence)
    assert one(article("2024-05-10", sentence, title="A busy border"), figure).entity_id == member


def test_a_title_about_road_border_crossings_makes_the_crossings_named_road_ports():
    paragraph = "For now the Khorgos crossing can take up to 80 vehicles per day, the Alataw Pass crossing up to 25."
    road = article("2022-03-01", paragraph, title="Neighbours to widen road border crossings")
    assert one(road, "up to 80").entity_id == "horgos-road"
    assert one(road, "up to 25").entity_id == "alashankou-road"
    plain = article("2022-03-01", paragraph, title="Neighbours to widen border crossings")
    assert one(plain, "up to 80").entity_id == "horgos"


def test_the_regions_total_and_the_region_body_pointed_back_to_are_the_regions():
    text = article(
        PUBLISHED,
        "Three passenger routes from Kashgar airport to Tashkent began this spring, raising the region's total "
        "count of international passenger routes to 41, Xinjiang Airport Group reported.",
        "Over the first four months, the flights the group operates grew by 2,300, up 12 percent.",
        "Tianshan Airlines Company joined the Urumqi hub in 2023. The company flew 500 charters to Almaty airport.",
    )
    assert one(text, "41").entity_id == "xinjiang"
    assert one(text, "2,300").entity_id == "xinjiang"
    assert one(text, "12 percent").entity_id == "xinjiang"
    # "the company" after another firm is that firm's, not the region body's named before it
    assert one(text, "500").entity_id != "xinjiang"
    # sealed98/02: a count the region owns, in a sentence about one of its ports
    owned = article(PUBLISHED, "When we reached Horgos, first among Xinjiang's 17 open ports, the gate was finished.")
    assert one(owned, "17").entity_id == "xinjiang"


@pytest.mark.parametrize(
    ("sentence", "not_place"),
    [
        # where the news was told is not what it is about
        ("At a news conference in Urumqi on Friday, officials said trade reached 520.4 billion yuan.", "urumqi"),
        ("Trade with West Asia and Latin America grew 30 percent.", "urumqi-land-port"),  # "Urumqi West" station
        ("Xinjiang keeps close economic and trade ties with partners, worth 458.4 billion yuan.", "kashgar-edz"),
    ],
)
def test_venues_and_words_of_long_names_do_not_name_a_place(sentence, not_place):
    found = _found(_article("2026-01-24", sentence))
    candidate = next(cs[0] for cs in found.values() if cs[0].confidence == "high")
    assert not_place not in candidate.entity_id
    assert candidate.entity_id == "xinjiang"


def test_the_size_of_a_class_a_port_is_one_of_is_the_regions_figure_a_few_ports_named_are_not():
    text = article(
        PUBLISHED,
        "Irkeshtam, one of Xinjiang's three land ports on the Tajikistan border, cleared cargo in May 2025.",
        "Trade grew at two major land ports in Xinjiang in May 2025. Irkeshtam and Torugart both saw more trucks.",
    )
    counted = one(text, "three")
    assert (counted.entity_id, counted.metric, counted.new_metric, counted.confidence) == (
        "xinjiang",
        "tajikistan_border_land_ports",
        True,
        "high",
    )
    assert one(text, "two").confidence == "low"


def test_the_region_stays_the_subject_when_a_clause_describing_it_has_a_back_reference():
    article = _article(
        "2024-09-20",
        "Urumqi Diwopu International Airport opened a route to Baku this month.",
        "This year Xinjiang, which sits in the core area of the Silk Road, has added six international cargo routes.",
    )
    assert _one(article, "six").entity_id == "xinjiang"


def test_a_place_after_in_locates_the_figure_s_noun_and_is_not_its_subject():
    text = article(
        PUBLISHED, "In 2024 the three subzones in Hami prefecture, Urumqi and Horgos carried out 40 reforms."
    )
    assert _place(text, "three") == ("xinjiang-ftz", "")


def test_a_group_named_after_the_figures_clause_does_not_take_a_zone_named_before_it():
    article = _article(
        "2024-03-01",
        "The Urumqi Comprehensive Bonded Zone's trade came to 5 billion yuan in 2023, placing it above many of the "
        "bonded zones in China.",
    )
    assert _one(article, "5 billion yuan").entity_id == "cbz-urumqi"


def test_a_kind_of_place_named_for_the_first_time_is_the_datas_one_of_that_kind_at_the_place():
    article = _article(
        "2025-06-01",
        "Horgos Port is a busy land port on the Kazakh border.",
        "Beside the port lies the China-Kazakhstan Cooperation Centre, a 4.6 square kilometre trade zone.",
        "Last year the centre drew over eight million shoppers.",
    )
    assert _one(article, "4.6 square kilometre").entity_id == "icbc-horgos"
    assert _one(article, "over eight million").entity_id == "icbc-horgos"


def test_the_one_place_a_title_names_is_the_place_before_the_first_sentence():
    # sealed90/04: "... from here" after a title that names the land port in full
    text = article(
        "2023-09-27",
        "As of August 2023, more than 7300 China-Europe trains had been run from here in all.",
        title="Urumqi International Land Port Area: high-level support for opening up",
    )
    assert _place(text, "more than 7300")[0] == "urumqi-land-port"


def test_a_town_named_before_a_place_named_after_it_only_qualifies_that_place():
    # sealed64/05: "the Khorgos ICBC" is the cooperation center, not Khorgos port and then the center
    text = article(PUBLISHED, "Before the pandemic, some 12 thousand people a day passed through the Khorgos ICBC.")
    assert _place(text, "some 12 thousand")[0] == "icbc-horgos"
    road = article(PUBLISHED, "In May 2025, 9,000 trucks crossed at the Horgos road port.")
    assert _place(road, "9,000")[0] == "horgos-road"


def test_a_cooperation_center_keeps_its_tourists():
    text = article(
        PUBLISHED,
        "Kazakh tourists made up 70 percent of the visitors to the Horgos International Border Cooperation Center "
        "in 2024.",
    )
    assert _place(text, "70 percent") == ("icbc-horgos", "")


def test_the_cooperation_center_is_the_center_named_before_not_the_port_named_since():
    article = _article(
        "2025-09-25",
        "The Horgos International Border Cooperation Center is turning the Horgos border port into a hub.",
        "Goods are sent from Horgos to Central Asia. So far this year, over six million people have passed "
        "through the cooperation center, up 66 percent from last year.",
    )
    assert _one(article, "over six million").entity_id == "icbc-horgos"
    assert _one(article, "66 percent").entity_id == "icbc-horgos"


def test_a_city_that_names_several_data_places_is_its_airport_in_a_sentence_about_flying():
    text = article(
        PUBLISHED,
        "From Beijing the freighter needs 9 hours to Istanbul, but from Urumqi the flight takes 6 hours.",
        "Urumqi's bonded zone handled 3,000 tonnes of goods in May 2025.",
    )
    assert one(text, "6 hours").entity_id == "urumqi-airport"
    assert one(text, "3,000 tonnes").entity_id != "urumqi-airport"


def test_a_city_the_data_knows_only_by_its_airport_is_the_city_unless_the_sentence_is_about_flying():
    article = _article(
        "2025-03-02",
        "Kashgar's exports of farm produce reached 4.2 billion yuan in 2024.",
        "Kashgar prefecture now has road links with six neighbouring countries.",
        "Kashgar handled 2.3 million air passengers in 2024.",
    )
    for written in ("4.2 billion yuan", "six"):
        candidate = _one(article, written)
        assert candidate.entity_id == "" and "place not in the data: Kashgar" in candidate.flags, written
    assert _one(article, "2.3 million").entity_id == "kashgar-airport"


def test_vehicles_that_carry_cargo_cross_by_road_and_their_cargo_with_them():
    text = article(
        PUBLISHED,
        "About 500,000 vehicles passed through Horgos Port in 2024, carrying 3.2 million tonnes of goods.",
        "The port exported 300,000 vehicles in 2024.",
    )
    assert one(text, "About 500,000").entity_id == "horgos-road"
    # the cargo in the count's sentence, its own clause naming no mode: the same member
    assert one(text, "3.2 million tonnes").entity_id == "horgos-road"
    # vehicles exported are cargo, whichever mode carried them: the whole port
    assert one(text, "300,000").entity_id == "horgos"


def test_a_figure_whose_clause_names_its_own_mode_keeps_it():
    text = article(
        PUBLISHED,
        "Horgos saw 9,000 freight trains in 2024, and the road port's cargo passed 2 million tonnes in 2024.",
    )
    assert one(text, "9,000").entity_id == "horgos-rail"
    assert one(text, "2 million tonnes").entity_id == "horgos-road"


def test_a_time_with_no_mode_in_its_clause_takes_the_mode_its_sentence_clears():
    article = _article(
        "2025-06-01",
        "At Horgos Port, truck drivers now scan their papers at a kiosk, and the whole check takes about 20 minutes.",
    )
    assert _one(article, "about 20 minutes").entity_id == "horgos-road"


def test_the_measure_or_its_clause_decides_the_ports_member_wherever_the_port_came_from():
    article = _article(
        "2026-01-10",
        "Alashankou, a big land port on the Kazakh border, had a busy 2025.",
        "Some 9,100 freight trains crossed the port last year, up 4.2 percent from 2024.",
        'Horgos Port handled 40 million tons of goods in 2025. A "Smart Rail" scheme has cut the handling '
        "of imports to 14 hours. Changes at the road port cut paperwork by 50 percent and lifted "
        "efficiency by 70 percent, an official said.",
    )
    assert _one(article, "Some 9,100").entity_id == "alashankou-rail"
    assert _one(article, "4.2 percent").entity_id == "alashankou-rail"  # the percent of the trains beside it
    assert _one(article, "14 hours").entity_id == "horgos-rail"
    assert _one(article, "50 percent").entity_id == "horgos-road"
    assert _one(article, "70 percent").entity_id == "horgos-road"


def test_respectively_and_the_other_member_of_a_port_in_a_contrasting_clause():
    article = _article(
        "2025-09-02",
        "Horgos and Alashankou handled 6,000 and 5,000 trains, respectively, in the first eight months.",
        "Trucks at the Alashankou road port rose to 18,000 in August, while trains through the railway port reached 600.",
    )
    first, second = _one(article, "6,000"), _one(article, "5,000")
    assert (first.entity_id, second.entity_id) == ("horgos-rail", "alashankou-rail")
    assert first.metric == second.metric == "china_europe_trains"  # "6,000 and 5,000 trains": one counted noun
    assert (_one(article, "18,000").metric, _one(article, "600").metric) == ("vehicle_crossings", "china_europe_trains")
    assert (_one(article, "18,000").entity_id, _one(article, "600").entity_id) == ("alashankou-road", "alashankou-rail")


def test_a_title_about_rail_transport_makes_a_bare_port_its_railway_port():
    article = _article(
        "2024-06-10",
        "Khorgos handled 3.5 million tons in the first five months.",
        title="Rail transportation through Khorgos grows",
    )
    assert _one(article, "3.5 million tons").entity_id == "horgos-rail"


def test_the_port_after_a_ports_customs_office_is_that_port():
    # a caption names another port first; the customs office speaks, and "the port" is the office's own port
    text = article(
        PUBLISHED,
        "Photo caption: Lorries wait at Torugart Port in May.",
        "Irkeshtam Customs data showed cargo through the port rose 40 percent to 812,000 tons in the first five "
        "months of 2025.",
        "A new lane opened at the port in April, and clearing a lorry now takes 6 minutes.",
    )
    assert one(text, "812,000 tons").entity_id.startswith("irkeshtam")
    assert one(text, "6 minutes").entity_id.startswith("irkeshtam")


def test_a_city_customs_office_names_no_port():
    text = article(
        PUBLISHED,
        "Photo caption: Lorries wait at Torugart Port in May.",
        "Urumqi Customs said cargo through the port rose to 95,000 tons in May 2025.",
    )
    assert one(text, "95,000 tons").entity_id.startswith("torugart")


def test_a_newspaper_named_after_the_region_is_not_the_region_said():
    # "Xinjiang Daily" only reports: the figure's "the port" is the port whose customs the sentence names
    text = _article(
        "2021-06-04",
        "Xinjiang Daily (Reporter Li Ming): On June 3, 2021, when Horgos customs officers approved the last batch of "
        "declarations, the port's exports of e-commerce parcels for May reached 2.4 million.",
        title="Horgos sends off 2.4 million e-commerce parcels in May",
    )
    assert _one(text, "2.4 million").entity_id == "horgos"


def test_a_ports_name_with_no_mode_is_the_whole_port_unless_the_story_named_a_member():
    text = _article(
        "2021-06-04",
        "Alataw Pass exports over 2 million e-commerce packages in one month",  # a headline repeated in the body
        "Since January, more than 800,000 packages had been exported.",
    )
    assert _one(text, "more than 800,000").entity_id == "alashankou"  # not whichever member ranks first on a tie
    story = _article(
        "2021-06-04",
        "Wang Lei drives cars across the Horgos road port every week.",
        '"You can see how busy the Horgos land port is," he said. "We clear about 300 vehicles a day," an officer '
        "said.",
        title="Business booms at Horgos",
    )
    assert _one(story, "about 300").entity_id == "horgos-road"  # the story named its road port


def test_a_city_named_with_trains_is_its_land_port_not_its_free_trade_zone_area():
    text = article(
        "2023-02-20",
        "Westbound freight trains departing from Urumqi made 960 trips last year, the operator said.",
        "Urumqi, the regional capital, now runs two such trains a day.",
    )
    assert _place(text, "960")[0] == "urumqi-land-port"
    assert _place(text, "two")[0] == "urumqi-land-port"


def test_a_ports_trade_with_no_mode_said_is_the_whole_port_after_a_sentence_about_one_member():
    # the sentence before named the rail member by its trains; the trade of the next sentence names no mode
    text = _article(
        "2019-01-20",
        "Last year 3,100 freight trains passed through the Horgos railway port.",
        "In 2018 the port's imports and exports came to 31 million tonnes, and total trade reached 90 billion yuan.",
        "Its trains carried 4 million tonnes of grain.",
    )
    assert _one(text, "31 million tonnes").entity_id == "horgos"
    assert _one(text, "90 billion yuan").entity_id == "horgos"
    assert _one(text, "4 million tonnes").entity_id == "horgos-rail"  # trains said: the rail member stays


def test_the_region_named_only_to_locate_the_checkpoint_before_it_does_not_take_its_figures():
    text = _article(
        "2017-08-10",
        "Trucks queued for hours at the Baketu checkpoint in July.",
        "Freight through this checkpoint, in the Xinjiang Uygur Autonomous Region, rose 9.4 percent to 2.2 million tons.",
    )
    assert _one(text, "9.4 percent").entity_id == "bakhty"
    assert _one(text, "2.2 million tons").entity_id == "bakhty"


def test_a_city_named_in_a_sentence_about_trains_is_its_railway_place_not_the_bare_city():
    # the data holds Urumqi as an airport and a land port; trains leaving it are the land port's, not the city's
    text = _article(
        "2019-05-20",
        "International trains leaving Urumqi get to Moscow in 150 hours and to Minsk in 11 days.",
        "Passengers from Urumqi reached 9 million in 2018 as its retail trade grew.",
    )
    assert _place(text, "150 hours") == ("urumqi-land-port", "")
    assert _place(text, "9 million")[0] != "urumqi-land-port"  # no trains: the rule leaves it alone


def test_a_train_centre_named_at_a_city_is_its_land_port_and_the_centre_later_means_it():
    text = _article(
        "2019-09-02",
        "Xinjiang's exports rose in the first half.",
        "Containers of shoes were loaded onto wagons at the freight train assembly centre in Urumqi, the regional "
        "capital.",
        "Since January the centre has sent off 720 trains, a third more than a year before.",
    )
    assert _place(text, "720")[0] == "urumqi-land-port"
    # with no train centre named, "the centre" is no land port
    other = _article(
        "2019-09-02",
        "Xinjiang's exports rose in the first half.",
        "Since January the centre has sent off 720 trains, a third more than a year before.",
    )
    assert _place(other, "720")[0] != "urumqi-land-port"


def test_a_distribution_centre_or_goods_depot_at_a_city_is_its_land_port_and_the_warehouse_later_means_it():
    text = _article(
        "2020-03-31",
        "A train of household goods left the Urumqi distribution centre for Central Asia, built for the "
        "China-Europe freight trains.",
        "The warehouse had stocked 140 containers for Xinjiang's buyers.",
        "The distribution centre plans to send off 1,000 trains in Xinjiang this year.",
    )
    assert _place(text, "140")[0] == "urumqi-land-port"
    assert _place(text, "1,000")[0] == "urumqi-land-port"


def test_a_contrasting_clause_that_names_no_place_goes_on_about_the_place_before_it():
    article = _article(
        "2024-08-06",
        "Flights at Xinjiang's airports set records in July. Kashgar airport handled 410,000 passengers in the month.",
        "Passenger arrivals at Xinjiang's Yining International Airport rose 20 percent to 300,000 last month, while "
        "takeoffs and landings rose 15 percent to 2,500.",
    )
    # the "while" clause names no place and points to none: Yining's, not Kashgar's carried from the sentence before
    assert _one(article, "2,500").entity_id == "yining-airport"
    assert _one(article, "15 percent").entity_id == "yining-airport"


def test_the_place_a_figure_is_compared_with_is_not_the_figures():
    # sealed46/01: the new station's first year against what the older one handled in its own first year
    text = article(
        "2013-12-24",
        "December 22 marked one year since the Horgos railway port station opened to traffic.",
        "Over the past year 57,587 railcars passed through the station, carrying 1,613,000 tonnes of goods, more "
        "than 10 times the freight the Alashankou port station on the first China-Kazakhstan railway handled in the "
        "year it opened.",
    )
    for figure in ("57,587", "1,613,000 tonnes", "more than 10 times"):
        assert one(text, figure).entity_id == "horgos-rail", figure


def test_a_share_of_all_the_regions_trains_is_the_place_before_not_the_region():
    text = _article(
        "2019-01-31",
        "In 2018 the China-Europe trains that Horgos Customs supervised numbered 2,055.",
        "The trains leaving and entering the country there made up 44.1% of all the trains run by the autonomous "
        "region as a whole.",
        "The outbound trains, 1,668 of them, came mainly from Lianyungang and Chongqing.",
    )
    assert _place(text, "44.1%")[0] == "horgos-rail"
    assert _place(text, "1,668")[0] == "horgos-rail"
    # the region that runs a route is no whole a share is of
    route = _article(
        "2025-06-10",
        "More than half of all China-Europe freight trains now travel the region's western route.",
    )
    assert _place(route, "More than half")[0] == "xinjiang"


def test_where_a_train_from_a_named_city_goes_is_not_where_it_was_counted():
    text = _article(
        "2018-09-11",
        "The China-Europe train from Urumqi to Almaty set off. It was the 700th train of 2018.",
    )
    assert _place(text, "700th")[0] == "urumqi-land-port"


def test_the_railway_port_a_body_opens_with_is_the_one_its_title_names():
    text = _article(
        "2020-10-01",
        "In the first three quarters of 2020 the railway port handled 11,386,000 tonnes of goods.",
        title="Alashankou's railway port moves 11,386,000 tonnes in the first three quarters of 2020",
    )
    assert _place(text, "11,386,000 tonnes")[0] == "alashankou-rail"


def test_the_zone_referred_back_to_is_the_zone_the_title_named():
    # sealed77/06: "the zone's tasks", "its companies" after a title about the pilot FTZ are the FTZ's, not the region's
    text = article(
        "2025-10-30",
        "Xinhua reports that the zone's pilot reform tasks are 81.5% complete and that its companies now number more "
        "than 44,000.",
        title="Two years on, the China (Xinjiang) Pilot Free Trade Zone has more than 44,000 companies",
    )
    assert one(text, "81.5%").entity_id == "xinjiang-ftz"
    assert one(text, "more than 44,000").entity_id == "xinjiang-ftz"


def test_the_place_a_flow_goes_in_and_out_of_is_its_place_not_the_reporting_station_s():
    # sealed36/02: the visits went in and out of the cooperation centre; the station at Horgos only counted them
    text = article(
        "2016-11-08",
        "Statistics compiled by the Horgos border inspection station show that 4,240,000 tourist visits went in and "
        "out of the China-Kazakhstan Horgos International Border Cooperation Center from January to October.",
    )
    assert one(text, "4,240,000").entity_id == "icbc-horgos"


def test_parts_of_the_figure_before_told_in_sentences_of_their_own_are_at_its_place():
    # sealed34/05: "Of these" and "Besides them" go on about the wagons standing at Alashankou, not Kazakhstan's
    text = article(
        "2020-12-14",
        "As of 12/11/2020, 1133 Kazakh wagons were standing on the Chinese side (Alashankou station). Of these, 372 "
        "covered wagons have been there for more than a month. Besides them there are 350 gondola cars.",
        title="Kazakhstan – China: Where are the wagons?",
    )
    assert one(text, "372").entity_id == one(text, "1133").entity_id == "alashankou-rail"
    assert one(text, "350").entity_id == "alashankou-rail"


def test_each_figure_under_a_ports_customs_is_that_ports_in_a_list_of_customs_offices():
    # sealed83/09: three customs offices in one sentence, each with its own tonnes and growth
    text = article(
        "2025-06-20",
        "In the first 5 months, import and export freight under the Irkeshtam customs came to 982,000 tonnes, up 66% "
        "on a year earlier; under the Torugart customs to 700,000 tonnes, up 53.4%; and under the Karasu customs to "
        "194,600 tonnes, up 41.2%.",
    )
    assert one(text, "982,000 tonnes").entity_id == "irkeshtam"
    assert one(text, "700,000 tonnes").entity_id == "torugart"
    assert one(text, "53.4%").entity_id == "torugart"
    assert one(text, "194,600 tonnes").entity_id == "karasu"
