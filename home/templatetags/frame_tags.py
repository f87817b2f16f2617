from django import template

from cms.metadata import absolute_url

register = template.Library()


class FrameFragmentNode(template.Node):
    def __init__(self, name: str, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        frame = context.get("frame")
        if frame is None:
            return self.nodelist.render(context)
        html = frame.fragments.get(self.name)
        if html is None:
            html = self.nodelist.render(context)
            frame.store(self.name, html)
        return html


@register.tag
def framecache(parser, token):
    """``{% framecache "name" %}…{% endframecache %}``: a fragment of the site frame, cached like
    ``{% cache %}`` would, but read together with the other fragments in a single cache query."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("framecache takes the fragment's name only")
    nodelist = parser.parse(("endframecache",))
    parser.delete_first_token()
    return FrameFragmentNode(bits[1].strip("\"'"), nodelist)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The address of this page at the site's public address, without its query string: a listing's
    other pages and sorts are the same page to a search engine."""
    request = context.get("request")
    return absolute_url(request, request.path) if request else ""
