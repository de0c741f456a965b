"""Browser views of gov.infomgmt."""
