"""Event subscribers of gov.infomgmt that belong to no workflow."""

from gov.infomgmt.content.government_information import default_category


def fill_category_from_folder(obj, event):
    """An item created without a category (e.g. by a script) takes its folder's."""
    if not getattr(obj, "category", None):
        category = default_category(obj)
        if category:
            obj.category = category
