"""A realistic corpus of a municipal bureau's records, the same for the same seed.

Government information in all 14 catalogue categories over several years, spread over
every state of the review, some with attachments; enforcement case files with their
documents; backup logs. Names, companies, places and filler sentences come from Faker's
zh_CN locale; titles, document numbers and bodies follow the forms a bureau really uses.
Everything is a plain dict: the loader (bench/load.py) turns them into content.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta
from faker import Faker

import random


CATEGORIES = (
    "organisation",
    "regulations",
    "leadership",
    "work-news",
    "decisions",
    "plans",
    "statistics",
    "finance",
    "personnel",
    "powers",
    "guide",
    "annual-report",
    "emergency",
    "other",
)

# How a year's items are spread over the review: most are published, every state occurs.
STATES = (
    ("published", 70),
    ("collection", 4),
    ("content_review", 4),
    ("secrecy_review", 3),
    ("disclosure_review", 3),
    ("leader_signoff", 3),
    ("entry", 3),
    ("entry_check", 2),
    ("retained", 6),
    ("retracted", 2),
)
# The review steps in order, with the demo duty holder who passes each.
STEPS = (
    ("submit", "collector", "content_review"),
    ("approve_content", "sectionhead", "secrecy_review"),
    ("approve_secrecy", "secrecy", "disclosure_review"),
    ("approve_disclosure", "discloser", "leader_signoff"),
    ("sign_off", "leader", "entry"),
    ("submit_entry", "clerk", "entry_check"),
    ("publish", "clerk", "published"),
)
SECTIONS = ("办公室", "政策法规科", "档案管理科", "执法监督科", "信息技术科")
DOCUMENT_PREFIXES = ("市档发", "市档办发", "市档函", "市档通", "市档字")
NONDISCLOSURE_REASONS = (
    "internal-affairs",
    "process-information",
    "third-party",
    "administrative-query",
)

TITLES = {
    "organisation": ("关于调整{dept}内设机构职责的通知", "{org}主要职责和内设机构"),
    "regulations": (
        "{city}档案管理办法（{year}年修订）",
        "关于印发《{topic}实施细则》的通知",
    ),
    "leadership": (
        "局领导带队赴{district}调研{topic}工作",
        "局长{name}主持召开{topic}专题会议",
    ),
    "work-news": ("{district}档案馆完成{topic}工作", "{org}开展{topic}宣传活动"),
    "decisions": ("关于{topic}的决定", "{year}年{topic}工作方案"),
    "plans": ("{city}“十四五”档案事业发展规划{topic}专项", "{year}年度{topic}工作计划"),
    "statistics": (
        "{year}年第{quarter}季度档案工作统计数据",
        "{year}年{topic}统计公报",
    ),
    "finance": ("{org}{year}年部门预算公开", "{org}{year}年部门决算公开"),
    "personnel": ("{org}{year}年公开招聘工作人员公告", "关于{name}同志任职的通知"),
    "powers": ("行政许可事项清单（{year}年版）", "{topic}行政处罚裁量基准"),
    "guide": ("{org}政府信息公开指南（{year}年修订）", "依申请公开政府信息办理流程"),
    "annual-report": ("{org}{year}年政府信息公开工作年度报告",),
    "emergency": (
        "关于做好{season}档案安全防范工作的紧急通知",
        "{district}档案库房安全检查情况通报",
    ),
    "other": ("关于征集{topic}档案资料的公告", "{org}{topic}问答"),
}
TOPICS = (
    "档案数字化",
    "电子档案单套制",
    "档案安全检查",
    "重点档案抢救保护",
    "民生档案服务",
    "档案开放审核",
    "机关档案规范化管理",
    "红色档案资源开发",
    "档案信息化建设",
    "档案执法检查",
    "乡村振兴档案",
    "重大活动档案收集",
)
SEASONS = ("汛期", "夏季高温", "冬春季", "节假日期间")
KINDS = ("inspection", "penalty", "licence", "coercion")
DOCUMENT_KINDS = (
    ("立案审批表", "other", False),
    ("现场检查笔录", "evidence", False),
    ("询问笔录", "evidence", False),
    ("现场照片", "photo", False),
    ("行政处罚决定书", "decision", True),
    ("送达回证", "other", False),
)


@dataclass
class Item:
    """One GovernmentInformation, with the state it is to be in."""

    id: str
    title: str
    category: str
    year: int
    created: date
    document_number: str
    responsible_section: str
    keywords: list
    description: str
    body: str
    state: str
    attribute: str
    nondisclosure_reason: str | None = None
    attachment: tuple | None = None  # (filename, bytes)
    history: list = field(default_factory=list)  # (transition, actor, date)


@dataclass
class CaseFile:
    """One EnforcementRecord with its documents."""

    id: str
    title: str
    case_number: str
    kind: str
    party_name: str
    party_type: str
    party_id_number: str
    handling_section: str
    opened: date
    decided: date | None
    decision_number: str
    paper_location: str
    state: str
    documents: list  # (id, title, kind, conclusive, bytes)


@dataclass
class Backup:
    """One BackupLog."""

    id: str
    title: str
    kind: str
    finished: date
    size: int
    files: str
    state: str


class Corpus:
    """The corpus of one seed; `items(n)` etc. give the same records every time."""

    def __init__(self, seed=2026, first_year=2019, last_year=2026):
        self.seed = seed
        self.years = list(range(first_year, last_year + 1))
        self.faker = Faker("zh_CN")

    def _random(self, kind, number):
        """A random source for one record: records do not depend on how many came before."""
        rng = random.Random(f"{self.seed}/{kind}/{number}")
        self.faker.seed_instance(f"{self.seed}/{kind}/{number}")
        return rng

    def _fill(self, template, rng, year):
        faker = self.faker
        return template.format(
            dept=rng.choice(SECTIONS),
            org="市档案局",
            city=faker.city_name() + "市",
            district=faker.district() + "区",
            year=year,
            quarter=rng.randint(1, 4),
            topic=rng.choice(TOPICS),
            name=faker.name(),
            season=rng.choice(SEASONS),
        )

    def _body(self, rng, title, year):
        faker = self.faker
        paragraphs = [
            f"为深入贯彻落实《中华人民共和国档案法》和《中华人民共和国政府信息公开条例》，"
            f"进一步做好{rng.choice(TOPICS)}工作，现就{title}有关事项通知如下。",
            f"一、工作目标。到{year + 1}年底，全市{rng.choice(TOPICS)}取得明显成效，"
            f"{faker.district()}区、{faker.district()}区率先完成试点任务。",
            "二、主要任务。"
            + faker.paragraph(nb_sentences=rng.randint(3, 6)).replace(".", "。"),
            f"三、工作要求。各单位要高度重视，明确专人负责，于{year}年{rng.randint(1, 12)}月"
            f"{rng.randint(1, 28)}日前将工作情况报送{rng.choice(SECTIONS)}。"
            f"联系人：{faker.name()}，电话：{faker.phone_number()}。",
        ]
        return "".join(f"<p>{p}</p>" for p in paragraphs)

    def item(self, number):
        """The government information item of this number (0-based)."""
        rng = self._random("item", number)
        category = CATEGORIES[number % len(CATEGORIES)]
        year = rng.choice(self.years)
        created = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        title = self._fill(rng.choice(TITLES[category]), rng, year)
        state = rng.choices([s for s, _w in STATES], [w for _s, w in STATES])[0]
        attribute = "proactive"
        reason = None
        if state == "retained":
            attribute = rng.choice(("on_request", "not_disclosed"))
            reason = (
                rng.choice(NONDISCLOSURE_REASONS)
                if attribute == "not_disclosed"
                else None
            )
        steps = {
            "collection": 0,
            "content_review": 1,
            "secrecy_review": 2,
            "disclosure_review": 3,
            "leader_signoff": 4,
            "entry": 5,
            "entry_check": 6,
            "published": 7,
            "retracted": 7,
            "retained": 4,
        }[state]
        day = created
        history = []
        for transition, actor, _target in STEPS[:steps]:
            day += timedelta(days=rng.randint(0, 3))
            history.append((transition, actor, day))
        if state == "retained":
            history.append(("sign_off_internal", "leader", day))
        if state == "retracted":
            history.append(
                ("retract", "leader", day + timedelta(days=rng.randint(30, 300)))
            )
        attachment = None
        if number % 10 == 3:
            attachment = (
                f"附件{number}.pdf",
                f"%PDF-1.4\n% {title}\n{self.faker.paragraph()}\n%%EOF\n".encode(),
            )
        return Item(
            id=f"xxgk-{year}-{number:06d}",
            title=title,
            category=category,
            year=year,
            created=created,
            document_number=f"{rng.choice(DOCUMENT_PREFIXES)}〔{year}〕{number % 500 + 1}号",
            responsible_section=rng.choice(SECTIONS),
            keywords=rng.sample(TOPICS, 2),
            description=f"{title}。{self.faker.sentence()}",
            body=self._body(rng, title, year),
            state=state,
            attribute=attribute,
            nondisclosure_reason=reason,
            attachment=attachment,
            history=history,
        )

    def item_place(self, number):
        """(id, category) of the item of this number, without generating the rest of it."""
        rng = self._random("item", number)
        category = CATEGORIES[number % len(CATEGORIES)]
        year = rng.choice(self.years)  # the first draw of item(), as there
        return f"xxgk-{year}-{number:06d}", category

    def items(self, count, start=0, skip=None):
        """Items start … count-1 (but those for which skip(id, category) is true)."""
        for number in range(start, count):
            if skip is not None and skip(*self.item_place(number)):
                continue
            yield self.item(number)

    def case_file(self, number):
        """The enforcement case file of this number."""
        rng = self._random("case", number)
        faker = self.faker
        year = rng.choice(self.years)
        opened = date(year, 1, 1) + timedelta(days=rng.randrange(300))
        kind = rng.choice(KINDS)
        organisation = rng.random() < 0.7
        party = faker.company() if organisation else faker.name()
        state = rng.choices(("handling", "decided", "archived"), (2, 3, 5))[0]
        decided = opened + timedelta(days=rng.randint(10, 60))
        documents = [
            (
                f"doc-{i + 1}.pdf",
                title,
                kind_of,
                conclusive,
                f"%PDF-1.4\n% {title}\n{faker.paragraph()}\n%%EOF\n".encode(),
            )
            for i, (title, kind_of, conclusive) in enumerate(
                rng.sample(DOCUMENT_KINDS, rng.randint(2, 4))
            )
        ]
        return CaseFile(
            id=f"case-{year}-{number:05d}",
            title=f"{party}{rng.choice(('未按规定移交档案', '擅自销毁档案', '档案保管不善', '违规提供档案利用'))}案",
            case_number=f"市档罚〔{year}〕{number + 1}号",
            kind=kind,
            party_name=party,
            party_type="organisation" if organisation else "person",
            party_id_number=faker.ssn()
            if not organisation
            else f"9145{rng.randrange(10**13):013d}X",
            handling_section="执法监督科",
            opened=opened,
            decided=decided if state != "handling" else None,
            decision_number=f"市档罚决字〔{year}〕{number + 1}号"
            if state != "handling"
            else "",
            paper_location=f"档案库房{rng.randint(1, 4)}层 {rng.choice('ABCD')}-{rng.randint(1, 40)} 柜",
            state=state,
            documents=documents,
        )

    def case_files(self, count):
        """Case files 0 … count-1."""
        for number in range(count):
            yield self.case_file(number)

    def backup(self, number):
        """The backup log of this number: one nightly backup each."""
        rng = self._random("backup", number)
        finished = date(self.years[-1], 1, 1) + timedelta(days=number)
        kind = "full" if finished.weekday() == 6 else "incremental"
        size = rng.randint(10**6, 10**9)
        digest = f"{rng.getrandbits(256):064x}"
        return Backup(
            id=f"backup-{finished.isoformat()}",
            title=f"{finished.isoformat()} {'全量' if kind == 'full' else '增量'}备份",
            kind=kind,
            finished=finished,
            size=size,
            files=f"{digest}  {size}  filestorage/{finished.isoformat()}-02-00-00.{'fsz' if kind == 'full' else 'deltafsz'}",
            state=rng.choices(("recorded", "handed_over", "verified"), (1, 3, 6))[0],
        )

    def backups(self, count):
        """Backup logs 0 … count-1."""
        for number in range(count):
            yield self.backup(number)


def sizes(total):
    """How many case files and backup logs go with `total` items."""
    return max(3, total // 50), max(3, min(365, total // 200))
