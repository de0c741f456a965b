"""Who must act on what: the task lists of the duty holders and the leaders' overview.

Both are catalog queries on indexed metadata, with no object loaded: "my tasks" asks
the gov_reviewers index (who holds Review portal content on an item at its stage)
with the user's roles, user id and groups, as Plone asks allowedRolesAndUsers for View.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from datetime import UTC
from gov.infomgmt import _
from gov.infomgmt.clock import today_in_china
from gov.infomgmt.clock.entered_years import site_calendar
from gov.infomgmt.deadlines import clock_start
from gov.infomgmt.deadlines import CLOCK_STATES
from gov.infomgmt.deadlines import setting
from plone import api

import heapq


# The stages where someone must act, in the order of the chain; "draft" and
# "change_approved" are those of a change to a published item (working copy).
STAGES = (
    "collection",
    "draft",
    "content_review",
    "secrecy_review",
    "disclosure_review",
    "leader_signoff",
    "leader_decision",  # work news: the delegated leader's decision and sign-off
    "entry",
    "entry_check",
    "change_approved",
)

# Drafts wait for their author, not for a duty holder.
DRAFT_STATES = ("collection", "draft")

# Global roles that reach every item: administrators are not duty holders, so their
# task list holds only what they were given a duty for.
ADMIN_ROLES = {"Manager", "Site Administrator"}


def principals_of(user):
    """The roles, user id and groups of a user, as the catalog's security filter names them."""
    catalog = api.portal.get_tool("portal_catalog")
    return [p for p in catalog._listAllowedRolesAndUsers(user) if p not in ADMIN_ROLES]


def task_query(user):
    """The catalog query of the items waiting for this user at their stage, oldest first."""
    return {
        "portal_type": "GovernmentInformation",
        "review_state": list(STAGES),
        "gov_reviewers": principals_of(user),
        "sort_on": "gov_stage_since",
        "sort_order": "ascending",
    }


def drafts_query(user):
    """The catalog query of the user's own drafts (and items returned to them)."""
    return {
        "portal_type": "GovernmentInformation",
        "review_state": list(DRAFT_STATES),
        "Creator": user.getId(),
        "sort_on": "gov_stage_since",
    }


def my_tasks(user=None):
    """The items waiting for the user (the current one by default), oldest first.

    Review steps wait for whoever holds the stage's duty; a draft, or an item returned
    for revision, waits for its author.
    """
    return TaskList(user or api.user.get_current())


class TaskList(Sequence):
    """The user's waiting items and own drafts, merged oldest first as far as they are read.

    Both catalog results come sorted by gov_stage_since; a page of 50 reads about 50
    brains, not the thousands a section head may have waiting. The length and the counts
    per stage are catalog counts, which load no brain either.
    """

    def __init__(self, user):
        self.catalog = api.portal.get_tool("portal_catalog")
        self.waiting_query = task_query(user)
        self.drafts_query = drafts_query(user)
        # Drafts the user also holds the duty for are in both results.
        self.both_query = {
            **self.waiting_query,
            "review_state": list(DRAFT_STATES),
            "Creator": user.getId(),
        }
        waiting = self.catalog(**self.waiting_query)
        drafts = self.catalog(**self.drafts_query)
        self.total = len(waiting) + len(drafts) - self._count(self.both_query)
        self._merged = []
        self._seen = set()
        self._source = heapq.merge(waiting, drafts, key=_stage_since)

    def _count(self, query):
        """The number of results, unsorted: no brain is made."""
        unsorted = {
            k: v for k, v in query.items() if k not in ("sort_on", "sort_order")
        }
        return len(self.catalog(**unsorted))

    def _read(self, count):
        """Merge until `count` items are known (or the results end)."""
        for brain in self._source:
            if brain.UID in self._seen:
                continue
            self._seen.add(brain.UID)
            self._merged.append(brain)
            if count is not None and len(self._merged) >= count:
                return

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            needed = None if index.stop is None or index.stop < 0 else index.stop
        else:
            needed = None if index < 0 else index + 1
        if needed is None or len(self._merged) < needed:
            self._read(needed)
        return self._merged[index]

    def counts(self):
        """How many items wait at each stage, in chain order, stages with none left out."""
        counts = {}
        for stage in STAGES:
            count = self._count({**self.waiting_query, "review_state": stage})
            if stage in DRAFT_STATES:
                count += self._count({**self.drafts_query, "review_state": stage})
                count -= self._count({**self.both_query, "review_state": stage})
            if count:
                counts[stage] = count
        return counts


def _stage_since(brain):
    return brain.gov_stage_since


def counts_by_stage(brains):
    """How many items wait at each stage, in chain order, stages with none left out."""
    if isinstance(brains, TaskList):
        return brains.counts()
    counts = {}
    for brain in brains:
        counts[brain.review_state] = counts.get(brain.review_state, 0) + 1
    return {stage: counts[stage] for stage in STAGES if stage in counts}


@dataclass(frozen=True)
class Clock:
    """The entry clock of one item as a list shows it."""

    deadline: object
    working_days_left: int
    # Years the count ran through without a known arrangement: the deadline is 暂定.
    provisional_years: tuple = ()

    @property
    def provisional(self):
        """True while the deadline was counted through a year nobody has entered."""
        return bool(self.provisional_years)

    @property
    def provisional_reason(self):
        """Why the deadline is provisional, as a message; None when it is not."""
        return provisional_reason(self.provisional_years)

    @property
    def overdue(self):
        """True once the deadline has passed."""
        return self.working_days_left < 0

    @property
    def at_risk(self):
        """True when the deadline is within the reminder window."""
        return 0 <= self.working_days_left <= setting("reminder_working_days", 3)


def clock_of(brain, today=None):
    """The entry clock of a listed item, or None when no clock runs."""
    deadline = brain.gov_deadline
    # Missing.Value (no clock indexed) is false, as None is
    if not deadline or brain.review_state not in CLOCK_STATES:
        return None
    return running_clock(deadline, brain.gov_clock_start or deadline, today)


def clock_of_item(obj, today=None):
    """The entry clock of an item (its page, its JSON), or None when no clock runs."""
    if obj.publication_deadline is None:
        return None
    return running_clock(obj.publication_deadline, clock_start(obj), today)


def running_clock(deadline, start, today=None):
    """Days left today, and the years counted without a known arrangement."""
    calendar = site_calendar()
    return Clock(
        deadline,
        calendar.working_days_left(today or today_in_china(), deadline),
        tuple(calendar.uncovered_years(start or deadline, deadline)),
    )


def provisional_reason(years):
    """ "暂定: the arrangement of these years is not entered", or None for no years."""
    if not years:
        return None
    return _(
        "Provisional: the holiday arrangement of ${years} has not been entered yet; weekends only are counted.",
        mapping={"years": "、".join(str(year) for year in years)},
    )


def risk_horizon(today=None):
    """The last deadline that counts as "at risk" today."""
    return site_calendar().add_working_days(
        today or today_in_china(), setting("reminder_working_days", 3)
    )


def late_or_at_risk_query(context, today=None):
    """The catalog query of signed-off items not yet public whose deadline is near or past."""
    return {
        "portal_type": "GovernmentInformation",
        "path": "/".join(context.getPhysicalPath()),
        "review_state": list(CLOCK_STATES),
        "gov_deadline": {"query": risk_horizon(today), "range": "max"},
        "sort_on": "gov_deadline",
    }


def late_or_at_risk(context, today=None):
    """Late and at-risk items under a folder, most urgent first."""
    return api.portal.get_tool("portal_catalog")(
        **late_or_at_risk_query(context, today)
    )


def by_section(brains):
    """Group listed items by their responsible section, sections in name order."""
    groups = {}
    for brain in brains:
        groups.setdefault(brain.gov_section or "", []).append(brain)
    return dict(sorted(groups.items()))


def due_for_reminder(today=None):
    """Every signed-off item not yet public whose deadline is near or past, site-wide."""
    portal = api.portal.get()
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(**late_or_at_risk_query(portal, today))


def late_signoffs_query(context, now=None):
    """The catalog query of emergency items whose retroactive sign-off is overdue."""
    return {
        "portal_type": "GovernmentInformation",
        "path": "/".join(context.getPhysicalPath()),
        "gov_signoff_due": {"query": now or datetime.now(UTC), "range": "max"},
        "sort_on": "gov_signoff_due",
    }


def late_signoffs(context, now=None):
    """Emergency items published and still waiting, past their time, for a leader's sign-off."""
    return api.portal.get_tool("portal_catalog")(**late_signoffs_query(context, now))
