"""@workflow for disclosure items: refusals say which rule of the bureau they follow."""
