"""A disclosure item as JSON: every field, plus its entry clock (deadline, working days left)."""

from gov.infomgmt.content.government_information import IGovernmentInformation
from gov.infomgmt.deadlines import CLOCK_STATES
from gov.infomgmt.interfaces import IGovInfomgmtLayer
from gov.infomgmt.tasks import clock_of_item
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(IGovernmentInformation, IGovInfomgmtLayer)
class GovernmentInformationSerializer(SerializeFolderToJson):
    """Adds `entry_clock` while a signed-off item waits for publication, else null."""

    def __call__(self, version=None, include_items=True):
        """The default serialization with the clock, 暂定 and its reason included."""
        result = super().__call__(version=version, include_items=include_items)
        clock = None
        if api.content.get_state(self.context) in CLOCK_STATES:
            clock = clock_of_item(self.context)
        result["entry_clock"] = clock and clock_as_json(clock, self.request)
        return result


def clock_as_json(clock, request):
    """The entry clock as the API gives it, in the item and in @my-tasks alike."""
    reason = clock.provisional_reason
    return {
        "deadline": clock.deadline.isoformat(),
        "working_days_left": clock.working_days_left,
        "overdue": clock.overdue,
        "provisional": clock.provisional,
        "provisional_years": list(clock.provisional_years),
        "provisional_reason": translate(reason, context=request) if reason else None,
    }
