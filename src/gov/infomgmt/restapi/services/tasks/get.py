"""GET @my-tasks: the items waiting for the current user, oldest first, with counts by stage."""

from gov.infomgmt import tasks
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service


class MyTasksGet(Service):
    """The same list as the 我的待办 page, as JSON."""

    def reply(self):
        """Items with their stage and entry clock, and the count at each stage."""
        brains = tasks.my_tasks()
        items = []
        for brain in brains:
            clock = tasks.clock_of(brain)
            items.append(
                {
                    "@id": brain.getURL(),
                    "UID": brain.UID,
                    "title": brain.Title,
                    "review_state": brain.review_state,
                    "index_number": brain.gov_index_number,
                    "responsible_section": brain.gov_section,
                    "stage_since": brain.gov_stage_since,
                    "publication_deadline": clock.deadline if clock else None,
                    "working_days_left": clock.working_days_left if clock else None,
                    "overdue": clock.overdue if clock else False,
                }
            )
        # json_compatible turns catalog metadata (Missing.Value, DateTime) into JSON
        return json_compatible(
            {
                "@id": f"{self.context.absolute_url()}/@my-tasks",
                "items": items,
                "items_total": len(items),
                "counts": tasks.counts_by_stage(brains),
            }
        )
