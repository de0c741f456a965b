"""The rules of the access register (行政执法记录信息调阅监督制度), in one place.

Each function answers one question of the register's clerk; a refusal names the rule
and the field at fault, so that the form and the API can say what is missing.
"""

from dataclasses import dataclass
from gov.infomgmt import _


# Requester categories (第四~七、十一条).
OWN_OFFICER = "own_officer"  # 本局执法人员
STAFF = "staff"  # 本局其他工作人员
PUBLIC_SECURITY = "public_security"  # 公安机关
PROCURATORATE = "procuratorate"  # 检察机关
COURT = "court"  # 审判机关
STATE_SECURITY = "state_security"  # 国家安全机关
DISCIPLINE = "discipline"  # 纪检监察机关
AUDIT = "audit"  # 审计机关
PARTY = "party"  # 当事人
LAWYER = "lawyer"  # 当事人委托的律师
AGENCY = "agency"  # 其他机关（书面函件）

AUTHORITIES = {PUBLIC_SECURITY, PROCURATORATE, COURT, STATE_SECURITY, DISCIPLINE, AUDIT}
INSIDE = {OWN_OFFICER, STAFF}

CATEGORIES = (
    (OWN_OFFICER, _("Enforcement officer of the bureau")),
    (STAFF, _("Other staff of the bureau")),
    (PUBLIC_SECURITY, _("Public security organ")),
    (PROCURATORATE, _("Procuratorate")),
    (COURT, _("Court")),
    (STATE_SECURITY, _("State security organ")),
    (DISCIPLINE, _("Discipline inspection and supervision organ")),
    (AUDIT, _("Audit organ")),
    (PARTY, _("The party of the case")),
    (LAWYER, _("Lawyer of the party")),
    (AGENCY, _("Another agency, by letter")),
)

# Credentials shown (第五、六条).
LETTER = "letter_of_introduction"  # 介绍信
VALID_ID = "valid_id"  # 有效身份证件
POWER_OF_ATTORNEY = "power_of_attorney"  # 委托书
AUTHORISATION = "authorisation"  # 授权书
PRACTISING_CERTIFICATE = "practising_certificate"  # 律师执业证
OFFICIAL_LETTER = "official_letter"  # 书面函件

CREDENTIALS = (
    (LETTER, _("Letter of introduction")),
    (VALID_ID, _("Valid identity document")),
    (POWER_OF_ATTORNEY, _("Power of attorney")),
    (AUTHORISATION, _("Letter of authorisation")),
    (PRACTISING_CERTIFICATE, _("Lawyer's practising certificate")),
    (OFFICIAL_LETTER, _("Official letter of the agency")),
)

REQUIRED_CREDENTIALS = {
    OWN_OFFICER: set(),
    STAFF: set(),
    **{authority: {LETTER, VALID_ID} for authority in AUTHORITIES},
    PARTY: {LETTER, VALID_ID},
    LAWYER: {
        LETTER,
        VALID_ID,
        POWER_OF_ATTORNEY,
        AUTHORISATION,
        PRACTISING_CERTIFICATE,
    },
    AGENCY: {OFFICIAL_LETTER},
}

# Modes of access.
CONSULT = "consult"  # 查阅
EXCERPT = "excerpt"  # 摘抄
COPY = "copy"  # 复制
SCAN = "scan"  # 扫描
LEND = "lend"  # 借出
POST_COPIES = "post_copies"  # 邮寄复印件

MODES = (
    (CONSULT, _("Consult")),
    (EXCERPT, _("Excerpt")),
    (COPY, _("Copy")),
    (SCAN, _("Scan")),
    (LEND, _("Lend")),
    (POST_COPIES, _("Post copies")),
)

ALLOWED_MODES = {
    OWN_OFFICER: {CONSULT, EXCERPT, COPY, SCAN, LEND},
    STAFF: {CONSULT, EXCERPT, COPY, SCAN, LEND},
    **{authority: {CONSULT, EXCERPT, COPY, SCAN, LEND} for authority in AUTHORITIES},
    PARTY: {CONSULT, EXCERPT, COPY},
    LAWYER: {CONSULT, EXCERPT, COPY},
    AGENCY: {CONSULT, POST_COPIES},
}

# Scope: the whole file, or the conclusive documents only (parties and lawyers, 第六条).
WHOLE_FILE = "whole_file"
CONCLUSIVE_ONLY = "conclusive_only"

PENALTY = "penalty"  # 行政处罚 records are never lent outside the bureau (第八条)


@dataclass(frozen=True)
class Refusal:
    """Why a request cannot be registered as it stands."""

    rule: str
    message: object
    field: str | None = None


def missing_credentials(category, shown):
    """The credentials this category must show and did not, in a fixed order."""
    required = REQUIRED_CREDENTIALS[category]
    return [
        value
        for value, _title in CREDENTIALS
        if value in required and value not in set(shown)
    ]


def refusals(category, credentials, mode, scope, record_kind, own_case=True):
    """Everything wrong with a request; an empty list means it may be registered."""
    if category not in REQUIRED_CREDENTIALS:
        return [
            Refusal(
                "unknown_category",
                _("Requester category: not one of the register's categories."),
                "category",
            )
        ]
    found = []
    missing = missing_credentials(category, credentials)
    if missing:
        found.append(
            Refusal(
                "credentials_missing",
                _(
                    "Credentials: missing ${missing}.",
                    mapping={"missing": ", ".join(missing)},
                ),
                "credentials",
            )
        )
    if mode not in ALLOWED_MODES[category]:
        found.append(
            Refusal(
                "mode_not_allowed",
                _("Mode: this requester may not have the file in this way."),
                "mode",
            )
        )
    if category in {PARTY, LAWYER}:
        if not own_case:
            found.append(
                Refusal(
                    "not_own_case",
                    _("Scope: a party or its lawyer sees its own case only."),
                    "record",
                )
            )
        if scope != CONCLUSIVE_ONLY:
            found.append(
                Refusal(
                    "scope_too_wide",
                    _(
                        "Scope: a party or its lawyer sees the conclusive documents only."
                    ),
                    "scope",
                )
            )
    if mode == LEND and record_kind == PENALTY and category not in INSIDE:
        found.append(
            Refusal(
                "no_outside_loan",
                _("Mode: penalty case files are never lent outside the bureau."),
                "mode",
            )
        )
    return found


def needs_approval(category, mode):
    """True when the leader in charge of the handling section must approve (第四、五、八条).

    The bureau's enforcement officers consult for their work without approval; copies
    for staff, every loan, and every request from outside need it.
    """
    if category == OWN_OFFICER:
        return mode != CONSULT
    return True
