"""A case file as JSON: journaled like a page view, the party's identity masked as on the page."""

from gov.infomgmt.content.enforcement_record import IEnforcementRecord
from gov.infomgmt.enforcement.access import handles_case
from gov.infomgmt.interfaces import IGovInfomgmtLayer
from gov.infomgmt.journal.site import record_event
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from zope.component import adapter
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(IEnforcementRecord, IGovInfomgmtLayer)
class EnforcementRecordSerializer(SerializeFolderToJson):
    """Every API read of a case file is journaled; the identity number is masked."""

    def __call__(self, version=None, include_items=True):
        """Journal, serialize, mask."""
        record_event(self.context, "view", via="api")
        result = super().__call__(version=version, include_items=include_items)
        if not handles_case(self.context):
            result["party_id_number"] = self.context.masked_party_id()
        return result
