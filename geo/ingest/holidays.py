"""China's public holidays by year: the days a "Spring Festival holiday" or "National Day holiday" figure covers."""

from __future__ import annotations

import re

# The holidays as the State Council General Office's yearly notices on holiday arrangements set them (days off in
# a row, weekends included). Outside these years the fixed-date holidays fall back to their usual days.
#
# Sources, one notice a year (each checked span by span against the pages named; every span agreed, none changed):
# - 2023: 国办发明电〔2022〕16号, 8 Dec 2022. Text: https://zh.m.wikisource.org/zh/国务院办公厅关于2023年部分节假日安排的通知
#   (gives the number), Xinhua's text on China.com.cn
#   http://big5.china.com.cn/gate/big5/news.china.com.cn/2022-12/09/content_85004315.htm; second outlet, in English:
#   https://www.china-briefing.com/news/china-public-holiday-2023-schedule/ and
#   http://www.thatsmags.com/china/post/35467/china-here-are-your-2023-public-holidays
# - 2024: 国办发明电〔2023〕7号, 25 Oct 2023. Text: https://zh.wikisource.org/wiki/国务院办公厅关于2024年部分节假日安排的通知
#   (gives the number), People's Daily 26 Oct 2023 p. 6
#   http://paper.people.com.cn/rmrb/html/2023-10/26/nw.D110000renmrb_20231026_3-06.htm. The notice gives Dragon Boat
#   as 10 June (a Monday) joined to the weekend, hence 8-10 June, as Shanghai Japion reports it
#   (https://shvoice.com/?p=82560, all spans agree); https://ikkyinchina.com/?p=14711 agrees but lists only 10 June.
# - 2025: 国办发明电〔2024〕12号, 12 Nov 2024. Text: Xinhua's on Guangming Online
#   https://m.gmw.cn/2024-11/12/content_1303894933.htm; in English with the number
#   https://www.ctaweb.org.cn/en/redianpinglun/10085.html; the government's English table
#   https://english.www.gov.cn/policies/latestreleases/202411/12/content_WS67331db5c6d0868f4e8ecd92.html
# - 2026: dated 4 Nov 2025. Text: Xinhua's on Guangming Online https://politics.gmw.cn/2025-11/04/content_38391083.htm
#   and in Zhongshan Daily's print edition https://epaper.zsnews.cn/epaper/zsrb/paperdate/20251105/part/1/articleid/3.html
#   No stored page gives its number; public code citing gov.cn's copy gives 国办发明电〔2025〕7号 (unchecked here).
# _USUAL is no notice: it is the May Day and National Day runs the 2024-2026 notices set, assumed for other years
# (2023's May Day ran 29 April to 3 May, so the guess can miss).
_SPANS: dict[str, dict[int, tuple[str, str]]] = {
    "spring festival": {
        2023: ("01-21", "01-27"),
        2024: ("02-10", "02-17"),
        2025: ("01-28", "02-04"),
        2026: ("02-15", "02-23"),
    },
    "qingming": {
        2023: ("04-05", "04-05"),
        2024: ("04-04", "04-06"),
        2025: ("04-04", "04-06"),
        2026: ("04-04", "04-06"),
    },
    "may day": {2023: ("04-29", "05-03"), 2024: ("05-01", "05-05"), 2025: ("05-01", "05-05"), 2026: ("05-01", "05-05")},
    "dragon boat": {
        2023: ("06-22", "06-24"),
        2024: ("06-08", "06-10"),
        2025: ("05-31", "06-02"),
        2026: ("06-19", "06-21"),
    },
    # in 2023 and 2025 the Mid-Autumn Festival fell inside one run of days off with National Day
    "mid-autumn": {
        2023: ("09-29", "10-06"),
        2024: ("09-15", "09-17"),
        2025: ("10-01", "10-08"),
        2026: ("09-25", "09-27"),
    },
    "national day": {
        2023: ("09-29", "10-06"),
        2024: ("10-01", "10-07"),
        2025: ("10-01", "10-08"),
        2026: ("10-01", "10-07"),
    },
}
_USUAL: dict[str, tuple[str, str]] = {"national day": ("10-01", "10-07"), "may day": ("05-01", "05-05")}
_NAMES: dict[str, str] = {
    "spring festival": "spring festival",
    "chinese new year": "spring festival",
    "lunar new year": "spring festival",
    "qingming festival": "qingming",
    "qingming": "qingming",
    "tomb-sweeping day": "qingming",
    "tomb-sweeping festival": "qingming",
    "may day": "may day",
    "labor day": "may day",
    "dragon boat festival": "dragon boat",
    "mid-autumn festival": "mid-autumn",
    "national day": "national day",
}
HOLIDAY_NAME = (
    r"(?P<name>Spring Festival|Chinese New Year|Lunar New Year|Qingming(?: Festival)?|Tomb-Sweeping (?:Day|Festival)"
    r"|May Day|Labou?r Day|Dragon Boat Festival|Mid-Autumn Festival|National Day)"
)


def holiday_span(name: str, year: int) -> str | None:
    """``2025-01-28/2025-02-04`` for the 2025 Spring Festival holiday; None for a year the table lacks."""
    key = _NAMES.get(" ".join(name.lower().replace("labour", "labor").split()))
    days = _SPANS.get(key or "", {}).get(year) or _USUAL.get(key or "")
    return f"{year}-{days[0]}/{year}-{days[1]}" if days else None


def is_holiday_span(period: str) -> bool:
    """Whether a period is one of the holidays above (or a usual May Day or National Day week)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", period) or period[:4] != period[11:15]:
        return False
    year, days = int(period[:4]), (period[5:10], period[16:21])
    return any(spans.get(year) == days for spans in _SPANS.values()) or days in _USUAL.values()
