"""make holidays FILE=…: read the State Council's notice into the running site, after a look.

Posts the file to `@holiday-years`, prints the year as the site read it (a month calendar
and the days where the holiday library says otherwise), and saves it only when confirmed
(`y` at the prompt, or --yes). A refused line is printed with its reason; nothing is saved.
Settings: SITE_URL, ADMIN_USER, ADMIN_PASSWORD (see site_api.py).
"""

from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent

import sys  # noqa: E402


sys.path.insert(0, str(ROOT / "scripts"))

from site_api import call_site  # noqa: E402
from site_api import site_settings  # noqa: E402

import argparse  # noqa: E402
import calendar  # noqa: E402
import json  # noqa: E402
import urllib.error  # noqa: E402


MARKS = {"holiday": "休", "workday": "班"}


def month_lines(year, month, holidays, workdays):
    """One month as text: 休 a holiday, 班 a working weekend day."""
    lines = [f"{year} 年 {month} 月", " 一  二  三  四  五  六  日"]
    for week in calendar.Calendar().monthdatescalendar(year, month):
        cells = []
        for day in week:
            if day.month != month:
                cells.append("    ")
                continue
            key = day.isoformat()
            mark = (
                MARKS["holiday"]
                if key in holidays
                else MARKS["workday"]
                if key in workdays
                else " "
            )
            cells.append(f"{day.day:2d}{mark} ")
        lines.append("".join(cells).rstrip())
    return lines


def show(preview, out):
    """Print what the site read."""
    for refusal in preview.get("refused", []):
        where = f"第 {refusal['line_number']} 行" if refusal["line_number"] else "通知"
        print(f"无法读取 {where}：{refusal['line']} — {refusal['reason']}", file=out)
    for ignored in preview.get("ignored", []):
        print(
            f"未读取（无日期）第 {ignored['line_number']} 行：{ignored['line']}",
            file=out,
        )
    year = preview.get("year")
    if not year or preview.get("refused"):
        return
    for month in range(1, 13):
        print(
            "\n".join(
                month_lines(year, month, preview["holidays"], preview["workdays"])
            ),
            file=out,
        )
        print(file=out)
    for difference in preview.get("differences_from_library", []):
        library = "休息" if difference["library_day_off"] else "上班"
        notice = "休息" if difference["notice_day_off"] else "上班"
        print(
            f"与节假日库不同：{difference['date']} 库为{library}，通知为{notice}",
            file=out,
        )


def post(url, user, password, body):
    """POST to @holiday-years; a 400 answer is returned like a 200 one."""
    try:
        return call_site("POST", url, user, password, body)
    except urllib.error.HTTPError as error:
        if error.code != 400:
            raise
        return json.loads(error.read() or b"{}")


def main(argv, out=sys.stdout, answer=input):
    """Preview, confirm, save; exit 1 when the notice is refused, 2 when not confirmed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the notice as a text file (UTF-8)")
    parser.add_argument(
        "--year", type=int, help="the year, when the title line is not in the file"
    )
    parser.add_argument("--yes", action="store_true", help="save without asking")
    args = parser.parse_args(argv)
    text = Path(args.file).read_text(encoding="utf-8")
    site_url, user, password = site_settings()
    url = f"{site_url}/++api++/@holiday-years"
    body = {"text": text, **({"year": args.year} if args.year else {})}
    preview = post(url, user, password, body)
    show(preview, out)
    if "error" in preview:
        print(preview["error"]["message"], file=out)
        return 1
    if (
        not args.yes
        and answer(f"保存 {preview['year']} 年放假安排？[y/N] ").strip().lower() != "y"
    ):
        print("未保存。", file=out)
        return 2
    saved = post(
        url,
        user,
        password,
        {**body, "confirm": True, "previewed": preview.get("fingerprint")},
    )
    print(f"已保存 {saved['year']} 年放假安排。", file=out)
    for item in saved.get("moved", []):
        print(
            f"期限变动：{item['title']} {item['old_deadline']} → {item['new_deadline']}",
            file=out,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
