"""Who may consult, copy or borrow enforcement records, and on what credentials (domain §2)."""
