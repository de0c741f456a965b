"""@restore-drills, @storage-inspections and @backup-watchdog: backup checks through the API."""
