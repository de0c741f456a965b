"""GET @my-tasks: the items waiting for the current user, oldest first, with counts by stage."""

from gov.infomgmt import json_bodies
from gov.infomgmt import query_parameters as parameters
from gov.infomgmt import tasks
from gov.infomgmt.restapi.serializers.government_information import clock_as_json
from plone.restapi.batching import HypermediaBatch
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service


MAX_BATCH = 1000


class MyTasksGet(Service):
    """The same list as the 我的待办 page, as JSON, in batches (b_start, b_size)."""

    def reply(self):
        """One batch of items with their stage and entry clock, and the count at each stage."""
        try:
            # HypermediaBatch reads them itself; a bad one would be a server error there.
            parameters.start(self.request.form)
            parameters.whole_number(self.request.form, "b_size", 25, 1, MAX_BATCH)
        except parameters.BadParameter as error:
            return json_bodies.error_reply(self.request, 400, error.name, error.message)
        waiting = tasks.my_tasks()
        batch = HypermediaBatch(self.request, waiting)
        result = {
            "@id": batch.canonical_url,
            "items": [self.item(brain) for brain in batch],
            "items_total": batch.items_total,
            "counts": tasks.counts_by_stage(waiting),
        }
        if batch.links:
            result["batching"] = batch.links
        # json_compatible turns catalog metadata (Missing.Value, DateTime) into JSON
        return json_compatible(result)

    def item(self, brain):
        """One waiting item, from catalog metadata."""
        clock = tasks.clock_of(brain)
        return {
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
            "entry_clock": clock and clock_as_json(clock, self.request),
        }
