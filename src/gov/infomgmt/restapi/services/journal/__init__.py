"""@journal and @journal-verify: the enforcement journal for auditors."""
