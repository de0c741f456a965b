"""@disclosure-catalogue: the public catalogue as JSON."""
