"""Content types of gov.infomgmt, one module a type."""
