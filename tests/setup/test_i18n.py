"""The Chinese message catalogues are complete and in step with the code."""

from i18ndude.catalog import MessageCatalog
from pathlib import Path
from plone import api
from zope.i18n import translate

import gov.infomgmt
import pytest
import subprocess
import sys


LOCALES = Path(gov.infomgmt.__file__).parent / "locales"
ZH_CN = LOCALES / "zh_CN" / "LC_MESSAGES"
I18NDUDE = Path(sys.executable).parent / "i18ndude"


def msgids(path):
    """Return the message ids of a .po or .pot file, without the header."""
    return {msgid for msgid in MessageCatalog(filename=str(path)) if msgid}


class TestCatalogues:
    @pytest.mark.parametrize("domain", ["gov.infomgmt", "plone"])
    def test_every_message_translated(self, domain):
        catalog = MessageCatalog(filename=str(ZH_CN / f"{domain}.po"))
        untranslated = [
            msgid for msgid, entry in catalog.items() if msgid and not entry.msgstr
        ]
        assert untranslated == []

    def test_po_matches_pot(self):
        assert msgids(ZH_CN / "gov.infomgmt.po") == msgids(LOCALES / "gov.infomgmt.pot")

    def test_pot_matches_code(self, tmp_path):
        """`make i18n` was run after the last change of a message in the code."""
        fresh = tmp_path / "gov.infomgmt.pot"
        subprocess.run(
            [
                str(I18NDUDE),
                "rebuild-pot",
                "--pot",
                str(fresh),
                "--create",
                "gov.infomgmt",
                str(LOCALES.parent),
            ],
            check=True,
            capture_output=True,
        )
        assert msgids(fresh) == msgids(LOCALES / "gov.infomgmt.pot")


class TestWorkflowTitlesInChinese:
    def test_states_and_workflows(self, portal):
        """Every title a user sees of the add-on's workflows reads in Chinese."""
        workflow_tool = api.portal.get_tool("portal_workflow")
        titles = []
        for workflow_id in workflow_tool.objectIds():
            if not workflow_id.startswith("gov_"):
                continue
            workflow = workflow_tool[workflow_id]
            titles.append(workflow.title)
            titles += [state.title for state in workflow.states.values()]
            titles += [transition.title for transition in workflow.transitions.values()]
        assert titles
        # Our titles must read as our catalogue says: a title that Plone's own
        # catalogue also has (e.g. "Collection", the content type) would win.
        ours = MessageCatalog(filename=str(ZH_CN / "plone.po"))
        wrong = {
            title: translate(title, domain="plone", target_language="zh_CN")
            for title in titles
            if title not in ours
            or translate(title, domain="plone", target_language="zh_CN")
            != ours[title].msgstr
        }
        assert wrong == {}
