"""A disclosure item as JSON: every field, plus its entry clock (deadline, working days left)."""

from gov.infomgmt.content.government_information import IGovernmentInformation
from gov.infomgmt.deadlines import working_days_left
from gov.infomgmt.interfaces import IGovInfomgmtLayer
from gov.infomgmt.tasks import CLOCK_STATES
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from zope.component import adapter
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(IGovernmentInformation, IGovInfomgmtLayer)
class GovernmentInformationSerializer(SerializeFolderToJson):
    """Adds `entry_clock` while a signed-off item waits for publication, else null."""

    def __call__(self, version=None, include_items=True):
        """The default serialization with the clock."""
        result = super().__call__(version=version, include_items=include_items)
        deadline = self.context.publication_deadline
        clock = None
        if deadline and api.content.get_state(self.context) in CLOCK_STATES:
            left = working_days_left(deadline)
            clock = {
                "deadline": deadline.isoformat(),
                "working_days_left": left,
                "overdue": left < 0,
            }
        result["entry_clock"] = clock
        return result
