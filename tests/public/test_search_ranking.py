"""Relevance ranking over the permitted documents (gov.infomgmt.patches.ranking).

The catalog's answer to a full-text query must be what ZCatalog and ZCTextIndex give
on their own, score for score and page for page, while the visitor's permissions still
decide what is found.
"""

from AccessControl.SecurityManagement import noSecurityManager
from BTrees.IIBTree import IIBucket
from gov.infomgmt import catalogue
from gov.infomgmt.patches import ranking
from gov.infomgmt.search import INDEX
from plone import api
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue
from Products.ZCatalog.Catalog import Catalog
from Products.ZCatalog.plan import Benchmark
from Products.ZCatalog.plan import CatalogPlan
from Products.ZCatalog.plan import PriorityMap
from tests.workflows.test_disclosure_permissions import item_in_state
from tests.workflows.test_disclosure_permissions import STEPS_TO

import pytest
import random


def random_scores(count, seed=7):
    """Scores with many ties, as short documents give."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    return IIBucket(
        {rng.randrange(-(2**31), 2**31 - 1): rng.randrange(50) for _ in range(count)}
    )


@pytest.mark.parametrize("count", [10, 300, 5000])
def test_lazy_ranking_reads_as_the_full_sort(count):
    scores = random_scores(count)
    full = IIBucket.byValue(scores, 0)
    ranked = ranking.ScoredBucket(scores).byValue(0)
    assert isinstance(ranked, ranking.RankedScores)
    assert len(ranked) == len(full)
    assert ranked[0] == full[0]
    assert ranked[-1] == full[-1]
    for start in (0, 20, 60, 100, count // 2, count - 5):
        assert ranked[start : start + 20] == full[start : start + 20]
    assert list(ranked) == full
    with pytest.raises(IndexError):
        ranked[count]


def test_other_minimums_are_left_to_btrees():
    scores = random_scores(300)
    assert ranking.ScoredBucket(scores).byValue(10) == IIBucket.byValue(scores, 10)


WORDS = ["数字化", "档案", "安全", "检查", "电子文件", "移交"]


@pytest.fixture
def texts(demo_portal, make_item):
    """Items with the same words in different numbers and lengths, found by the manager."""
    rng = random.Random(11)  # noqa: S311 - test data, not secrets
    folder = demo_portal["disclosure"]
    for number in range(40):
        words = [rng.choice(WORDS) for _ in range(rng.randrange(1, 12))]
        filler = "本局按照年度计划推进相关工作。" * rng.randrange(1, 6)
        make_item(
            folder,
            title=f"第{number}号 {words[0]}工作通知",
            text=RichTextValue(
                f"<p>{'，'.join(words)}。{filler}</p>", "text/html", "text/x-html-safe"
            ),
        )
    processQueue()
    return folder


def answers(query, pages=(0, 5, 20)):
    """Count and (id, score, normalised score) of a few pages, as the manager sees them."""
    catalog = api.portal.get_tool("portal_catalog")
    results = catalog.unrestrictedSearchResults(
        portal_type="GovernmentInformation", **query
    )
    return len(results), [
        [
            (b.getId, b.data_record_score_, b.data_record_normalized_score_)
            for b in results[start : start + 5]
        ]
        for start in pages
    ]


@pytest.fixture
def scoring_calls(monkeypatch):
    """Each call of the ranked path's scorer."""
    calls = []
    scores = ranking._scores

    def spy(*args):
        calls.append(args)
        return scores(*args)

    monkeypatch.setattr(ranking, "_scores", spy)
    return calls


@pytest.mark.parametrize(
    ("query", "ranked"),
    [
        ({INDEX: "档案"}, True),
        ({INDEX: "数字化"}, True),  # cut in parts: 数字 or 数字化
        ({INDEX: "安全 检查"}, True),  # both words
        ({INDEX: '"电子文件"'}, True),
        ({INDEX: "档案 安全 移交"}, True),
        ({INDEX: "从未出现"}, True),
        ({"SearchableText": "档案"}, True),  # Plone's bigram index
        ({INDEX: "安全 OR 移交"}, False),
        ({INDEX: "档案 AND NOT 安全"}, False),
        ({"SearchableText": "notice*"}, False),
    ],
)
def test_same_answers_as_zcatalog(texts, monkeypatch, scoring_calls, query, ranked):
    ours = answers(query)
    assert bool(scoring_calls) is ranked
    monkeypatch.setattr(Catalog, "_search_index", ranking._search_index)
    assert ours == answers(query)


def test_anonymous_search_still_sees_only_published_items(
    demo_portal, make_item, do_transition, scoring_calls
):
    folder = demo_portal["disclosure"]
    text = RichTextValue("<p>整改台账</p>", "text/html", "text/x-html-safe")
    make_item(folder, title="整改台账（草稿）", text=text)
    published = item_in_state(folder, make_item, do_transition, STEPS_TO["published"])
    published.text = text
    published.reindexObject()
    processQueue()
    noSecurityManager()  # an anonymous visitor
    catalog = api.portal.get_tool("portal_catalog")
    assert [brain.getId for brain in catalog.searchResults({INDEX: "整改台账"})] == [
        published.getId()
    ]
    query = catalogue.text_search_query("整改台账")
    assert [brain.getId for brain in catalogue.search(**query)] == [published.getId()]
    assert scoring_calls


def test_text_indexes_come_last_before_and_after_the_catalog_learns_a_plan(
    demo_portal,
):
    catalog = api.portal.get_tool("portal_catalog")._catalog
    query = {INDEX: "档案", "portal_type": "GovernmentInformation", "review_state": "x"}
    # No plan yet: the catalog orders the indexes by kind.
    assert catalog._sorted_search_indexes(query)[-1] == INDEX
    # A learnt plan orders them by time; a fast text search still comes last, after
    # the filters it scores within.
    plan = CatalogPlan(catalog, query)
    PriorityMap.set_entry(
        plan.cid,
        plan.key,
        {
            INDEX: Benchmark(0.0001, 1, True),
            "portal_type": Benchmark(0.01, 1, True),
            "review_state": Benchmark(0.02, 1, True),
        },
    )
    try:
        assert plan.plan() == ["portal_type", "review_state", INDEX]
    finally:
        PriorityMap.clear_entry(plan.cid)
