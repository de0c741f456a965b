"""Bad query parameters on the public pages: a 400 naming the parameter, or free text; never a 500."""

from pytest_plone.fixtures.requests import RelativeSession

import pytest


# Every public page that reads query parameters, and the JSON catalogue.
PAGES = (
    "/disclosure/@@catalogue",
    "/@@disclosure-search",
    "/disclosure/@@catalogue-rss.xml",
    "/disclosure/@@catalogue-atom.xml",
    "/++api++/@disclosure-catalogue",
)


def get(portal, path, query):
    """An anonymous GET with a raw query string (so that bytes and repeats stay as sent)."""
    with RelativeSession(portal.absolute_url()) as anonymous:
        anonymous.headers["Accept"] = (
            "application/json" if "++api++" in path else "text/html"
        )
        return anonymous.get(f"{path}?{query}")


# Search operators, SQL and odd characters typed by a visitor are words to look for.
FREE_TEXT = (
    "and",
    "or 1",
    "NOT 档案",
    "' OR 1=1--",
    'AND OR NOT ( ) " *',
    "档案*",
    '"工作" AND (通知 OR NOT)',
    "a" * 5000,
)


@pytest.mark.parametrize("text", FREE_TEXT)
@pytest.mark.parametrize(
    "path", ["/@@disclosure-search", "/++api++/@disclosure-catalogue"]
)
def test_search_operators_are_free_text(demo_functional_portal, path, text):
    from urllib.parse import urlencode

    response = get(demo_functional_portal, path, urlencode({"q": text}))
    assert response.status_code == 200, response.text[:500]


def test_an_operator_word_is_searched_for_not_parsed(demo_functional_portal):
    from urllib.parse import urlencode

    def titles(text):
        found = get(
            demo_functional_portal,
            "/++api++/@disclosure-catalogue",
            urlencode({"q": text}),
        ).json()
        return {item["title"] for item in found["items"]}

    both = {"2026年政府信息公开工作要点", "关于开展档案安全检查工作的通知"}
    assert titles("工作要点") | titles("档案安全检查") == both
    # Read as the word it is, OR ranks like any word no item holds; as an operator it
    # would instead make the parser return the union of both words' items alone.
    assert titles("工作要点 OR 档案安全检查") == titles("工作要点 qzxv 档案安全检查")
    assert titles("工作要点 NOT 档案安全检查") == titles("工作要点 qzxv 档案安全检查")
    answer = get(
        demo_functional_portal,
        "/++api++/@disclosure-catalogue",
        urlencode({"q": "工作要点 OR 档案安全检查"}),
    ).json()
    assert "or" in [word.lower() for word in answer["search"]["words"]]
    # A glob star is punctuation, not a wildcard over the index.
    assert titles("工作要点*") == {"2026年政府信息公开工作要点"}


# (query string, the parameter the answer must name)
BAD = (
    ("year=99999", "year"),
    ("year=0", "year"),
    ("year=abc", "year"),
    ("year=2026&year=2025", "year"),
    ("category=finance&category=decisions", "category"),
    ("category=%FF%FE", "category"),
    ("b_start=-5", "b_start"),
    ("b_start=x", "b_start"),
    ("q=%FF%FE%FD", "q"),
    ("q=a&q=b", "q"),
    ("sort=title&sort=date", "sort"),
    ("organ=%C3%28", "organ"),
)


@pytest.mark.parametrize(("query", "parameter"), BAD)
@pytest.mark.parametrize("path", PAGES)
def test_bad_parameter_is_named(demo_functional_portal, path, query, parameter):
    response = get(demo_functional_portal, path, query)
    name = query.split("=")[0]
    reads = {
        "/disclosure/@@catalogue": {"year", "category", "b_start", "sort", "organ"},
        "/@@disclosure-search": {"year", "category", "b_start", "q"},
        "/disclosure/@@catalogue-rss.xml": {"category"},
        "/disclosure/@@catalogue-atom.xml": {"category"},
        "/++api++/@disclosure-catalogue": {
            "year",
            "category",
            "b_start",
            "q",
            "sort",
            "organ",
        },
    }[path]
    if name not in reads:
        # a parameter the page does not read is no error of the page's
        assert response.status_code == 200, response.text[:500]
        return
    assert response.status_code == 400, response.text[:500]
    if "++api++" in path:
        assert response.json()["error"]["field"] == parameter
    else:
        assert parameter in response.text
        assert "参数" in response.text
