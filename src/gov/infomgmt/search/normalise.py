"""One spelling for text that means the same: applied to what is indexed and to what is asked.

A citizen types 第33条 for 第三十三条, 20 for 二十, ［2026］ for 〔2026〕, full-width
digits from a phone keyboard, or traditional characters (條例 for 条例). Both sides are
brought to one form before they are cut into words, so that either spelling finds the other:
full-width forms become half-width (Unicode NFKC), traditional characters simplified
(OpenCC's ``t2s``), Chinese numerals Arabic, and the brackets around the year of a
document number (文号) 〔 〕.
"""

import functools
import opencc
import re
import unicodedata


@functools.cache
def _simplifier():
    """OpenCC's traditional → simplified converter (its dictionaries load once)."""
    return opencc.OpenCC("t2s")


DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
TEN_THOUSAND = "万"
NUMERAL = re.compile(f"[{''.join(DIGITS)}{''.join(UNITS)}{TEN_THOUSAND}]+")
# Runs of numeral characters that are words, not numbers (万一 "in case", 十分 "very").
NOT_NUMBERS = frozenset(
    ["万一", "千万", "十分", "一一", "三三两两", "一五一十", "百千"]
)
# A lone numeral is a number before a counter (十日, 五年, 三项) or after 第.
COUNTERS = frozenset("条款项章节号个日月年天次倍周名人件份元岁届级类批期页")
# ... but only where it does not close a word (统一, 唯一, 之一): after these, or no Han.
BEFORE_A_NUMBER = frozenset("第每前后近满过至或和及内逾起共计为于在的有超达外以年月")
HAN = re.compile(r"[\u4e00-\u9fff]")
# The year of a document number in any bracket: [2026] (2026) （2026） 【2026】 ［2026］.
DOCUMENT_YEAR = re.compile(r"[\[(（〔【［]\s*((?:19|20)\d{2})\s*[\])）〕】］]")


def numeral_value(run):
    """The number a run of Chinese numerals writes (三十三 → 33, 二〇二六 → 2026), or None."""
    if len(run) == 1 and run in DIGITS:
        return DIGITS[run]
    if not any(char in UNITS or char == TEN_THOUSAND for char in run):
        # Digit by digit (二〇二六); two plain digits are a range (三四 "three or four").
        if len(run) < 3 and "〇" not in run and "零" not in run:
            return None
        return int("".join(str(DIGITS[char]) for char in run))
    total = section = number = 0
    for char in run:
        if char in DIGITS:
            number = DIGITS[char]
        elif char in UNITS:
            section += (number or 1) * UNITS[char]
            number = 0
        else:  # 万
            total += (section + number) * 10000
            section = number = 0
    return total + section + number


def _arabic(match):
    """The Arabic form of a matched numeral run, where it stands for a number."""
    run, text, start = match.group(0), match.string, match.start()
    before = text[start - 1] if start else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if run in NOT_NUMBERS:
        return run
    if len(run) == 1:
        counted = after in COUNTERS and (
            not HAN.match(before) or before in BEFORE_A_NUMBER
        )
        if before != "第" and not counted:
            return run
    value = numeral_value(run)
    return run if value is None else str(value)


def arabic_numerals(text):
    """Chinese numerals written as Arabic ones where they are numbers: 第三十三条 → 第33条."""
    return NUMERAL.sub(_arabic, text)


def normalise(text, traditional=True):
    """The one form of a text for search; `traditional=False` skips OpenCC (for short metadata)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    if traditional:
        text = _simplifier().convert(text)
    text = DOCUMENT_YEAR.sub(r"〔\1〕", text)
    return arabic_numerals(text)
