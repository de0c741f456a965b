"""One spelling for what means the same, at indexing and at query time (gov.infomgmt.search.normalise)."""

from gov.infomgmt.search import words
from gov.infomgmt.search.normalise import normalise

import pytest


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("第三十三条", "第33条"),
        ("二十个工作日内", "20个工作日内"),
        ("一百元", "100元"),
        ("一万元以上十万元以下", "10000元以上100000元以下"),
        ("每年一月三十一日前", "每年1月31日前"),
        ("二〇二六年", "2026年"),
        ("第一条", "第1条"),
        ("五年以下", "5年以下"),
        ("十日内", "10日内"),
        # Numerals that are words stay words.
        ("统一年度", "统一年度"),
        ("唯一的", "唯一的"),
        ("之一", "之一"),
        ("一般", "一般"),
        ("万一", "万一"),
        ("三四个", "三四个"),
        # Widths, brackets, traditional characters.
        ("ＡＢＣ１２３", "ABC123"),
        ("市档发［2026］3号", "市档发〔2026〕3号"),
        ("市档发[2026]3号", "市档发〔2026〕3号"),
        ("市档发（2026）3号", "市档发〔2026〕3号"),
        ("市档发【2026】3号", "市档发〔2026〕3号"),
        ("政府資訊公開條例", "政府资讯公开条例"),
    ],
)
def test_normalised(written, normalised):
    assert normalise(written) == normalised


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("第三十三条", "第33条"),
        ("二十个工作日", "20个工作日"),
        ("市档发〔2026〕3号", "市档发(2026)3号"),
        ("檔案開放", "档案开放"),
        ("２０２６年度报告", "2026年度报告"),
    ],
)
def test_both_spellings_index_the_same_words(one, other):
    assert list(words(one)) == list(words(other))


def test_references_are_whole_words():
    """第33条 is one rare word in a catalogue of articles, not 第 + 33 + 条."""
    assert "第33条" in list(words("依照本法第三十三条的规定"))
    assert "〔2026〕3号" in list(words("市档发［2026］3号"))
