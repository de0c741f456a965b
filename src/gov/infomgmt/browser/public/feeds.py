"""RSS 2.0 and Atom feeds of the disclosure catalogue, for all items or one category."""

from datetime import datetime
from datetime import time
from email.utils import format_datetime
from gov.infomgmt import catalogue
from gov.infomgmt import query_parameters as parameters
from gov.infomgmt.browser.public.bad_parameter import bad_parameter_text
from gov.infomgmt.vocabularies.disclosure import CATEGORIES
from plone import api
from Products.Five.browser import BrowserView
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo
from zope.i18n import translate


FEED_SIZE = 30
CHINA = ZoneInfo("Asia/Shanghai")


class FeedBase(BrowserView):
    """The newest published items, optionally of one category (?category=...)."""

    def items(self):
        """The newest items of the feed; BadParameter for a category that is none."""
        category = parameters.choice(
            self.request.form, "category", list(dict(CATEGORIES))
        )
        query = catalogue.listing_query(category=category)
        query["sort_limit"] = FEED_SIZE
        return catalogue.search(**query)[:FEED_SIZE], category

    def feed_title(self, category):
        """The site's name, and the category's."""
        site = api.portal.get_registry_record("plone.site_title", default="")
        if category:
            return f"{site} - {translate(dict(CATEGORIES)[category], context=self.request)}"
        return site

    @staticmethod
    def moment(brain):
        """When the item was formed, as an aware datetime (midnight in Beijing)."""
        day = brain.gov_generation_date
        return datetime.combine(day, time(0, 0), tzinfo=CHINA) if day else None


class RSSView(FeedBase):
    """rss.xml: RSS 2.0."""

    def __call__(self):
        """Write the feed."""
        try:
            brains, category = self.items()
        except parameters.BadParameter as error:
            return bad_parameter_text(self, error)
        self.request.response.setHeader(
            "Content-Type", "application/rss+xml; charset=utf-8"
        )
        link = self.context.absolute_url()
        parts = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<rss version="2.0"><channel>',
            f"<title>{escape(self.feed_title(category))}</title>",
            f"<link>{escape(link)}/@@catalogue</link>",
            "<description>政府信息公开</description>",
            "<language>zh-cn</language>",
        ]
        for brain in brains:
            moment = self.moment(brain)
            parts += [
                "<item>",
                f"<title>{escape(brain.Title)}</title>",
                f"<link>{escape(brain.getURL())}</link>",
                f'<guid isPermaLink="true">{escape(brain.getURL())}</guid>',
                f"<description>{escape(brain.gov_summary or '')}</description>",
                f"<pubDate>{format_datetime(moment)}</pubDate>" if moment else "",
                "</item>",
            ]
        parts.append("</channel></rss>")
        return "\n".join(p for p in parts if p)


class AtomView(FeedBase):
    """atom.xml: Atom 1.0."""

    def __call__(self):
        """Write the feed."""
        try:
            brains, category = self.items()
        except parameters.BadParameter as error:
            return bad_parameter_text(self, error)
        self.request.response.setHeader(
            "Content-Type", "application/atom+xml; charset=utf-8"
        )
        link = f"{self.context.absolute_url()}/@@catalogue-atom.xml"
        newest = self.moment(brains[0]) if brains else datetime.now(CHINA)
        parts = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-cn">',
            f"<title>{escape(self.feed_title(category))}</title>",
            f'<link rel="self" href="{escape(link)}"/>',
            f"<id>{escape(link)}</id>",
            f"<updated>{newest.isoformat()}</updated>",
        ]
        for brain in brains:
            moment = self.moment(brain) or newest
            parts += [
                "<entry>",
                f"<title>{escape(brain.Title)}</title>",
                f'<link href="{escape(brain.getURL())}"/>',
                f"<id>{escape(brain.getURL())}</id>",
                f"<updated>{moment.isoformat()}</updated>",
                f"<summary>{escape(brain.gov_summary or '')}</summary>",
                "</entry>",
            ]
        parts.append("</feed>")
        return "\n".join(parts)
