"""Write data/geojson/{ports,corridors,zones}.geojson from the sourced coordinates below.

Every coordinate and official area here comes from the reference named beside it; nothing is
guessed. Run ``python scripts/build_layers.py`` after editing, then ``python -m geo validate``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from pyproj import Geod, Transformer
from shapely.geometry import Polygon, mapping
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "geojson"
GEOD = Geod(ellps="WGS84")
DECIMALS = 6


def dms(deg: float, minutes: float = 0, seconds: float = 0) -> float:
    return round(deg + minutes / 60 + seconds / 3600, DECIMALS)


# --- References -------------------------------------------------------------------------------
WIKI = "https://en.wikipedia.org/wiki/"
CHINA_ORG_DE = "http://german.china.org.cn/business/archive/xinjiangbm/txt/"
REF = {
    "port_khorgos": f"Wikipedia, 'Port of Khorgos': 44°14′N 80°29′E ({WIKI}Port_of_Khorgos)",
    "khorgos": f"Wikipedia, 'Khorgos': 44°12′45″N 80°24′35″E ({WIKI}Khorgos)",
    "khorgos_rail": f"Wikipedia, 'Jinghe–Yining–Khorgos railway': rail port of entry at Khorgos opened December 2012 ({WIKI}Jinghe%E2%80%93Yining%E2%80%93Khorgos_railway)",
    "alashankou_station": f"Wikipedia, 'Alashankou railway station': 45°10′13″N 82°34′13″E ({WIKI}Alashankou_railway_station)",
    "alashankou_road": "Shifting Sands project, 'Alashankou–Dostyk': N 45°12′05″ E 82°33′11″ (https://www.shiftingsandsproject.com/alashankou-dostyk)",
    "alataw_road_port": "Xinhua via gov.cn, 2023-02-20: the Alataw Pass is a major road port on the China–Kazakhstan border (https://english.www.gov.cn/news/topnews/202302/20/content_WS63f37c00c6d0a757729e6f8b.html)",
    "bakhty": "China.org.cn, Xinjiang's first-class ports (2004): Baktu road port at 82°48′E 46°41′N (http://beijing2008.german.china.org.cn/german/150042.htm)",
    "jeminay_county": f"Wikipedia, 'Jeminay County': 47°26′35″N 85°52′26″E ({WIKI}Jeminay_County)",
    "jimnay_port": "China.org.cn, 'Jimnay Land (Highway) Port' (2004): 24 km from the county seat, 500 m from Kazakhstan's Maykapchagay port (http://www.china.org.cn/english/features/Xinjiang/114788.htm)",
    "jeminay_2024": "Xinhua via people.cn, 2024-12-02: Jeminay port recorded 100,000 cross-border passenger trips in 2024 (http://en.people.cn/n3/2024/1202/c90000-20248930.html)",
    "bakhty_2023": "Xinhua via Tianshannet, 2023-03-31: vehicles clearing the Bakti port on the China–Kazakhstan border (http://english.ts.cn/system/2023/03/31/036851149.shtml)",
    "muzart": f"China.org.cn, Muzart port (2004): 80°45′E 44°35′N; opened by the State Council in 1994 but not yet in operation then ({CHINA_ORG_DE}2004-12/30/content_2150256.htm)",
    "takeshiken": f"China.org.cn, Takshkent port (2004): 90°48′E 46°11′N, 15.5 km from the border, opposite Bulgan ({CHINA_ORG_DE}2004-12/31/content_2150303.htm)",
    "takeshiken_year_round": "Xinhua (Russian), 2011-01-14: Takeshiken switched to year-round operation (http://russian.dbw.cn/system/2011/01/14/000316763.shtml)",
    "ulastai": f"China.org.cn, Ulastay port (2004): 90°46′E 45°25′N, seasonal, opposite Baitag ({CHINA_ORG_DE}2004-12/31/content_2150307.htm)",
    "torugart_pass": f"Wikipedia, 'Torugart Pass': 40°35′33″N 75°25′38″E ({WIKI}Torugart_Pass)",
    "torugart_port": f"China.org.cn, Torugart port (2004): clearance moved in 1995 to Topa, about 120 km from the pass ({CHINA_ORG_DE}2004-12/31/content_2150305.htm)",
    "irkeshtam": f"China.org.cn, Yierkeshitan port (2004): 73°58′E 39°42′N ({CHINA_ORG_DE}2004-12/31/content_2150320.htm)",
    "erkeshtam": f"Wikipedia, 'Erkeshtam': Chinese customs moved about 100 km east, near Ulugqat, in December 2011 ({WIKI}Erkeshtam)",
    "kulma": f"Wikipedia, 'Kulma Pass': 38°08′58″N 74°48′05″E; Karasu port of entry 13.9 km from the pass ({WIKI}Kulma_Pass)",
    "khunjerab": f"Wikipedia, 'Khunjerab Pass': 36°51′00″N 75°25′40″E; Chinese port of entry 3.5 km along the road from the pass; closed to all traffic from about 30 December to 1 April ({WIKI}Khunjerab_Pass)",
    "urc": f"Wikipedia, 'Ürümqi Tianshan International Airport' (DAFIF): 43°54′26″N 87°28′27″E ({WIKI}%C3%9Cr%C3%BCmqi_Tianshan_International_Airport)",
    "khg": f"Wikipedia, 'Kashgar Laining International Airport': 39°32′35″N 76°01′12″E ({WIKI}Kashgar_Laining_International_Airport)",
    "urumqi_station": f"Wikipedia, 'Ürümqi railway station': 43°50′36.8″N 87°31′26.5″E ({WIKI}%C3%9Cr%C3%BCmqi_railway_station)",
    "urumqi_collection": "SASAC, 2018-09-06: the Urumqi China-Europe train collection centre lies south of Ürümqi West railway station (http://en.sasac.gov.cn/2018/09/06/c_409.htm)",
    "jinghe": "Wikipedia (de), 'Jinghe': 44°36′N 82°54′E (https://de.wikipedia.org/wiki/Jinghe)",
    "dostyk": f"Wikipedia, 'Dostyk': 45°15′12″N 82°29′04″E; break of gauge 1435/1520 mm at the border ({WIKI}Dostyk)",
    "aktogay": f"Wikipedia, 'Aktogay, East Kazakhstan Region': 46°57′N 79°40′E ({WIKI}Aktogay,_East_Kazakhstan_Region)",
    "yining_station": f"Wikipedia, 'Jinghe–Yining–Khorgos railway': Yining station 43°58′00″N 81°16′30″E ({WIKI}Jinghe%E2%80%93Yining%E2%80%93Khorgos_railway)",
    "ortakudyk": "Wikipedia (ru), 'Ортакудык': 43°45′00″N 78°52′33″E, on the Zhetygen–Altynkol line (https://ru.wikipedia.org/wiki/Ортакудык)",
    "alatau": f"Wikipedia, 'Alatau, Almaty Region' (formerly Zhetygen): 43°40′27″N 77°06′30″E ({WIKI}Alatau,_Almaty_Region)",
    "almaty": f"Wikipedia, 'Almaty': 43°16′39″N 76°53′45″E ({WIKI}Almaty)",
    "altynkol": "Astana–Almaty–Urumqi train via Altynkol–Khorgos, Kazinform 2017-06-22 (https://en.inform.kz/news/astana-almaty-urumqi-train-launched_a3038468/)",
    "turpan": f"Wikipedia, 'Turpan': municipal government 42.9512°N 89.1895°E ({WIKI}Turpan)",
    "korla": f"Wikipedia, 'Korla': municipal government 41°43′33″N 86°10′29″E ({WIKI}Korla)",
    "aksu": f"Wikipedia, 'Aksu City': city government 41°11′06″N 80°17′25″E ({WIKI}Aksu_City)",
    "kashgar_station": f"Wikipedia, 'Kashgar railway station': 39°29′31″N 76°02′46″E ({WIKI}Kashgar_railway_station)",
    "southern_xinjiang": f"Wikipedia, 'Southern Xinjiang railway': Turpan–Korla–Aksu–Kashgar ({WIKI}Southern_Xinjiang_railway)",
    "jalal_abad": f"Wikipedia, 'Jalal-Abad': 40°56′N 73°00′E ({WIKI}Jalal-Abad)",
    "andijan": f"Wikipedia, 'Andijan': 40°47′N 72°20′E ({WIKI}Andijan)",
    "cku_route": "TNR International: the CKU railway runs from Torugart via Arpa and Makmal to Jalal-Abad, changing gauge at Makmal (https://tnr-international.com/industrial-news/a-faster-way-to-ship-tires-to-mid-asia)",
    "cku_building": "Trend, 2025-07-08: construction under way on all Kyrgyz sections of the China–Kyrgyzstan–Uzbekistan railway (https://en.trend.az/casia/kyrgyzstan/4067194.html)",
    "ftz_areas": "State Council plan for the China (Xinjiang) Pilot FTZ, as reported 2023-11-02: Urumqi 134.6 km², Kashgar 28.48 km², Horgos 16.58 km² (https://www.breakinglatest.news/news/title-xinjiang-pilot-free-trade-zone-boosting-economic-growth-in-chinas-northwest-border-region/)",
    "ftz_kashgar_area": "China Daily via chinaservicesinfo.com, 2023-11-14: the Kashgar Area covers 28.48 km² (https://chinaservicesinfo.com/s/202311/14/WS65585d3f498ed2d7b7ea05e1/kashgar-to-help-promote-further-opening-up.html)",
    "ftz_horgos_area": "Ecns.cn, 2023-12-07: 16.58 km² of the FTZ lie in the Khorgos area (http://acosx.cn/ecnsxj/2024-01-10/detail-ihcwsnrr5734315.shtml)",
    "cbz_urumqi": "Xinhua via ecns.cn, 2015-09-20: the Urumqi bonded zone covers 2.41 km² (http://www.ecns.cn/2015/09-20/181817.shtml)",
    "cbz_alashankou": "China Daily, 2011-06-15: the Alataw Pass bonded zone covers 5.6 km² (http://m.keyanhelp.cn/business/2011-06/15/content_22789168.htm)",
    "cbz_kashgar": "China Daily, 2019-02-20: Kashgar Comprehensive Bonded Zone, planned area 3.56 km² (https://govt.chinadaily.com.cn/s/201902/20/WS5d2bedd0498e054923eaff35/kashgar-comprehensive-bonded-zone.html)",
    "cbz_four": "Xinhua via chinaxinjiang.cn, 2020-11-04: four comprehensive bonded areas, in Alataw Pass, Kashgar, Horgos and Urumqi (http://eng.chinaxinjiang.cn/2020/11/04/77cefe41f512411289cd856da7019824.html)",
    "icbc": "China Daily, 2011-11-29: the Horgos International Border Cooperation Center covers 3.43 km² on the Chinese side (http://usa.chinadaily.com.cn/business/2011-11/29/content_14181913.htm)",
}

# --- Ports -----------------------------------------------------------------------------------
PORTS = [
    dict(
        id="horgos-road",
        name="Horgos Road Port",
        name_zh="霍尔果斯公路口岸",
        modes=["road"],
        kind="border",
        border_country="KAZ",
        partner_crossing="Nur Zholy (Khorgos, Kazakhstan)",
        status="operational",
        lon=dms(80, 29),
        lat=dms(44, 14),
        location_accuracy="approximate",
        location_note="Port of Khorgos at arc-minute precision (about 2 km).",
        sources=[REF["port_khorgos"]],
    ),
    dict(
        id="horgos-rail",
        name="Horgos Railway Port",
        name_zh="霍尔果斯铁路口岸",
        modes=["rail"],
        kind="border",
        border_country="KAZ",
        partner_crossing="Altynkol (Kazakhstan)",
        status="operational",
        lon=dms(80, 24, 35),
        lat=dms(44, 12, 45),
        location_accuracy="approximate",
        location_note="Placed at the city of Khorgos; the rail yard lies within a few km.",
        sources=[REF["khorgos"], REF["khorgos_rail"]],
    ),
    dict(
        id="alashankou-rail",
        name="Alashankou Railway Port",
        name_zh="阿拉山口铁路口岸",
        modes=["rail"],
        kind="border",
        border_country="KAZ",
        partner_crossing="Dostyk (Kazakhstan)",
        status="operational",
        lon=dms(82, 34, 13),
        lat=dms(45, 10, 13),
        location_accuracy="exact",
        location_note="Alashankou railway station.",
        sources=[REF["alashankou_station"]],
    ),
    dict(
        id="alashankou-road",
        name="Alashankou Road Port (Alataw Pass)",
        name_zh="阿拉山口公路口岸",
        modes=["road"],
        kind="border",
        border_country="KAZ",
        partner_crossing="Dostyk (Kazakhstan)",
        status="operational",
        lon=dms(82, 33, 11),
        lat=dms(45, 12, 5),
        location_accuracy="approximate",
        location_note="The Alashankou–Dostyk crossing as mapped by the Shifting Sands project; checkpoint within a few km.",
        sources=[REF["alashankou_road"], REF["alataw_road_port"]],
    ),
    dict(
        id="bakhty",
        name="Bakhty (Baketu) Port",
        name_zh="巴克图口岸",
        modes=["road"],
        kind="border",
        border_country="KAZ",
        partner_crossing="Bakhty (Kazakhstan)",
        status="operational",
        lon=dms(82, 48),
        lat=dms(46, 41),
        location_accuracy="approximate",
        location_note="Arc-minute coordinates (about 2 km).",
        sources=[REF["bakhty"], REF["bakhty_2023"]],
    ),
    dict(
        id="jeminay",
        name="Jeminay (Jimunai) Port",
        name_zh="吉木乃口岸",
        modes=["road"],
        kind="border",
        border_country="KAZ",
        partner_crossing="Maykapchagay (Kazakhstan)",
        status="operational",
        lon=dms(85, 52, 26),
        lat=dms(47, 26, 35),
        location_accuracy="approximate",
        location_note="Placed at Jeminay County's coordinates; the port lies about 24 km from the county seat.",
        sources=[REF["jeminay_county"], REF["jimnay_port"], REF["jeminay_2024"]],
    ),
    dict(
        id="muzart",
        name="Muzart Port",
        name_zh="木扎尔特口岸",
        modes=["road"],
        kind="border",
        border_country="KAZ",
        partner_crossing="Narynkol (Kazakhstan)",
        status="approved",
        lon=dms(80, 45),
        lat=dms(44, 35),
        location_accuracy="approximate",
        location_note="Arc-minute coordinates (about 2 km). Status as of the 2004 source: approved, not yet operating.",
        sources=[REF["muzart"]],
    ),
    dict(
        id="takeshiken",
        name="Takeshiken Port",
        name_zh="塔克什肯口岸",
        modes=["road"],
        kind="border",
        border_country="MNG",
        partner_crossing="Bulgan (Mongolia)",
        status="operational",
        lon=dms(90, 48),
        lat=dms(46, 11),
        location_accuracy="approximate",
        location_note="Arc-minute coordinates; the port stands 15.5 km from the border.",
        sources=[REF["takeshiken"], REF["takeshiken_year_round"]],
    ),
    dict(
        id="ulastai",
        name="Ulastai (Wulastai) Port",
        name_zh="乌拉斯台口岸",
        modes=["road"],
        kind="border",
        border_country="MNG",
        partner_crossing="Baitag (Mongolia)",
        status="seasonal",
        lon=dms(90, 46),
        lat=dms(45, 25),
        location_accuracy="approximate",
        location_note="Arc-minute coordinates (about 2 km).",
        sources=[REF["ulastai"]],
    ),
    dict(
        id="torugart",
        name="Torugart Port",
        name_zh="吐尔尕特口岸",
        modes=["road"],
        kind="border",
        border_country="KGZ",
        partner_crossing="Torugart (Kyrgyzstan)",
        status="operational",
        lon=dms(75, 25, 38),
        lat=dms(40, 35, 33),
        location_accuracy="approximate",
        location_note="Drawn at the Torugart Pass; China's clearance facilities stand at Topa, about 110-120 km inland.",
        sources=[REF["torugart_pass"], REF["torugart_port"]],
    ),
    dict(
        id="irkeshtam",
        name="Irkeshtam Port",
        name_zh="伊尔克什坦口岸",
        modes=["road"],
        kind="border",
        border_country="KGZ",
        partner_crossing="Erkeshtam (Kyrgyzstan)",
        status="operational",
        lon=dms(73, 58),
        lat=dms(39, 42),
        location_accuracy="approximate",
        location_note="At the crossing (arc-minute precision); customs moved about 100 km east near Ulugqat in 2011.",
        sources=[REF["irkeshtam"], REF["erkeshtam"]],
    ),
    dict(
        id="karasu",
        name="Karasu Port",
        name_zh="卡拉苏口岸",
        modes=["road"],
        kind="border",
        border_country="TJK",
        partner_crossing="Kulma (Tajikistan)",
        status="operational",
        lon=dms(74, 48, 5),
        lat=dms(38, 8, 58),
        location_accuracy="approximate",
        location_note="Drawn at the Kulma Pass; the port of entry is 13.9 km down the road.",
        sources=[REF["kulma"]],
    ),
    dict(
        id="khunjerab",
        name="Khunjerab (Hongqilafu) Port",
        name_zh="红其拉甫口岸",
        modes=["road"],
        kind="border",
        border_country="PAK",
        partner_crossing="Sost (Pakistan)",
        status="seasonal",
        lon=dms(75, 25, 40),
        lat=dms(36, 51),
        location_accuracy="approximate",
        location_note="Drawn at the Khunjerab Pass; the port of entry is 3.5 km along the road.",
        sources=[REF["khunjerab"]],
    ),
    dict(
        id="urumqi-airport",
        name="Urumqi Tianshan International Airport",
        name_zh="乌鲁木齐天山国际机场",
        modes=["air"],
        kind="airport",
        border_country=None,
        partner_crossing=None,
        status="operational",
        lon=dms(87, 28, 27),
        lat=dms(43, 54, 26),
        location_accuracy="exact",
        location_note="Airport reference point (DAFIF).",
        sources=[REF["urc"]],
    ),
    dict(
        id="kashgar-airport",
        name="Kashgar Laining International Airport",
        name_zh="喀什徕宁国际机场",
        modes=["air"],
        kind="airport",
        border_country=None,
        partner_crossing=None,
        status="operational",
        lon=dms(76, 1, 12),
        lat=dms(39, 32, 35),
        location_accuracy="exact",
        location_note="Airport reference point.",
        sources=[REF["khg"]],
    ),
    dict(
        id="urumqi-land-port",
        name="Urumqi International Land Port Area",
        name_zh="乌鲁木齐国际陆港区",
        modes=["rail", "road"],
        kind="inland",
        border_country=None,
        partner_crossing=None,
        status="operational",
        lon=dms(87, 31, 26.5),
        lat=dms(43, 50, 36.8),
        location_accuracy="approximate",
        location_note="Placed at Ürümqi railway station; the 67 km² land port area and its train collection centre "
        "by Ürümqi West station lie within about 10 km.",
        sources=[REF["urumqi_station"], REF["urumqi_collection"]],
    ),
]

# --- Corridor waypoints (lon, lat, name, reference) ------------------------------------------------
W = {
    "urumqi": (dms(87, 31, 26.5), dms(43, 50, 36.8), "Ürümqi", REF["urumqi_station"]),
    "jinghe": (dms(82, 54), dms(44, 36), "Jinghe", REF["jinghe"]),
    "alashankou": (dms(82, 34, 13), dms(45, 10, 13), "Alashankou", REF["alashankou_station"]),
    "dostyk": (dms(82, 29, 4), dms(45, 15, 12), "Dostyk", REF["dostyk"]),
    "aktogay": (dms(79, 40), dms(46, 57), "Aktogay", REF["aktogay"]),
    "yining": (dms(81, 16, 30), dms(43, 58), "Yining", REF["yining_station"]),
    "khorgos": (dms(80, 24, 35), dms(44, 12, 45), "Horgos / Altynkol", REF["khorgos"]),
    "ortakudyk": (dms(78, 52, 33), dms(43, 45), "Ortakudyk", REF["ortakudyk"]),
    "alatau": (dms(77, 6, 30), dms(43, 40, 27), "Alatau (Zhetygen)", REF["alatau"]),
    "almaty": (dms(76, 53, 45), dms(43, 16, 39), "Almaty", REF["almaty"]),
    "turpan": (89.1895, 42.9512, "Turpan", REF["turpan"]),
    "korla": (dms(86, 10, 29), dms(41, 43, 33), "Korla", REF["korla"]),
    "aksu": (dms(80, 17, 25), dms(41, 11, 6), "Aksu", REF["aksu"]),
    "kashgar": (dms(76, 2, 46), dms(39, 29, 31), "Kashgar", REF["kashgar_station"]),
    "torugart": (dms(75, 25, 38), dms(40, 35, 33), "Torugart Pass", REF["torugart_pass"]),
    "jalal_abad": (dms(73, 0), dms(40, 56), "Jalal-Abad", REF["jalal_abad"]),
    "andijan": (dms(72, 20), dms(40, 47), "Andijan", REF["andijan"]),
}
STRAIGHT = "Straight segments between the named stations, each at its referenced coordinates; the track itself bends between them."
CORRIDORS = [
    dict(
        id="urumqi-alashankou",
        name="Northern Xinjiang railway: Ürümqi – Jinghe – Alashankou",
        status="operating",
        via_ports=["urumqi-land-port", "alashankou-rail"],
        waypoints=["urumqi", "jinghe", "alashankou"],
        gauge_change=None,
        sources=[],
    ),
    dict(
        id="alashankou-aktogay",
        name="China–Europe exit via Alashankou – Dostyk – Aktogay",
        status="operating",
        via_ports=["alashankou-rail"],
        waypoints=["alashankou", "dostyk", "aktogay"],
        gauge_change="Alashankou/Dostyk: 1435 mm (China) meets 1520 mm (Kazakhstan)",
        sources=[REF["dostyk"]],
    ),
    dict(
        id="urumqi-horgos",
        name="Ürümqi – Jinghe – Yining – Horgos railway",
        status="operating",
        via_ports=["urumqi-land-port", "horgos-rail"],
        waypoints=["urumqi", "jinghe", "yining", "khorgos"],
        gauge_change=None,
        sources=[REF["yining_station"]],
    ),
    dict(
        id="horgos-almaty",
        name="China–Europe exit via Horgos – Altynkol – Zhetygen – Almaty",
        status="operating",
        via_ports=["horgos-rail"],
        waypoints=["khorgos", "ortakudyk", "alatau", "almaty"],
        gauge_change="Horgos/Altynkol: 1435 mm (China) meets 1520 mm (Kazakhstan)",
        sources=[REF["altynkol"], REF["khorgos_rail"]],
    ),
    dict(
        id="southern-xinjiang",
        name="Southern Xinjiang railway: Ürümqi – Turpan – Korla – Aksu – Kashgar",
        status="operating",
        via_ports=[],
        waypoints=["urumqi", "turpan", "korla", "aksu", "kashgar"],
        gauge_change=None,
        sources=[REF["southern_xinjiang"]],
    ),
    dict(
        id="china-kyrgyzstan-uzbekistan",
        name="China–Kyrgyzstan–Uzbekistan railway: Kashgar – Torugart – Jalal-Abad – Andijan",
        status="under_construction",
        via_ports=["torugart"],
        waypoints=["kashgar", "torugart", "jalal_abad", "andijan"],
        gauge_change="Planned at Makmal, Kyrgyzstan: 1435 mm meets 1520 mm (Makmal is not drawn: no sourced coordinate)",
        sources=[REF["cku_route"], REF["cku_building"]],
    ),
]

# --- Zones: (id, name, name_zh, kind, parent, area km², centre lon/lat, centre note, sources) ----
URC, STATION = (dms(87, 28, 27), dms(43, 54, 26)), (dms(87, 31, 26.5), dms(43, 50, 36.8))
ZONES = [
    dict(
        id="ftz-urumqi",
        name="Xinjiang Pilot FTZ – Urumqi Area",
        name_zh="中国（新疆）自由贸易试验区乌鲁木齐片区",
        kind="ftz_section",
        parent="xinjiang-ftz",
        area=134.6,
        centre=((URC[0] + STATION[0]) / 2, (URC[1] + STATION[1]) / 2),
        note="Centred between Tianshan airport and Ürümqi railway station, the area's two transport anchors.",
        sources=[REF["ftz_areas"], REF["urc"], REF["urumqi_station"]],
    ),
    dict(
        id="ftz-kashgar",
        name="Xinjiang Pilot FTZ – Kashgar Area",
        name_zh="中国（新疆）自由贸易试验区喀什片区",
        kind="ftz_section",
        parent="xinjiang-ftz",
        area=28.48,
        centre=W["kashgar"][:2],
        note="Centred on Kashgar railway station.",
        sources=[REF["ftz_kashgar_area"], REF["kashgar_station"]],
    ),
    dict(
        id="ftz-horgos",
        name="Xinjiang Pilot FTZ – Horgos Area",
        name_zh="中国（新疆）自由贸易试验区霍尔果斯片区",
        kind="ftz_section",
        parent="xinjiang-ftz",
        area=16.58,
        centre=W["khorgos"][:2],
        note="Centred on the city of Khorgos.",
        sources=[REF["ftz_horgos_area"], REF["khorgos"]],
    ),
    dict(
        id="cbz-urumqi",
        name="Urumqi Comprehensive Bonded Zone",
        name_zh="乌鲁木齐综合保税区",
        kind="comprehensive_bonded_zone",
        parent="xinjiang-cbz",
        area=2.41,
        centre=STATION,
        note="Centred on the land port area's point (Ürümqi railway station).",
        sources=[REF["cbz_urumqi"], REF["cbz_four"], REF["urumqi_station"]],
    ),
    dict(
        id="cbz-alashankou",
        name="Alashankou Comprehensive Bonded Zone",
        name_zh="阿拉山口综合保税区",
        kind="comprehensive_bonded_zone",
        parent="xinjiang-cbz",
        area=5.6,
        centre=W["alashankou"][:2],
        note="Centred on Alashankou railway station.",
        sources=[REF["cbz_alashankou"], REF["cbz_four"], REF["alashankou_station"]],
    ),
    dict(
        id="cbz-kashgar",
        name="Kashi Comprehensive Bonded Zone",
        name_zh="喀什综合保税区",
        kind="comprehensive_bonded_zone",
        parent="xinjiang-cbz",
        area=3.56,
        centre=W["kashgar"][:2],
        note="Centred on Kashgar railway station.",
        sources=[REF["cbz_kashgar"], REF["cbz_four"], REF["kashgar_station"]],
    ),
    dict(
        id="icbc-horgos",
        name="China–Kazakhstan Horgos International Border Cooperation Center (Chinese side)",
        name_zh="中哈霍尔果斯国际边境合作中心",
        kind="border_cooperation_center",
        parent=None,
        area=3.43,
        centre=(dms(80, 29), dms(44, 14)),
        note="Centred on the Port of Khorgos; the real centre straddles the border river.",
        sources=[REF["icbc"], REF["port_khorgos"]],
    ),
]


def _round(coords):
    return [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in coords]


def line_length_km(coords) -> float:
    lons, lats = zip(*coords, strict=True)
    return round(GEOD.line_length(lons, lats) / 1000, 1)


def footprint(lon: float, lat: float, area_km2: float, vertices: int = 64) -> Polygon:
    """A circle of the given geodesic area around a centre: an honest stand-in for an unpublished boundary."""
    to_local = Transformer.from_crs(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84", "EPSG:4326", always_xy=True)
    radius = math.sqrt(area_km2 * 1e6 / math.pi)
    for _ in range(4):  # rounding to 6 decimals and the polygon's chords shave area: correct twice over
        ring = [
            to_local.transform(radius * math.cos(a), radius * math.sin(a))
            for a in (2 * math.pi * i / vertices for i in range(vertices))
        ]
        polygon = orient(Polygon(_round(ring)), sign=1.0)
        area = abs(GEOD.geometry_area_perimeter(polygon)[0]) / 1e6
        radius *= math.sqrt(area_km2 / area)
    return polygon


def feature(feature_id: str, geometry: dict, properties: dict) -> dict:
    return {"type": "Feature", "id": feature_id, "properties": {"id": feature_id, **properties}, "geometry": geometry}


def collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def build() -> dict[str, dict]:
    ports = [
        feature(
            p["id"],
            {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
            {k: v for k, v in p.items() if k not in ("id", "lon", "lat")},
        )
        for p in PORTS
    ]
    corridors = []
    for c in CORRIDORS:
        coords = _round([W[w][:2] for w in c["waypoints"]])
        properties = {k: v for k, v in c.items() if k not in ("id", "waypoints", "sources")}
        properties |= {
            "mode": "rail",
            "waypoints": [W[w][2] for w in c["waypoints"]],
            "length_km": line_length_km(coords),
            "geometry_quality": "schematic",
            "geometry_note": STRAIGHT,
            "sources": c["sources"] + list(dict.fromkeys(W[w][3] for w in c["waypoints"])),
        }
        corridors.append(feature(c["id"], {"type": "LineString", "coordinates": coords}, properties))
    zones = []
    for z in ZONES:
        polygon = footprint(*z["centre"], z["area"])
        zones.append(
            feature(
                z["id"],
                mapping(polygon) | {"coordinates": [_round(polygon.exterior.coords)]},
                {
                    "name": z["name"],
                    "name_zh": z["name_zh"],
                    "kind": z["kind"],
                    "parent": z["parent"],
                    "official_area_km2": z["area"],
                    "geometry_quality": "approximate",
                    "location_note": "Footprint is a circle of the official area, not the real boundary (not published as data). "
                    + z["note"],
                    "sources": z["sources"],
                },
            )
        )
    return {"ports": collection(ports), "corridors": collection(corridors), "zones": collection(zones)}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in build().items():
        path = OUT / f"{name}.geojson"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(data['features'])} features)")


if __name__ == "__main__":
    main()
