"""Size limits of the text fields: a clear refusal next to the field, and over REST by name."""

from plone import api
from zope.i18n import translate

import pytest


def edit_errors(item, request, form):
    """The error of each widget of the item's edit form, in the reader's language."""
    from gov.infomgmt.interfaces import IGovInfomgmtLayer
    from zope.interface import alsoProvides

    alsoProvides(request, IGovInfomgmtLayer)
    request.form.update(form)
    request["LANGUAGE"] = "zh-cn"
    view = item.restrictedTraverse("@@edit").form_instance
    view.update()
    data, errors = view.extractData()
    found = {}
    for group in [view, *view.groups]:
        for name, widget in group.widgets.items():
            if widget.error is not None:
                found[name] = translate(widget.error.message, context=request)
    return found


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("document_number", "市档发" * 40),
        ("issuing_organ", "局" * 101),
        ("keywords", "\n".join(["档案" * 26])),
    ],
    ids=["document_number", "issuing_organ", "keywords"],
)
def test_edit_form_names_a_too_long_field_in_chinese(
    demo_portal, make_item, field, value
):
    item = make_item(demo_portal["disclosure"])
    with api.env.adopt_user(username="collector"):
        errors = edit_errors(
            item,
            demo_portal.REQUEST,
            {f"form.widgets.{field}": value, "form.buttons.save": "保存"},
        )
    assert field in errors
    # said in Chinese (太长 for a text, 错误包含的型别 for a keyword too long)
    assert any("\u4e00" <= char <= "\u9fff" for char in errors[field])


ITEM = {
    "@type": "GovernmentInformation",
    "title": "2026年档案工作统计公报",
    "category": "statistics",
    "responsible_section": "办公室",
}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("document_number", "号" * 101),
        ("issuing_organ", "局" * 600_000),
        ("keywords", ["档案"] * 31),
        ("keywords", ["档" * 51]),
    ],
    ids=["document_number", "issuing_organ_600k", "keywords_31", "keyword_51"],
)
def test_rest_refuses_a_too_long_field_by_name(demo_api, field, value):
    response = demo_api("collector").post("/disclosure", json={**ITEM, field: value})
    assert response.status_code == 400, response.text[:300]
    assert field in response.text
    assert (
        demo_api("collector")
        .get("/disclosure/@search", params={"Title": ITEM["title"]})
        .json()["items_total"]
        == 0
    )
