"""The disclosure review: the rules that XML cannot say, and what happens on transitions."""

from AccessControl import ModuleSecurityInfo


# The workflows' guard expressions call guards.allows() through `modules[...]`;
# restricted code may import the module only once it is declared here, before any
# guard runs (this package is loaded by the ZCML of its subscribers).
ModuleSecurityInfo("gov.infomgmt.workflow.guards").declarePublic(
    "allows", "second_person"
)
