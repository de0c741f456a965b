"""@my-tasks: the current user's task list through the API."""
