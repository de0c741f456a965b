"""Control panels of gov.infomgmt."""
