"""Changes to Plone's and Zope's behaviour that this product needs, applied at import."""

from gov.infomgmt.patches import ranking
from gov.infomgmt.patches import resources


def apply():
    """Apply every patch once, when the package is imported."""
    resources.apply()
    ranking.apply()
