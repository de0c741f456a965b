"""gov.infomgmt: government information management and disclosure on Plone."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "gov.infomgmt"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)


def _apply_patches():
    from gov.infomgmt import patches

    patches.apply()


_apply_patches()
