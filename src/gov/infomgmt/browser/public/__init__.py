"""The public disclosure website: catalogue, item page, search, feeds."""
