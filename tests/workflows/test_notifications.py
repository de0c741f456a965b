"""Mail to whoever must act next, to the author of a returned item, and about deadlines."""

from email.header import decode_header
from freezegun import freeze_time
from gov.infomgmt.notifications import remind_deadline

import pytest


def subject(message):
    return "".join(
        part.decode(charset or "utf-8") if isinstance(part, bytes) else part
        for part, charset in decode_header(message["Subject"])
    )


def body(message):
    return message.get_payload(decode=True).decode("utf-8")


@pytest.fixture
def item(demo_portal, make_item):
    return make_item(demo_portal["disclosure"], title="通知测试信息")


def test_next_stage_holders_are_told(item, do_transition, mailbox):
    do_transition(item, "submit", "collector")
    mails = mailbox.refresh()
    assert len(mails) == 1
    assert mails[0]["To"] == "sectionhead@example.org"
    assert subject(mails[0]) == "待您处理：通知测试信息"
    assert "内容审核" in body(mails[0])
    assert item.absolute_url() in body(mails[0])


def test_group_members_are_told(item, do_transition, mailbox):
    from plone import api

    api.group.add_user(groupname="disclosure-secrecy-reviewers", username="staff")
    do_transition(item, "submit", "collector")
    do_transition(item, "approve_content", "sectionhead")
    last = mailbox.refresh()[-1]
    assert set(last["To"].split(", ")) == {"secrecy@example.org", "staff@example.org"}


def test_return_tells_the_author_with_the_comment(item, do_transition, mailbox):
    do_transition(item, "submit", "collector")
    do_transition(
        item, "return_for_revision", "sectionhead", comment="第二段数据需核实"
    )
    last = mailbox.refresh()[-1]
    assert last["To"] == "collector@example.org"
    assert subject(last) == "退回修改：通知测试信息"
    assert "第二段数据需核实" in body(last)


def test_reminders(demo_portal, make_item, do_transition, mailbox):
    item = make_item(demo_portal["disclosure"], title="期限测试信息")
    item.disclosure_attribute = "proactive"
    for transition, user in (
        ("submit", "collector"),
        ("approve_content", "sectionhead"),
        ("approve_secrecy", "secrecy"),
        ("approve_disclosure", "discloser"),
    ):
        do_transition(item, transition, user)
    with freeze_time("2025-09-26 02:00:00"):
        do_transition(item, "sign_off", "leader")
    mailbox.refresh()
    assert remind_deadline(item, 2) == ["clerk@example.org"]
    assert remind_deadline(item, -1) == ["leader@example.org"]
    mails = mailbox.refresh()
    assert subject(mails[-2]) == "临近期限：期限测试信息"
    assert "2025-10-30" in body(mails[-2])
    assert subject(mails[-1]) == "已逾期：期限测试信息"


def test_the_work_news_leader_step_is_told_and_listed(
    demo_portal, make_item, do_transition, mailbox
):
    """公开审核与签发 of work news reaches the delegated leaders' mail and task lists."""
    from gov.infomgmt import tasks
    from plone import api

    news = make_item(demo_portal["disclosure"]["work-news"], title="工作动态测试")
    news.disclosure_attribute = "proactive"
    for transition, user in (
        ("submit", "collector"),
        ("approve_content", "sectionhead"),
        ("approve_secrecy", "secrecy"),
    ):
        do_transition(news, transition, user)
    last = mailbox.refresh()[-1]
    assert sorted(last["To"].split(", ")) == [
        "discloser@example.org",
        "leader@example.org",
    ]
    assert "公开审核与签发" in body(last)
    for user in ("discloser", "leader"):
        with api.env.adopt_user(username=user):
            listed = [brain.getId for brain in tasks.my_tasks()]
        assert news.getId() in listed, user
    with api.env.adopt_user(username="discloser"):
        page = api.content.get_view("my-tasks", demo_portal, demo_portal.REQUEST)
        assert page.state_title("leader_decision") == "公开审核与签发"
