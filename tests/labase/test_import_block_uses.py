"""The clicks, downloads and previews La Base counted for a resource's links and files come as the counts
of the blocks they became, shown to the resource's editors; a later run brings La Base's new counts."""

from resources.models import BlockUse, ResourcePage


def test_la_bases_counts_of_a_link_and_a_file_become_those_of_their_blocks(labase):
    author = labase.user()
    resource = labase.resource(author, slug="compteurs")
    link = labase.content(
        resource, order=0, type="link", url="https://www.example.org/", title="Exemple", link_click_count=7
    )
    document = labase.content(
        resource,
        order=1,
        type="file",
        file_key=labase.upload(),
        title="Support",
        show_preview=True,
        file_download_count=3,
        file_preview_count=11,
    )
    labase.content(resource, order=2, type="text", text="<p>Un paragraphe.</p>")

    report = labase.run().report

    page = ResourcePage.objects.get(slug="compteurs")
    assert [block.id for block in page.body][:2] == [link, document]
    assert BlockUse.counts_of(page) == {
        link: {"clic": 7},
        document: {"telechargement": 3, "apercu": 11},
    }
    assert (report.table("contents (compteurs)").read, report.table("contents (compteurs)").imported) == (
        2,
        2,
    )

    again = labase.run().report.table("contents (compteurs)")
    assert (again.read, again.imported, again.updated, again.unchanged) == (2, 0, 0, 2)
    assert BlockUse.counts_of(page) == {link: {"clic": 7}, document: {"telechargement": 3, "apercu": 11}}

    labase.update("contents", link, link_click_count=9)
    later = labase.run().report.table("contents (compteurs)")
    assert (later.imported, later.updated, later.unchanged) == (0, 1, 1)
    assert BlockUse.counts_of(page)[link] == {"clic": 9}
