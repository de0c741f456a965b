"""@access-requests: the access register of a case file through the API."""
