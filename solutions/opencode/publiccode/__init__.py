"""publiccode.yml: reading, checking, importing and exporting the standard's files.

`validator.validate(text)` checks a file offline against the standard (publiccodeYmlVersion "0"
line) and returns a Report of errors and warnings, each naming the key path and line:column.
`mapping` turns a valid document into the catalogue's data dict and a solution back into a document.
"""

import yaml


def dump(document: dict) -> str:
    """A document as publiccode.yml text: keys in the order given, non-ASCII written as it is."""
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
