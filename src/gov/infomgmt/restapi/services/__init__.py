"""REST services, one folder an endpoint."""
