"""The API's documentation as a server-rendered page, read from the same OpenAPI schema the API serves."""

from functools import cache

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


@cache
def operations() -> list[dict]:
    """[{method, path, summary, parameters, secured}] for every operation of the schema."""
    schema = SchemaGenerator(patterns=None).get_schema(request=None, public=True)
    rows = []
    for path, item in schema["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "id": operation.get("operationId", ""),
                    "description": operation.get("description", "").strip(),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "required": parameter.get("required", False),
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "secured": not any(not requirement for requirement in operation.get("security", [{}])),
                }
            )
    return rows


def documentation(request):
    return render(request, "interfaces/api_docs.html", {"operations": operations()})
