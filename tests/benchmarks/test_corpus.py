"""The benchmark's corpus: realistic, complete, the same for the same seed."""

from bench.corpus import CATEGORIES
from bench.corpus import Corpus
from bench.corpus import STATES
from collections import Counter
from gov.infomgmt.vocabularies.disclosure import CATEGORIES as CATALOGUE

import re


def test_same_seed_same_corpus_any_order():
    first = Corpus(seed=7)
    assert list(first.items(50)) == list(Corpus(seed=7).items(50))
    # A record does not depend on the ones before it: a resumed load gets the same.
    assert Corpus(seed=7).item(42) == list(first.items(50))[42]
    assert Corpus(seed=8).item(42) != Corpus(seed=7).item(42)


def test_all_categories_and_states_occur():
    items = list(Corpus().items(1400))
    assert set(CATEGORIES) == {value for value, _title in CATALOGUE}
    assert {i.category for i in items} == set(CATEGORIES)
    assert {i.state for i in items} == {state for state, _weight in STATES}
    assert Counter(i.state for i in items).most_common(1)[0][0] == "published"
    assert len({i.year for i in items}) >= 5  # several years
    assert sum(1 for i in items if i.attachment) == 140


def test_records_look_like_a_bureaus():
    item = Corpus().item(3)
    assert re.fullmatch(r"市档\w*〔\d{4}〕\d+号", item.document_number)
    assert re.search(r"[\u4e00-\u9fff]{4}", item.title)
    assert item.body.startswith("<p>")
    assert "《中华人民共和国档案法》" in item.body
    case = Corpus().case_file(1)
    assert case.case_number.startswith("市档罚〔")
    assert 2 <= len(case.documents) <= 4
    assert all(doc[4].startswith(b"%PDF") for doc in case.documents)


def test_history_leads_to_the_state():
    for item in Corpus().items(300):
        reached = {
            "collection": None,
            "retained": "sign_off_internal",
            "retracted": "retract",
        }.get(item.state)
        if item.state == "collection":
            assert item.history == []
        elif reached:
            assert item.history[-1][0] == reached
        days = [day for _t, _a, day in item.history]
        assert days == sorted(days)


def test_place_of_an_item_without_generating_it():
    """A resumed load skips what exists by id and section, generated from the same draw."""
    corpus = Corpus(seed=7)
    for number in (0, 5, 13, 999):
        item = corpus.item(number)
        assert corpus.item_place(number) == (item.id, item.category)
    assert [
        i.id for i in corpus.items(6, skip=lambda item_id, _c: item_id.endswith("3"))
    ] == [corpus.item(n).id for n in (0, 1, 2, 4, 5)]
