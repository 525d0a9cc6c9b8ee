"""A description written by a publisher is shown formatted, and never runs code in a reader's browser."""

from solutions.markdown import render_markdown


def test_markdown_is_formatted():
    html = render_markdown("Tämä on **tärkeää**.\n\n- yksi\n- kaksi\n\n[Ohje](https://example.fi/ohje)")
    assert "<strong>tärkeää</strong>" in html
    assert "<li>yksi</li>" in html
    assert '<a href="https://example.fi/ohje" rel="nofollow noopener noreferrer">Ohje</a>' in html


def test_headings_stay_below_the_page_headings():
    html = render_markdown("# Taustaa\n\n## Tulokset")
    assert "<h3>Taustaa</h3>" in html
    assert "<h4>Tulokset</h4>" in html
    assert "<h1" not in html
    assert "<h2" not in html


def test_scripts_event_handlers_and_javascript_links_are_removed():
    html = render_markdown(
        "Hei <script>alert('x')</script>\n\n"
        '<img src="x" onerror="alert(1)"> <a href="javascript:alert(2)" onclick="alert(3)">klikkaa</a>\n\n'
        '[linkki](javascript:alert(4)) <iframe src="https://evil.example"></iframe> <style>*{}</style>'
    )
    assert "<script" not in html
    assert "alert('x')" not in html
    assert "onerror" not in html
    assert "onclick" not in html
    assert 'href="javascript:' not in html
    assert "<iframe" not in html
    assert "<style" not in html
    assert "<img" not in html


def test_solution_page_shows_the_sanitised_description(client, db):
    from tests.factories import SolutionFactory

    solution = SolutionFactory(
        description=(
            '**Varaus** <script>steal()</script> <img src=x onerror="steal()"> [x](javascript:steal())'
        )
    )
    html = client.get(solution.get_absolute_url()).content.decode()
    assert "<strong>Varaus</strong>" in html
    assert "steal()</script>" not in html
    assert "onerror" not in html
    assert 'href="javascript:' not in html


def test_headings_start_at_h3_and_skip_no_level():
    html = render_markdown("## Vaiheet\n\n#### Yksityiskohdat\n\n## Tulokset")
    assert "<h3>Vaiheet</h3>" in html
    assert "<h4>Yksityiskohdat</h4>" in html
    assert "<h3>Tulokset</h3>" in html


def test_table_alignment_is_a_class_not_an_inline_style_the_policy_would_block():
    html = render_markdown(
        '| Kunta | Säästö |\n| :--- | ---: |\n| Kuhmo | 1 200 |\n\n<p style="color:red" class="x">teksti</p>'
    )
    assert '<th class="align-left">Kunta</th>' in html
    assert '<td class="align-right">1 200</td>' in html
    assert "style=" not in html
    assert 'class="x"' not in html
