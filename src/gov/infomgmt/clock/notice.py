"""Reading the State Council's yearly notice (国务院办公厅关于 20XX 年部分节假日安排的通知).

The numbered lines of the notice follow a fixed form, e.g.
`二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
2月14日（周六）、2月28日（周六）上班。`. Every stated weekday and every `共N天` is
checked against the dates; a line that cannot be read, or that contradicts itself, is
refused with the reason and its number, never guessed. Lines without a number (the
title, the preamble, the signature) carry no days and are only listed as ignored.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta
from gov.infomgmt import _

import hashlib
import re
import unicodedata


WEEKDAYS = "一二三四五六日"
# A notice is a page of text: more than this is not a notice (and not read).
MAX_TEXT = 20000
WEEKDAY_NAMES = [f"周{name}" for name in WEEKDAYS]

NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+|\d+)[、.]\s*(?P<name>[^:]+):(?P<body>.+)$"
)
TITLE_YEAR = re.compile(r"(\d{4})\s*年\s*部分节假日安排")
DATE = r"(?:(?P<{p}y>\d{{4}})年)?(?:(?P<{p}m>\d{{1,2}})月)?(?P<{p}d>\d{{1,2}})日(?:\((?P<{p}r>[^)]*)\))?"
ONE_DATE = re.compile(DATE.format(p="a"))
HOLIDAY = re.compile(
    rf"^{DATE.format(p='a')}(?:至{DATE.format(p='b')})?放假(?:调休|公休)?(?:(?P<n>\d+)天)?$"
)
COUNT = re.compile(r"^共(?P<n>\d+)天$")
WEEKDAY = re.compile(r"^(?:周|星期)(?P<w>[一二三四五六日天])$")
# Anything in the parentheses that looks like a weekday must be one (周曰, 星期 are refused).
LIKE_WEEKDAY = re.compile(r"周|星期|礼拜")
# A line with a date (月…日) is read or refused, never ignored: only the date of issue
# (`2025年11月4日`, alone on its line) carries a date and no days.
DATED = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日")
ISSUE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
# A sentence of advice (鼓励各单位…安排职工在除夕休息) arranges no day: it is ignored.
ADVICE = re.compile(r"^(?:鼓励|提倡|倡导|请各)")
ARRANGING = re.compile(r"放假|上班|补休|调休|\d+天")
# Every notice arranges these seven festivals (中秋节 and 国庆节 may share one line).
FESTIVALS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")


@dataclass
class Refusal:
    """A line the site will not read, with the reason (a translatable message)."""

    line_number: int
    line: str
    reason: object


@dataclass
class ReadNotice:
    """What a notice says: its year, holidays and worked weekend days, and what was refused."""

    year: int = None
    holidays: dict = field(default_factory=dict)  # date → festival
    workdays: dict = field(default_factory=dict)  # date → festival
    refused: list = field(default_factory=list)
    ignored: list = field(default_factory=list)  # (number, line) without days
    festivals: list = field(default_factory=list)  # the names of the lines read

    @property
    def readable(self):
        """True when the year is known, something was read, and nothing refused."""
        return bool(self.year and self.holidays and not self.refused)


class LineRefused(Exception):
    """A numbered line contradicts itself or is not in the notice's form."""


def read_notice(text, year=None, complete=True):
    """Read a pasted notice; `year` when the title line is not pasted.

    With `complete` (always, but for tests of single lines) a notice that does not
    arrange every festival of FESTIVALS is refused.
    """
    lines = text.splitlines()
    notice = ReadNotice(year=year)
    for line in lines:
        found = TITLE_YEAR.search(normal(line))
        if found:
            stated = int(found.group(1))
            if year and stated != year:
                notice.refused.append(
                    Refusal(
                        0,
                        line.strip(),
                        _(
                            "The title is of ${stated}, not of ${year}.",
                            mapping={"stated": stated, "year": year},
                        ),
                    )
                )
            notice.year = notice.year or stated
            break
    if not notice.year:
        notice.refused.append(
            Refusal(
                0,
                "",
                _(
                    "The year of the notice is not known: paste the title line or give the year."
                ),
            )
        )
        return notice
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        matched = NUMBERED.match(normal(line))
        if not matched:
            if DATED.search(normal(line)) and not ISSUE_DATE.match(normal(line)):
                notice.refused.append(
                    Refusal(
                        number,
                        line.strip(),
                        _(
                            "The line gives dates but is not a numbered line of the notice (e.g. 二、春节：…): check its number and colon."
                        ),
                    )
                )
            else:
                notice.ignored.append((number, line.strip()))
            continue
        try:
            festival = matched.group("name").strip()
            advice = []
            holidays, workdays = read_line(matched.group("body"), notice.year, advice)
            notice.ignored += [(number, sentence) for sentence in advice]
            add_days(notice, festival, holidays, workdays)
            notice.festivals.append(festival)
        except LineRefused as refused:
            notice.refused.append(Refusal(number, line.strip(), refused.args[0]))
    if not notice.holidays and not notice.refused:
        notice.refused.append(
            Refusal(0, "", _("No numbered line with holidays was found."))
        )
    elif complete:
        missing = missing_festivals(notice.festivals, notice.refused)
        if missing:
            notice.refused.append(
                Refusal(
                    0,
                    "",
                    _(
                        "The notice does not arrange ${festivals}: paste every line of the notice.",
                        mapping={"festivals": "、".join(missing)},
                    ),
                )
            )
    return notice


def missing_festivals(festivals, refused=()):
    """The festivals of FESTIVALS that no line names (a refused line counts as naming it)."""
    named = " ".join(festivals) + " " + " ".join(r.line for r in refused)
    return [name for name in FESTIVALS if name not in normal(named)]


def fingerprint(text, year=None):
    """What a confirmation refers to: the text and the year exactly as previewed."""
    stated = "" if year is None else str(year).strip()
    return hashlib.sha256(f"{stated}\n{text}".encode()).hexdigest()


def normal(text):
    """Full-width punctuation and digits as half-width ones (（）：，； → ():,;)."""
    return unicodedata.normalize("NFKC", text).strip()


def add_days(notice, festival, holidays, workdays):
    """Add a line's days, refusing a day another line already gave."""
    for day in list(holidays) + list(workdays):
        if day in notice.holidays or day in notice.workdays:
            raise LineRefused(
                _(
                    "${day} is already given by another line.",
                    mapping={"day": day.isoformat()},
                )
            )
    for day in holidays:
        notice.holidays[day] = festival
    for day in workdays:
        notice.workdays[day] = festival


def read_line(body, year, advice=None):
    """The holidays and worked weekend days of one numbered line's text after the colon.

    Sentences of advice (鼓励…), which arrange no day, are not read: they go to `advice`.
    """
    holidays, workdays = [], []
    last = {"year": year, "month": None}
    no_swap = False
    for sentence in re.split(r"[。;]", body):
        if ADVICE.match(sentence.strip()) and not ARRANGING.search(sentence):
            if advice is not None:
                advice.append(sentence.strip())
            continue  # advice to employers (鼓励…): no day of the arrangement
        block = []
        for clause in split_outside_parentheses(sentence, ","):
            holiday = HOLIDAY.match(clause)
            counted = COUNT.match(clause)
            if holiday:
                days = holiday_range(holiday, last, year)
                if holiday.group("n") and int(holiday.group("n")) != len(days):
                    raise count_refused(int(holiday.group("n")), len(days))
                block += days
            elif counted:
                if not block:
                    raise unreadable(clause)
                if int(counted.group("n")) != len(block):
                    raise count_refused(int(counted.group("n")), len(block))
            elif clause == "不调休":
                no_swap = True
            elif clause == "与周末连休":
                check_next_to_weekend(block, clause)
            elif clause.endswith("补休"):
                block += listed_days(clause[: -len("补休")], last, year)
            elif clause.endswith("上班"):
                for day in listed_days(clause[: -len("上班")], last, year):
                    if day.weekday() < 5:
                        raise LineRefused(
                            _(
                                "${day} is a ${weekday}: a made-up working day (上班) is a Saturday or Sunday.",
                                mapping={
                                    "day": day.isoformat(),
                                    "weekday": WEEKDAY_NAMES[day.weekday()],
                                },
                            )
                        )
                    workdays.append(day)
            else:
                raise unreadable(clause)
        holidays += block
    if no_swap and workdays:
        raise LineRefused(_("The line says 不调休 but lists working days."))
    if not holidays:
        raise LineRefused(_("The line gives no holiday."))
    for day in sorted(set(holidays) & set(workdays)):
        raise LineRefused(
            _(
                "${day} is given both as a holiday and as a working day (上班).",
                mapping={"day": day.isoformat()},
            )
        )
    return holidays, workdays


def split_outside_parentheses(text, separator):
    """Parts of the text between separators that are not inside parentheses."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == separator and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return [part for part in parts if part]


def holiday_range(matched, last, year):
    """The days of `A至B放假`, or of the single day `A放假`."""
    first = resolve(matched, "a", last, year)
    if matched.group("bd") is None:
        return [first]
    end = resolve(matched, "b", last, year)
    if end < first:
        raise LineRefused(
            _(
                "The range ends (${end}) before it starts (${first}).",
                mapping={"end": end.isoformat(), "first": first.isoformat()},
            )
        )
    return [first + timedelta(days=n) for n in range((end - first).days + 1)]


def listed_days(text, last, year):
    """The days of `A、B、C` (before 上班 or 补休)."""
    days = []
    for part in split_outside_parentheses(text, "、"):
        matched = ONE_DATE.fullmatch(part)
        if not matched:
            raise unreadable(part)
        days.append(resolve(matched, "a", last, year))
    if not days:
        raise unreadable(text)
    return days


def resolve(matched, prefix, last, year):
    """The date a matched `[YYYY年][M月]D日（…）` means, its weekday checked.

    A missing month or year is that of the date before it in the line (`至3日`).
    """
    group = matched.group
    if group(f"{prefix}y"):
        stated_year = int(group(f"{prefix}y"))
        if stated_year not in (year - 1, year):
            raise LineRefused(
                _(
                    "${stated} is not the notice's year.",
                    mapping={"stated": stated_year},
                )
            )
        last["year"] = stated_year
    if group(f"{prefix}m"):
        last["month"] = int(group(f"{prefix}m"))
    if last["month"] is None:
        raise unreadable(matched.group(0))
    try:
        day = date(last["year"], last["month"], int(group(f"{prefix}d")))
    except ValueError as error:
        raise LineRefused(
            _(
                "${text} is not a date.",
                mapping={"text": f"{last['month']}月{group(f'{prefix}d')}日"},
            )
        ) from error
    check_weekday(day, group(f"{prefix}r"))
    return day


def check_weekday(day, remark):
    """The weekday in the parentheses (周三 or 星期三, beside lunar remarks) must be the day's."""
    for part in re.split(r"[、,]", remark or ""):
        stated = WEEKDAY.match(part.strip())
        if stated is None:
            if LIKE_WEEKDAY.search(part):
                raise LineRefused(
                    _(
                        "“${text}” is not a weekday (周一 … 周日, 星期一 … 星期日).",
                        mapping={"text": part.strip()},
                    )
                )
            continue  # a lunar date or another remark: not checked
        index = WEEKDAYS.index(stated.group("w").replace("天", "日"))
        if index != day.weekday():
            raise LineRefused(
                _(
                    "${day} is a ${actual}, not a ${stated}.",
                    mapping={
                        "day": day.isoformat(),
                        "actual": WEEKDAY_NAMES[day.weekday()],
                        "stated": WEEKDAY_NAMES[index],
                    },
                )
            )


def check_next_to_weekend(block, clause):
    """`与周末连休`: the holiday touches a Saturday or Sunday."""
    if not block:
        raise unreadable(clause)
    before = block[0] - timedelta(days=1)
    after = block[-1] + timedelta(days=1)
    if before.weekday() < 5 and after.weekday() < 5:
        raise LineRefused(
            _(
                "${day} does not join a weekend (与周末连休).",
                mapping={"day": block[0].isoformat()},
            )
        )


def count_refused(stated, counted):
    """The refusal of a day count that the dates contradict."""
    return LineRefused(
        _(
            "The line says ${stated} days, its dates give ${counted}.",
            mapping={"stated": stated, "counted": counted},
        )
    )


def unreadable(text):
    """The refusal of a part not in the notice's form."""
    return LineRefused(_("Cannot read “${text}”.", mapping={"text": text}))
