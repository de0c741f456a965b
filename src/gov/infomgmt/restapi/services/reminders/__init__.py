"""@disclosure-reminders: the daily run of deadline reminders."""
