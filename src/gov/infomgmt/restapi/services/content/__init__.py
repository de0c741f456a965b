"""PATCH of content: a field the user may not set is refused by name, not silently ignored."""
