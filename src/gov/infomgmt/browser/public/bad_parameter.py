"""The page a public view shows for a bad query parameter: 400, the parameter named, in Chinese."""

from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


TEMPLATE = ViewPageTemplateFile("templates/bad_parameter.pt")


def bad_parameter_page(view, error):
    """Answer 400 with a page that names the parameter and leads back to the page."""
    view.request.response.setStatus(400)
    view.parameter_error = error
    view.parameter_message = translate(error.message, context=view.request)
    return TEMPLATE(view)


def bad_parameter_text(view, error):
    """Answer 400 in plain text (for a feed reader)."""
    response = view.request.response
    response.setStatus(400)
    response.setHeader("Content-Type", "text/plain; charset=utf-8")
    return translate(error.message, context=view.request)
