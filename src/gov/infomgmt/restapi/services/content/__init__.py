"""PATCH and POST of content: bodies checked, fields not to be set refused by name."""
