"""Messages of the register's decisions that the page and the API share."""

from gov.infomgmt import _


SELF_APPROVAL = _(
    "You cannot decide this request: it is your own (第四条: another person approves)."
)
