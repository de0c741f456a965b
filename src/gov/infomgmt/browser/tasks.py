"""我的待办 and the leaders' overview of late and at-risk items."""

from gov.infomgmt import query_parameters as parameters
from gov.infomgmt import tasks
from gov.infomgmt.browser.public.bad_parameter import bad_parameter_page
from plone import api
from plone.base.batch import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ListingHelpers:
    """What the two listings share: state titles and the clock of each row."""

    def state_title(self, state):
        """The Chinese title of a review state of a disclosure chain or the change workflow."""
        workflow_tool = api.portal.get_tool("portal_workflow")
        title = state
        for workflow_id in (
            "gov_disclosure_workflow",
            "gov_disclosure_short_workflow",
            "gov_change_workflow",
        ):
            state_obj = workflow_tool[workflow_id].states.get(state)
            if state_obj is not None:
                title = state_obj.title
                break
        return self.context.translate(title, domain="plone")

    def clock(self, brain):
        """The entry clock of a row, or None."""
        return tasks.clock_of(brain)

    def stage_since(self, brain):
        """When the item entered its stage, as a short local date and time."""
        since = brain.gov_stage_since
        return since.strftime("%Y-%m-%d %H:%M") if since else ""


class MyTasksView(BrowserView, ListingHelpers):
    """我的待办: the items waiting for the current user, oldest first, counted by stage."""

    index = ViewPageTemplateFile("templates/my_tasks.pt")

    page_size = 50

    def __call__(self):
        """Query once, render one page of it (a reviewer may have thousands waiting)."""
        try:
            start = parameters.start(self.request.form)
        except parameters.BadParameter as error:
            return bad_parameter_page(self, error)
        self.items = tasks.my_tasks()
        self.counts = tasks.counts_by_stage(self.items)
        self.batch = Batch(self.items, self.page_size, start)
        return self.index()


class DisclosureOverviewView(BrowserView, ListingHelpers):
    """逾期及临期信息: signed-off items late or near their deadline, per section."""

    index = ViewPageTemplateFile("templates/disclosure_overview.pt")

    def __call__(self):
        """Query once, group by section, render."""
        brains = tasks.late_or_at_risk(self.context)
        self.late_signoffs = tasks.late_signoffs(self.context)
        self.sections = tasks.by_section(brains)
        self.late_count = sum(1 for b in brains if tasks.clock_of(b).overdue)
        self.risk_count = len(brains) - self.late_count
        return self.index()
