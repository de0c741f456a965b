"""make holidays FILE=…: the notice read into the running site, shown, saved once confirmed."""

from gov.infomgmt.clock.entered_years import entered_years
from pathlib import Path
from tests.clock.notices import NOTICE_2027

import io
import os
import sys
import transaction


sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import holidays  # noqa: E402


def run(tmp_path, portal, monkeypatch, text, *args, answer="y"):
    notice = tmp_path / "notice.txt"
    notice.write_text(text, encoding="utf-8")
    monkeypatch.setitem(os.environ, "SITE_URL", portal.absolute_url())
    monkeypatch.setitem(os.environ, "ADMIN_USER", "webmaster")
    monkeypatch.setitem(os.environ, "ADMIN_PASSWORD", "demo-2026")
    out = io.StringIO()
    code = holidays.main([str(notice), *args], out=out, answer=lambda prompt: answer)
    transaction.begin()
    return code, out.getvalue()


def test_shows_the_calendar_and_saves_on_yes(
    tmp_path, demo_functional_portal, monkeypatch
):
    code, out = run(tmp_path, demo_functional_portal, monkeypatch, NOTICE_2027)
    assert code == 0
    assert "2027 年 2 月" in out
    assert " 6休" in out
    assert "20班" in out
    assert "已保存 2027 年放假安排" in out
    assert list(entered_years()) == [2027]


def test_saves_nothing_without_yes(tmp_path, demo_functional_portal, monkeypatch):
    code, out = run(
        tmp_path, demo_functional_portal, monkeypatch, NOTICE_2027, answer="n"
    )
    assert code == 2
    assert "未保存" in out
    assert list(entered_years()) == []


def test_a_refused_line_is_printed_and_nothing_saved(
    tmp_path, demo_functional_portal, monkeypatch
):
    text = NOTICE_2027.replace("1月1日（周五）", "1月1日（周四）")
    code, out = run(tmp_path, demo_functional_portal, monkeypatch, text, "--yes")
    assert code == 1
    assert "第 2 行" in out
    assert "2027-01-01 是周五，不是周四。" in out
    assert list(entered_years()) == []


def test_a_dated_line_with_a_typo_is_refused_even_with_yes(
    tmp_path, demo_functional_portal, monkeypatch
):
    from tests.clock.notices import NOTICE_2026

    text = NOTICE_2026.replace("二、春节：", "二，春节：")
    code, out = run(tmp_path, demo_functional_portal, monkeypatch, text, "--yes")
    assert code == 1
    assert "第 6 行" in out
    assert "未读取（无日期）第 2 行：国办发明电〔2025〕7号" in out
    assert list(entered_years()) == []
