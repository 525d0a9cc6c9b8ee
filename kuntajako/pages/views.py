from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from kuntajako.pages.models import Page
from kuntajako.pages.rendering import render as render_markdown


def page(request, kind):
    page = get_object_or_404(Page, kind=kind)
    title, body, language = page.in_language()
    return render(
        request,
        "pages/page.html",
        {
            "page": page,
            "title": title,
            "body": mark_safe(render_markdown(body)),  # noqa: S308 - sanitised by nh3 in render()
            "content_language": language,
        },
    )
