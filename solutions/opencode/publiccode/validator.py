"""Check a publiccode.yml file against the standard, offline, with a line and column for every message.

The file is read with PyYAML's node API (`yaml.compose`), which keeps where each key and value
starts, and walked key by key. Errors make the file invalid: a missing required key, a wrong type, a
value outside an enumeration, an invalid SPDX expression, language tag or date, a text too short or
too long, a maintenance block that contradicts its type, an unknown key. Warnings do not: deprecated
keys, an older publiccodeYmlVersion, a deprecated licence identifier.

`validate(text)` returns a Report; `Report.document` is the plain data (dicts, lists, strings) when
the YAML could be read at all. Checks that need the network (URLs answer, the logo exists) are in
`network.py`, apart from these.
"""

import datetime
import re
from dataclasses import dataclass, field

import yaml

from solutions.opencode.publiccode import spdx, vocabulary

MAX_BYTES = 1024 * 1024
ERROR = "error"
WARNING = "warning"

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://[^\s/?#]+[^\s]*$")
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MIME = re.compile(r"^[a-z]+/[a-z0-9][a-z0-9!#$&^_.+\-]*$", re.IGNORECASE)
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$")
# A BCP 47 tag: a 2- or 3-letter language (no registered language has a longer subtag), then
# optional script, region, variants, extensions and private use.
_BCP47 = re.compile(
    r"^(?P<language>[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3})"
    r"(?:-(?P<script>[A-Za-z]{4}))?"
    r"(?:-(?P<region>[A-Za-z]{2}|\d{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-x(?:-[A-Za-z0-9]{1,8})+)?$"
)

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Message:
    level: str
    key: str
    line: int
    column: int
    text: str

    def __str__(self):
        return f"{self.line}:{self.column} {self.level}: {self.key}: {self.text}"


@dataclass
class Report:
    messages: list[Message] = field(default_factory=list)
    document: dict | None = None

    @property
    def errors(self) -> list[Message]:
        return [m for m in self.messages if m.level == ERROR]

    @property
    def warnings(self) -> list[Message]:
        return [m for m in self.messages if m.level == WARNING]

    @property
    def valid(self) -> bool:
        return self.document is not None and not self.errors


def is_language_tag(tag: str) -> bool:
    match = _BCP47.match(tag or "")
    if not match:
        return False
    language = match.group("language").split("-")[0].lower()
    return len(language) != 2 or language in vocabulary.ISO_639_1


def _position(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Checker:
    def __init__(self):
        self.messages: list[Message] = []

    def add(self, level, key, node, text):
        line, column = _position(node)
        self.messages.append(Message(level, key or "(document)", line, column, text))

    def error(self, key, node, text):
        self.add(ERROR, key, node, text)

    def warn(self, key, node, text):
        self.add(WARNING, key, node, text)

    # Structure

    def mapping(self, key, node, spec, *, deprecated=None) -> dict:
        """Check a mapping against `spec` {name: (required, checker)}; return {name: value node}."""
        if not isinstance(node, yaml.MappingNode):
            self.error(key, node, "must be a mapping of keys and values")
            return {}
        found, keys = {}, {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            path = _join(key, name if name is not None else "?")
            if name is None:
                self.error(key, key_node, "keys must be plain strings")
                continue
            if name in found:
                self.error(path, key_node, f"duplicate key (first at line {keys[name].start_mark.line + 1})")
                continue
            found[name], keys[name] = value_node, key_node
            if deprecated and name in deprecated:
                self.warn(path, key_node, deprecated[name])
            if name not in spec and not (deprecated and name in deprecated):
                self.error(path, key_node, "unknown key")
        for name, (required, checker) in spec.items():
            path = _join(key, name)
            if name not in found or _is_null(found[name]):
                if required:
                    self.error(path, node, "required key is missing")
                continue
            if checker is not None:
                checker(path, found[name])
        return found

    def sequence(self, key, node, item_checker=None, *, required=False):
        if not isinstance(node, yaml.SequenceNode):
            self.error(key, node, "must be a list")
            return []
        if required and not node.value:
            self.error(key, node, "must have at least one item")
        if item_checker:
            for index, item in enumerate(node.value):
                item_checker(f"{key}[{index}]", item)
        return node.value

    # Values

    def string(self, key, node, *, min_length=None, max_length=None) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            self.error(key, node, "must be a text")
            return None
        value = node.value
        if node.tag == _STR and not value.strip():
            self.error(key, node, "must not be empty")
            return None
        if max_length is not None and len(value) > max_length:
            self.error(key, node, f"is {len(value)} characters long; at most {max_length} are allowed")
        if min_length is not None and len(value) < min_length:
            self.error(key, node, f"is {len(value)} characters long; at least {min_length} are required")
        return value

    def choice(self, options):
        def check(key, node):
            value = self.string(key, node)
            if value is not None and value not in options:
                self.error(key, node, f"“{value}” is not one of: {', '.join(options)}")

        return check

    def text(self, min_length=None, max_length=None):
        return lambda key, node: self.string(key, node, min_length=min_length, max_length=max_length)

    def url(self, key, node):
        value = self.string(key, node)
        if value is not None and not _URL.match(value):
            self.error(key, node, f"“{value}” is not an absolute URL")

    def http_url(self, key, node):
        value = self.string(key, node)
        if value is not None and not _HTTP_URL.match(value):
            self.error(key, node, f"“{value}” is not an HTTP or HTTPS URL")

    def email(self, key, node):
        value = self.string(key, node)
        if value is not None and not _EMAIL.match(value):
            self.error(key, node, f"“{value}” is not an e-mail address")

    def date(self, key, node):
        value = self.string(key, node)
        if value is None:
            return
        try:
            if not _DATE.match(value):
                raise ValueError
            datetime.date.fromisoformat(value)
        except ValueError:
            self.error(key, node, f"“{value}” is not a date in the form YYYY-MM-DD")

    def boolean(self, key, node):
        if not isinstance(node, yaml.ScalarNode) or node.tag != _BOOL:
            self.error(key, node, "must be true or false")

    def language(self, key, node):
        value = self.string(key, node)
        if value is not None and not is_language_tag(value):
            self.error(key, node, f"“{value}” is not a BCP 47 language tag")

    def licence(self, key, node):
        value = self.string(key, node)
        if value is None:
            return
        errors, warnings = spdx.check(value)
        for text in errors:
            self.error(key, node, text)
        for text in warnings:
            self.warn(key, node, text)

    def logo(self, key, node):
        value = self.string(key, node)
        path = value.split("#", 1)[0].split("?", 1)[0] if value is not None else ""
        if value is not None and not path.lower().endswith((".svg", ".png")):
            self.error(key, node, f"“{value}” must be an SVG or PNG image (.svg or .png)")

    def list_of(self, item, *, required=False):
        return lambda key, node: self.sequence(key, node, item, required=required)

    def url_or_urls(self, key, node):
        if isinstance(node, yaml.SequenceNode):
            self.sequence(key, node, self.url)
        else:
            self.url(key, node)

    def in_set(self, options, what, *, normalise=str):
        def check(key, node):
            value = self.string(key, node)
            if value is not None and normalise(value) not in options:
                self.error(key, node, f"unknown {what} “{value}”")

        return check

    def organisation(self, key, node):
        self.mapping(key, node, {"name": (True, self.text()), "uri": (False, self.uri)})

    def uri(self, key, node):
        value = self.string(key, node)
        if value is not None and not _URI.match(value):
            self.error(key, node, f"“{value}” is not a URI")

    def contact(self, key, node):
        self.mapping(
            key,
            node,
            {
                "name": (True, self.text()),
                "email": (False, self.email),
                "affiliation": (False, self.text()),
                "phone": (False, self.text()),
            },
        )

    def contractor(self, key, node):
        self.mapping(
            key,
            node,
            {
                "name": (True, self.text()),
                "email": (False, self.email),
                "website": (False, self.http_url),
                "until": (True, self.date),
            },
        )

    def dependency(self, key, node):
        self.mapping(
            key,
            node,
            {
                "name": (True, self.text()),
                "versionMin": (False, self.text()),
                "versionMax": (False, self.text()),
                "version": (False, self.text()),
                "optional": (False, self.boolean),
            },
        )

    def description(self, key, node):
        self.mapping(
            key,
            node,
            {
                "localisedName": (False, self.text()),
                "shortDescription": (True, self.text(max_length=150)),
                "longDescription": (True, self.text(min_length=150, max_length=10000)),
                "documentation": (False, self.http_url),
                "apiDocumentation": (False, self.http_url),
                "features": (True, self.list_of(self.text(max_length=100), required=True)),
                "screenshots": (False, self.list_of(self.text())),
                "videos": (False, self.list_of(self.http_url)),
                "awards": (False, self.list_of(self.text())),
            },
            deprecated={"genericName": "deprecated key; describe the software in shortDescription instead"},
        )
        generic = _value_node(node, "genericName")
        if generic is not None:
            self.string(_join(key, "genericName"), generic, max_length=35)

    def descriptions(self, key, node):
        if not isinstance(node, yaml.MappingNode):
            self.error(key, node, "must be a mapping from language tags to descriptions")
            return
        if not node.value:
            self.error(key, node, "must describe the software in at least one language")
        for key_node, value_node in node.value:
            language = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
            path = _join(key, language)
            if not is_language_tag(language):
                self.error(path, key_node, f"“{language}” is not a BCP 47 language tag")
            self.description(path, value_node)

    def maintenance(self, key, node):
        found = self.mapping(
            key,
            node,
            {
                "type": (True, self.choice(vocabulary.MAINTENANCE_TYPES)),
                "contractors": (False, self.list_of(self.contractor)),
                "contacts": (False, self.list_of(self.contact)),
            },
        )
        kind = found.get("type")
        kind = kind.value if isinstance(kind, yaml.ScalarNode) else None
        contractors, contacts = found.get("contractors"), found.get("contacts")
        if kind == "contract" and _empty(contractors):
            self.error(_join(key, "contractors"), node, "required when maintenance.type is “contract”")
        if kind != "contract" and kind and not _empty(contractors):
            self.error(
                _join(key, "contractors"), contractors, "allowed only when maintenance.type is “contract”"
            )
        if kind in ("internal", "community") and _empty(contacts):
            self.error(_join(key, "contacts"), node, f"required when maintenance.type is “{kind}”")

    def country_section(self, key, node):
        # The Italian extension is defined by its own schema; its keys are read, not judged, here.
        if not isinstance(node, yaml.MappingNode):
            self.error(key, node, "must be a mapping")


def _join(prefix, name):
    return f"{prefix}.{name}" if prefix else str(name)


def _is_null(node):
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL


def _empty(node):
    return node is None or _is_null(node) or (isinstance(node, yaml.SequenceNode) and not node.value)


def _value_node(mapping, name):
    if isinstance(mapping, yaml.MappingNode):
        for key_node, value_node in mapping.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == name:
                return value_node
    return None


def _plain(node):
    """The node as plain Python data; every scalar but booleans and nulls as the text it was written as."""
    if isinstance(node, yaml.MappingNode):
        return {k.value if isinstance(k, yaml.ScalarNode) else str(k): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    if node.tag == _NULL:
        return None
    if node.tag == _BOOL:
        return node.value.lower() in ("true", "yes", "on", "y")
    return node.value


def _check_document(checker: _Checker, root) -> None:
    c = checker
    deprecated = {
        "inputTypes": "deprecated key; it will be removed from the standard",
        "outputTypes": "deprecated key; it will be removed from the standard",
        "monochromeLogo": "deprecated key; give only the logo",
        "it": "deprecated lower-case country section; write it as “IT”",
    }
    found = c.mapping(
        "",
        root,
        {
            "publiccodeYmlVersion": (True, c.choice(vocabulary.VERSIONS)),
            "name": (True, c.text()),
            "applicationSuite": (False, c.text()),
            "url": (True, c.url),
            "landingURL": (False, c.http_url),
            "isBasedOn": (False, c.url_or_urls),
            "softwareVersion": (False, c.text()),
            "releaseDate": (False, c.date),
            "logo": (False, c.logo),
            "organisation": (False, c.organisation),
            "platforms": (True, c.list_of(c.text(), required=True)),
            "categories": (False, c.list_of(c.in_set(vocabulary.CATEGORIES, "category"))),
            "usedBy": (False, c.list_of(c.text())),
            "fundedBy": (False, c.list_of(c.organisation)),
            "roadmap": (False, c.http_url),
            "developmentStatus": (True, c.choice(vocabulary.DEVELOPMENT_STATUSES)),
            "softwareType": (True, c.choice(vocabulary.SOFTWARE_TYPES)),
            "intendedAudience": (False, _intended_audience(c)),
            "description": (True, c.descriptions),
            "legal": (True, _legal(c)),
            "maintenance": (True, c.maintenance),
            "localisation": (True, _localisation(c)),
            "dependsOn": (False, _depends_on(c)),
            "IT": (False, c.country_section),
        },
        deprecated=deprecated,
    )
    for name in ("inputTypes", "outputTypes"):
        if name in found:
            c.sequence(name, found[name], _mime(c))
    if "monochromeLogo" in found:
        c.logo("monochromeLogo", found["monochromeLogo"])
    if "it" in found:
        c.country_section("it", found["it"])
    version = found.get("publiccodeYmlVersion")
    version_value = version.value if isinstance(version, yaml.ScalarNode) else None
    if version_value in vocabulary.VERSIONS and version_value != vocabulary.LATEST_VERSION:
        c.warn(
            "publiccodeYmlVersion",
            version,
            f"{version_value} is not the latest version; write “{vocabulary.LATEST_VERSION}”",
        )


def _mime(c):
    def check(key, node):
        value = c.string(key, node)
        if value is not None and not _MIME.match(value):
            c.error(key, node, f"“{value}” is not a MIME type")

    return check


def _intended_audience(c):
    countries = c.in_set(vocabulary.ISO_3166_1, "country code", normalise=str.upper)
    return lambda key, node: c.mapping(
        key,
        node,
        {
            "scope": (False, c.list_of(c.in_set(vocabulary.SCOPES, "scope"))),
            "countries": (False, c.list_of(countries)),
            "unsupportedCountries": (False, c.list_of(countries)),
        },
    )


def _legal(c):
    return lambda key, node: c.mapping(
        key,
        node,
        {
            "license": (True, c.licence),
            "mainCopyrightOwner": (False, c.text()),
            "repoOwner": (False, c.text()),
        },
        deprecated={"authorsFile": "deprecated key; it will be removed from the standard"},
    )


def _localisation(c):
    return lambda key, node: c.mapping(
        key,
        node,
        {
            "localisationReady": (True, c.boolean),
            "availableLanguages": (True, c.list_of(c.language, required=True)),
        },
    )


def _depends_on(c):
    dependencies = c.list_of(c.dependency)
    return lambda key, node: c.mapping(
        key,
        node,
        {
            "open": (False, dependencies),
            "proprietary": (False, dependencies),
            "hardware": (False, dependencies),
        },
    )


def _too_large(root, limit=50_000) -> bool:
    """True when walking the tree would visit more than `limit` nodes: aliases can make a small file
    expand enormously, and both the checks and the plain data walk every alias."""
    stack, seen = [root], 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > limit:
            return True
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.extend((key_node, value_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


def validate(text: str | bytes) -> Report:
    """Check one publiccode.yml file; never raises on bad input."""
    report = Report()
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            report.messages.append(Message(ERROR, "(document)", 1, 1, "the file is larger than 1 MB"))
            return report
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            report.messages.append(
                Message(ERROR, "(document)", 1, 1, f"the file is not UTF-8 text (byte {error.start})")
            )
            return report
    if len(text) > MAX_BYTES:
        report.messages.append(Message(ERROR, "(document)", 1, 1, "the file is larger than 1 MB"))
        return report
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "cannot be read"
        report.messages.append(Message(ERROR, "(document)", line, column, f"invalid YAML: {problem}"))
        return report
    except yaml.YAMLError as error:
        report.messages.append(Message(ERROR, "(document)", 1, 1, f"invalid YAML: {error}"))
        return report
    if root is None:
        report.messages.append(Message(ERROR, "(document)", 1, 1, "the file is empty"))
        return report
    if _too_large(root):
        report.messages.append(
            Message(ERROR, "(document)", 1, 1, "the document has too many values (aliases expand too far)")
        )
        return report
    checker = _Checker()
    _check_document(checker, root)
    report.messages = sorted(checker.messages, key=lambda m: (m.line, m.column, m.level, m.key))
    if isinstance(root, yaml.MappingNode):
        report.document = _plain(root)
    return report
