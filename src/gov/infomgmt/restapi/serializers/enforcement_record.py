"""A case file as JSON: the party's identity masked as on the page (journaled at the door)."""

from gov.infomgmt.content.enforcement_record import IEnforcementRecord
from gov.infomgmt.enforcement.access import handles_case
from gov.infomgmt.interfaces import IGovInfomgmtLayer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from zope.component import adapter
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(IEnforcementRecord, IGovInfomgmtLayer)
class EnforcementRecordSerializer(SerializeFolderToJson):
    """The identity number is masked for those not handling the case."""

    def __call__(self, version=None, include_items=True):
        """Serialize, mask."""
        result = super().__call__(version=version, include_items=include_items)
        if not handles_case(self.context):
            result["party_id_number"] = self.context.masked_party_id()
        return result
