"""Additions to the generated OpenAPI schema: the error answers every operation can give, and
string rules the server enforces (no NUL characters, something besides spaces where a value is
required), so that the schema tells a client exactly what is accepted."""

from solutions.interfaces.api.write import MAX_CONTACTS

ERROR = {"description": "Error", "content": {"application/json": {"schema": {"type": "object"}}}}
NO_NUL = "^[^\\u0000]*$"
NOT_BLANK = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$"


def _errors(path: str, method: str, secured: bool) -> dict[str, dict]:
    codes = ["429"]
    if method == "get" and "{" not in path:
        codes += ["400", "404"]  # refused parameters; a page past the end
    if "{" in path:
        codes.append("404")
    if method != "get":
        codes += ["400", "409"]
    if secured:
        codes += ["401", "403"]
    return dict.fromkeys(codes, ERROR)


def _limits(schema: dict) -> None:
    # drf-spectacular does not carry a nested list serializer's max_length into the schema.
    contacts = schema.get("properties", {}).get("contacts")
    if contacts is not None:
        contacts["maxItems"] = MAX_CONTACTS


def _strings(schema: dict) -> None:
    for name, field in schema.get("properties", {}).items():
        plain = field.get("type") == "string" and "format" not in field and "enum" not in field
        if plain and not field.get("readOnly"):
            required = name in schema.get("required", []) and field.get("minLength")
            field["pattern"] = NOT_BLANK if required else NO_NUL
        items = field.get("items", {})
        if items.get("type") == "string" and "enum" not in items and "format" not in items:
            items["pattern"] = NOT_BLANK


def add_error_responses(result, generator, request, public):
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            secured = any(requirement for requirement in operation.get("security", []))
            for code, answer in _errors(path, method, secured).items():
                operation["responses"].setdefault(code, answer)
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if schema.get("type") == "string" and "enum" not in schema:
                    schema.setdefault("pattern", NO_NUL)
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            _strings(schema)
            _limits(schema)
    return result
