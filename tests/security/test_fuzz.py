"""Fuzz the public pages and the REST API: no answer is a server error, no refusal writes.

Hypothesis draws query strings (repeated names, odd text, bytes that are not UTF-8)
and JSON bodies (any type, unknown fields, deep nesting, long text). It is seeded
(derandomize) and bounded (max_examples), so that it runs in `make test` in well under a
minute and finds the same cases every time.
"""

from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from tests.backups.test_backup_log import new_log
from tests.backups.test_backup_log import run
from urllib.parse import quote

import json
import pytest
import transaction


FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PARAMETERS = ("q", "category", "year", "organ", "sort", "all", "b_start", "b_size")
PUBLIC = (
    "/disclosure/@@catalogue",
    "/@@disclosure-search",
    "/disclosure/@@catalogue-rss.xml",
    "/disclosure/@@catalogue-atom.xml",
    "/++api++/@disclosure-catalogue",
)

# A query value: text of any kind, a number, or raw bytes percent-encoded as sent.
VALUES = st.one_of(
    st.text(max_size=40).map(lambda text: quote(text, safe="")),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.binary(max_size=12).map(lambda raw: "".join(f"%{byte:02X}" for byte in raw)),
    st.sampled_from(["and", "or 1", "NOT 档案", "' OR 1=1--", "*", '"', "(", "-1"]).map(
        lambda text: quote(text, safe="")
    ),
)
QUERIES = st.lists(
    st.tuples(st.sampled_from(PARAMETERS) | st.text(max_size=8).map(quote), VALUES),
    max_size=6,
).map(lambda pairs: "&".join(f"{name}={value}" for name, value in pairs))

# A JSON body: anything, with the endpoints' own field names likely among the keys.
KEYS = st.sampled_from(
    [
        "comment",
        "include_children",
        "effective",
        "passed",
        "summary",
        "evidence",
        "files_checked",
        "objects",
        "fire",
        "theft",
        "note",
        "title",
        "document_number",
        "keywords",
        "index_number",
        "disclosure_attribute",
        "id",
        "@type",
    ]
) | st.text(max_size=10)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=60)
    | st.just("长" * 3000)
)
JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=5)
    ),
    max_leaves=12,
)
BODIES = JSON.map(lambda value: json.dumps(value).encode("utf-8")) | st.binary(
    max_size=40
)


@pytest.fixture
def sessions(demo_api):
    """One REST session per user, reused by every example: a new session per example
    would keep its connection open until the test ends, and the test server, out of
    connections, would wait for idle ones to time out."""
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    made = {}

    def session(user=None, api=True):
        if (user, api) not in made:
            made[user, api] = demo_api(None if user == "admin" else user, api=api)
            if user == "admin":
                made[user, api].auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        return made[user, api]

    return session


def last_transaction(portal):
    """The id of the database's last committed transaction."""
    transaction.begin()
    return portal._p_jar.db().lastTransaction()


@given(path=st.sampled_from(PUBLIC), query=QUERIES)
@FUZZ
def test_public_pages_never_fail(sessions, demo_functional_portal, path, query):
    session = sessions(api=False)
    response = session.get(f"{path}?{query}")
    assert response.status_code < 500, (path, query, response.text[:500])


@pytest.fixture
def targets(demo_functional_portal):
    """An item in review, a handed-over backup log: what the writes are aimed at."""
    from plone import api
    from plone.app.textfield.value import RichTextValue

    portal = demo_functional_portal
    with api.env.adopt_user(username="collector"):
        item = api.content.create(
            container=portal["disclosure"],
            type="GovernmentInformation",
            id="fuzz-item",
            title="模糊测试条目",
            category="statistics",
            responsible_section="办公室",
            text=RichTextValue("<p>正文</p>", "text/html", "text/x-html-safe"),
        )
        api.content.transition(obj=item, transition="submit", comment="提交")
    portal["backup-logs"]._delObject("demo-backup")
    log = new_log(portal)
    run(log, "hand_over", "custodian")
    transaction.commit()
    return portal


ITEM = "/disclosure/fuzz-item"
LOG = "/backup-logs/backup-2026-11-27"
# (method, path, user): each write endpoint of the project, by someone allowed to call it
WRITES = (
    ("POST", f"{ITEM}/@workflow/approve_content", "sectionhead"),
    ("POST", f"{ITEM}/@workflow/return_for_revision", "sectionhead"),
    ("POST", f"{LOG}/@workflow/verify", "custodian"),
    ("POST", f"{LOG}/@restore-drills", "itstaff"),
    ("POST", f"{LOG}/@storage-inspections", "custodian"),
    ("PATCH", ITEM, "sectionhead"),
    ("PATCH", LOG, "admin"),
    ("POST", "/@disclosure-reminders", "admin"),
    ("POST", "/@backup-watchdog", "admin"),
    ("POST", "/disclosure", "collector"),
)


@given(write=st.sampled_from(WRITES), body=BODIES)
@settings(FUZZ, max_examples=400)
def test_writes_never_fail_and_refusals_write_nothing(sessions, targets, write, body):
    method, path, user = write
    session = sessions(user)
    before = last_transaction(targets)
    response = session.request(
        method, path, data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code < 500, (write, body[:300], response.text[:500])
    if response.status_code >= 400:
        assert last_transaction(targets) == before, (write, body[:300])


@given(page=st.sampled_from(["/++api++/@my-tasks", "/@@my-tasks"]), query=QUERIES)
@settings(FUZZ, max_examples=50)  # a logged-in page renders the whole chrome: slower
def test_task_list_never_fails(sessions, demo_functional_portal, page, query):
    response = sessions("sectionhead", api=False).get(f"{page}?{query}")
    assert response.status_code < 500, (page, query, response.text[:500])
