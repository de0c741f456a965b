"""Reading the State Council's notice: every line form, and every contradiction refused."""

from datetime import date
from datetime import timedelta
from gov.infomgmt.clock.calendar import differences_from_library
from gov.infomgmt.clock.notice import read_notice
from tests.clock.notices import NOTICE_2024
from tests.clock.notices import NOTICE_2026
from zope.i18n import interpolate

import chinese_calendar
import pytest


def reason(notice, index=0):
    """The refusal's reason as the page shows it (untranslated, interpolated)."""
    message = notice.refused[index].reason
    return interpolate(str(message), message.mapping)


def test_the_2026_notice_equals_the_holiday_library():
    """Exactly the weekday holidays and the weekend working days chinesecalendar has."""
    notice = read_notice(NOTICE_2026)
    assert notice.readable
    assert notice.year == 2026
    library_holidays = {
        day
        for day in chinese_calendar.holidays
        if day.year == 2026 and day.weekday() < 5
    }
    library_workdays = {
        day
        for day in chinese_calendar.workdays
        if day.year == 2026 and day.weekday() >= 5
    }
    assert {day for day in notice.holidays if day.weekday() < 5} == library_holidays
    assert set(notice.workdays) == library_workdays
    assert differences_from_library(2026, notice.holidays, notice.workdays) == []
    assert notice.holidays[date(2026, 2, 17)] == "春节"
    # the title, the document number, the preamble and the signature carry no days
    assert [number for number, _ in notice.ignored] == [1, 2, 4, 13, 14]


def test_a_difference_from_the_library_is_shown_by_day():
    notice = read_notice(
        NOTICE_2026.replace(
            "4月4日（周六）至6日（周一）", "4月4日（周六）至7日（周二）"
        ).replace("共3天。\n四", "共4天。\n四")
    )
    assert notice.readable
    assert differences_from_library(2026, notice.holidays, notice.workdays) == [
        (date(2026, 4, 7), False, True)
    ]


@pytest.mark.parametrize(
    ("line", "holidays", "workdays"),
    [
        # a range within a month, the end without its month
        (
            "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。",
            ["2026-01-01", "2026-01-03"],
            ["2026-01-04"],
        ),
        # a range across months
        (
            "一、端午节：5月31日（周日）至6月2日（周二）放假，共3天。",
            ["2026-05-31", "2026-06-02"],
            [],
        ),
        # a one-day holiday
        ("一、元旦：1月1日（周四）放假1天，不调休。", ["2026-01-01", "2026-01-01"], []),
        # a 补休 day after the holiday
        (
            "一、元旦：1月1日放假，1月2日（周五）补休。",
            ["2026-01-01", "2026-01-02"],
            [],
        ),
        # joined to the weekend
        (
            "一、端午节：6月19日（周五）放假，与周末连休。",
            ["2026-06-19", "2026-06-19"],
            [],
        ),
        # 星期 instead of 周, lunar remarks in the parentheses
        (
            "二、春节：2月15日（农历腊月二十八、星期日）至23日（农历正月初七、星期一）放假调休，共9天。2月14日（星期六）、2月28日（星期六）上班。",
            ["2026-02-15", "2026-02-23"],
            ["2026-02-14", "2026-02-28"],
        ),
        # half-width punctuation
        (
            "七、国庆节:10月1日(周四)至7日(周三)放假调休,共7天。9月20日(周日)、10月10日(周六)上班。",
            ["2026-10-01", "2026-10-07"],
            ["2026-09-20", "2026-10-10"],
        ),
        # a year boundary: 元旦 from 31 December of the year before
        (
            "一、元旦：2025年12月31日（周三）至2026年1月2日（周五）放假调休，共3天。",
            ["2025-12-31", "2026-01-02"],
            [],
        ),
        # a working Saturday of the year before
        (
            "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。2025年12月27日（周六）上班。",
            ["2026-01-01", "2026-01-03"],
            ["2025-12-27"],
        ),
    ],
    ids=[
        "range",
        "across-months",
        "one-day",
        "buxiu",
        "weekend",
        "xingqi-lunar",
        "half-width",
        "year-boundary",
        "workday-year-before",
    ],
)
def test_each_line_form(line, holidays, workdays):
    notice = read_notice(line, year=2026, complete=False)
    assert notice.refused == []
    assert min(notice.holidays).isoformat() == holidays[0]
    assert max(notice.holidays).isoformat() == holidays[1]
    assert sorted(day.isoformat() for day in notice.workdays) == workdays


def test_a_range_counts_every_day_between():
    notice = read_notice(
        "二、春节：2月15日（周日）至23日（周一）放假调休，共9天。",
        year=2026,
        complete=False,
    )
    assert sorted(notice.holidays) == [
        date(2026, 2, 15) + timedelta(days=n) for n in range(9)
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "一、元旦：1月1日（周三）至3日（周六）放假调休，共3天。",
            "2026-01-01 is a 周四, not a 周三.",
        ),
        (
            "一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。",
            "The line says 4 days, its dates give 3.",
        ),
        (
            "一、元旦：1月1日（周四）放假2天，不调休。",
            "The line says 2 days, its dates give 1.",
        ),
        (
            "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月5日（周一）上班。",
            "2026-01-05 is a 周一: a made-up working day (上班) is a Saturday or Sunday.",
        ),
        (
            "一、元旦：1月1日（周四）放假1天，不调休。1月4日（周日）上班。",
            "The line says 不调休 but lists working days.",
        ),
        (
            "五、端午节：6月17日（周三）放假，与周末连休。",
            "2026-06-17 does not join a weekend (与周末连休).",
        ),
        (
            "一、元旦：1月3日至1日放假。",
            "The range ends (2026-01-01) before it starts (2026-01-03).",
        ),
        ("一、元旦：2月30日放假。", "2月30日 is not a date."),
        ("一、元旦：1月1日放假，另行通知。", "Cannot read “另行通知”."),
        (
            "一、元旦：1月1日至3日放假。其中，1月1日为法定节假日。",
            "Cannot read “其中”.",
        ),
        ("一、元旦：以后再定。", "Cannot read “以后再定”."),
    ],
    ids=[
        "weekday",
        "count",
        "one-day-count",
        "weekday-worked",
        "no-swap",
        "weekend",
        "backwards",
        "no-date",
        "clause",
        "prose",
        "no-day",
    ],
)
def test_a_contradiction_is_refused_and_the_line_named(line, expected):
    notice = read_notice("国务院办公厅关于2026年部分节假日安排的通知\n" + line)
    assert not notice.readable
    assert notice.refused[0].line_number == 2
    assert notice.refused[0].line == line
    assert reason(notice) == expected
    assert notice.holidays == {}


def test_a_refused_line_does_not_stop_the_others_being_checked():
    text = NOTICE_2026.replace("（周五）至5日（周二）", "（周四）至5日（周二）")
    notice = read_notice(text)
    assert not notice.readable
    assert [refusal.line_number for refusal in notice.refused] == [8]
    assert "劳动节" in notice.refused[0].line


def test_a_day_given_twice_is_refused():
    notice = read_notice("一、元旦：1月1日放假。\n二、又一个：1月1日放假。", year=2026)
    assert reason(notice) == "2026-01-01 is already given by another line."
    assert notice.refused[0].line_number == 2


def test_the_year_comes_from_the_title_or_is_asked_for():
    assert reason(read_notice("一、元旦：1月1日放假。")).startswith(
        "The year of the notice is not known"
    )
    assert read_notice("一、元旦：1月1日放假。", year=2026, complete=False).readable
    refused = read_notice(NOTICE_2026, year=2027)
    assert reason(refused) == "The title is of 2026, not of 2027."


def test_a_text_without_numbered_lines_is_refused():
    notice = read_notice("国务院办公厅关于2026年部分节假日安排的通知\n通知如下。")
    assert not notice.readable
    assert reason(notice) == "No numbered line with holidays was found."


SPRING = "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。"


@pytest.mark.parametrize(
    "typo",
    [
        SPRING.replace("二、春节：", "二，春节："),
        SPRING.replace("二、春节：", "二 春节："),
        SPRING.replace("二、春节：", "春节："),
        SPRING.replace("二、春节：", "（二）春节："),
        SPRING.replace("二、春节：", "二、春节，"),
        SPRING.replace("二、春节：", "二、春节－"),
    ],
    ids=["comma", "space", "no-number", "parenthesised", "comma-colon", "dash"],
)
def test_a_dated_line_with_a_typo_in_its_number_is_refused(typo):
    notice = read_notice(NOTICE_2026.replace(SPRING, typo))
    assert not notice.readable
    assert notice.refused[0].line_number == 6
    assert notice.refused[0].line == typo
    assert "not a numbered line" in reason(notice)
    assert 6 not in [number for number, _ in notice.ignored]


def test_a_notice_without_every_festival_is_refused():
    only_new_year = (
        "国务院办公厅关于2026年部分节假日安排的通知\n"
        "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"
    )
    notice = read_notice(only_new_year)
    assert not notice.readable
    assert reason(notice) == (
        "The notice does not arrange 春节、清明节、劳动节、端午节、中秋节、国庆节: "
        "paste every line of the notice."
    )


def test_mid_autumn_and_national_day_on_one_line_is_complete():
    text = NOTICE_2026.replace(
        "六、中秋节：9月25日（周五）至27日（周日）放假，共3天。\n七、国庆节：",
        "六、中秋节、国庆节：",
    ).replace(
        "10月1日（周四）至7日（周三）放假调休，共7天。",
        "9月25日（周五）至27日（周日）放假，共3天。10月1日（周四）至7日（周三）放假调休，共7天。",
    )
    notice = read_notice(text)
    assert notice.refused == []
    assert notice.holidays[date(2026, 10, 1)] == "中秋节、国庆节"


def test_a_day_both_holiday_and_working_day_in_a_line_is_refused():
    line = "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月3日（周六）上班。"
    notice = read_notice(line, year=2026, complete=False)
    assert not notice.readable
    assert reason(notice) == (
        "2026-01-03 is given both as a holiday and as a working day (上班)."
    )


def test_the_2024_notice_as_published_equals_the_holiday_library():
    """The advice to give 除夕 off (鼓励…) is not an arrangement and is not read."""
    notice = read_notice(NOTICE_2024)
    assert notice.refused == []
    assert notice.year == 2024
    assert date(2024, 2, 9) not in notice.holidays
    assert (
        6,
        "鼓励各单位结合带薪年休假等制度落实,安排职工在除夕(2月9日)休息",
    ) in notice.ignored
    library_holidays = {
        day
        for day in chinese_calendar.holidays
        if day.year == 2024 and day.weekday() < 5
    }
    library_workdays = {
        day
        for day in chinese_calendar.workdays
        if day.year == 2024 and day.weekday() >= 5
    }
    assert {day for day in notice.holidays if day.weekday() < 5} == library_holidays
    assert set(notice.workdays) == library_workdays
    assert differences_from_library(2024, notice.holidays, notice.workdays) == []


@pytest.mark.parametrize("remark", ["周曰", "星期", "礼拜三", "周", "星期八"])
def test_something_like_a_weekday_that_is_not_one_is_refused(remark):
    line = f"一、元旦：1月1日（{remark}）放假1天，不调休。"
    notice = read_notice(line, year=2026, complete=False)
    assert not notice.readable
    assert "is not a weekday" in reason(notice)
