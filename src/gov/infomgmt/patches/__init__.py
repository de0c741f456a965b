"""Changes to Plone's and Zope's behaviour that this product needs, applied at import."""

from gov.infomgmt.patches import absent_names
from gov.infomgmt.patches import ranking
from gov.infomgmt.patches import resources
from gov.infomgmt.patches import text_index
from gov.infomgmt.patches import workflow_security


def apply():
    """Apply every patch once, when the package is imported."""
    resources.apply()
    absent_names.apply()
    ranking.apply()
    text_index.apply()
    workflow_security.apply()
