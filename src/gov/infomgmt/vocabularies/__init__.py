"""Vocabularies of the disclosure domain: fixed lists of the rules, and the bureau's sections."""
