"""Soft matching: partial matches ranked after complete ones instead of an empty page."""

from gov.infomgmt import catalogue
from gov.infomgmt.search.synonyms import RECORD
from plone import api
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue
from tests.workflows.test_disclosure_permissions import SHORT_STEPS

import pytest


ITEMS = {
    "guide": (
        "政府信息公开指南",
        "本指南说明主动公开的内容、依申请公开的办理程序和监督保障方式。",
    ),
    "annual": (
        "政府信息公开工作年度报告",
        "行政机关应当在每年一月三十一日前向社会公布本机关上一年度政府信息公开工作年度报告。",
    ),
    "change": (
        "业务数据变更管理办法",
        "已公布的业务数据确需更改的，应当报分管负责人审批后更新。",
    ),
    "deadline": (
        "主动公开时限",
        "属于主动公开范围的政府信息，应当自形成之日起二十个工作日内予以公开。",
    ),
    "article": ("档案开放规定 第三十三条", "档案馆应当按照规定向社会开放档案。"),
    "numbered": ("关于库房改造的通知", "库房改造工程安排。"),
    "in-title": ("档案移交工作", "本文说明有关事项。"),
    "in-body": (
        "有关事项的说明",
        "档案移交，档案移交，档案移交的具体安排和档案移交的要求。",
    ),
    "penalty-file": ("行政执法档案管理", "行政执法档案的立卷和归档。"),
}


@pytest.fixture
def published(demo_portal, make_item, do_transition):
    """The items published in 工作动态 (short review chain)."""
    folder = demo_portal["disclosure"]["work-news"]
    for item_id, (title, text) in ITEMS.items():
        item = make_item(
            folder,
            id=item_id,
            title=title,
            text=RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe"),
            document_number="市档发〔2026〕17号" if item_id == "numbered" else None,
        )
        item.disclosure_attribute = "proactive"
        for transition, user in SHORT_STEPS:
            do_transition(item, transition, user)
    processQueue()
    return folder


def found(text):
    """Ids of the published items found, best first, as the public search asks."""
    query = catalogue.text_search_query(text)
    return [brain.getId for brain in catalogue.search(**query)] if query else []


def test_question_with_filler_words(published):
    """包括 and 哪些 are in no answer: they are set aside, not required."""
    assert found("政府信息公开指南包括哪些内容")[0] == "guide"
    analysis = catalogue.text_index().analyse("政府信息公开指南包括哪些内容")
    assert {"包括", "哪些"} <= set(analysis.ignored)


def test_one_word_absent_from_the_answer(published):
    """需 and the order of words do not keep the article away; nor does 更改 for 更改."""
    assert found("更改已公布的业务数据需审批")[0] == "change"


def test_partial_match_instead_of_an_empty_page(published):
    # 年度报告 and 1月31日 are in the article, 发布 is not.
    assert found("年度报告 1月31日 发布")[0] == "annual"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("20个工作日内公开", "deadline"),
        ("二十个工作日内公开", "deadline"),
        ("第33条", "article"),
        ("第三十三条", "article"),
        ("1月31日", "annual"),
    ],
)
def test_numerals_in_both_scripts(published, query, expected):
    assert found(query)[0] == expected


@pytest.mark.parametrize(
    "query",
    [
        "市档发〔2026〕17号",
        "市档发[2026]17号",
        "市档发(2026)17号",
        "市档发（2026）17号",
    ],
)
def test_document_number_in_any_bracket(published, query):
    assert found(query)[0] == "numbered"


def test_traditional_characters(published):
    assert found("檔案開放規定")[0] == "article"


def test_title_ranks_above_body(published):
    """The body of in-body says 档案移交 four times; in-title has it in its title."""
    results = found("档案移交")
    assert results.index("in-title") < results.index("in-body")


def test_short_query_of_rare_words_stays_strict(published):
    """Two words that some item holds both: only those items, as before."""
    assert found("库房改造") == ["numbered"]


def test_synonym_from_the_settings(published):
    api.portal.set_registry_record(RECORD, ["年报 年度报告"])
    assert found("年报")[0] == "annual"
    api.portal.set_registry_record(RECORD, ["执法案卷 行政执法档案"])
    assert "annual" not in found("年报")
    assert found("执法案卷")[0] == "penalty-file"


def test_drafts_never_found(published, make_item):
    """Soft matching widens what is found among public items, never beyond them."""
    make_item(
        published,
        id="draft",
        title="档案开放规定（草稿）",
        text=RichTextValue("<p>档案开放草稿。</p>", "text/html", "text/x-html-safe"),
    )
    processQueue()
    assert "draft" not in found("档案开放草稿")


def test_default_synonyms(published):
    """A new site finds 年度报告 for 年报 before anyone edits the list."""
    assert found("年报")[0] == "annual"
