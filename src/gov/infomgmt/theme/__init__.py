"""The public site's look: Barceloneta underneath, the bureau's stylesheet on top."""
