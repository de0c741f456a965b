"""A WSGI filter that drops the header naming the server software."""

# ZPublisher's HTTPResponse.listHeaders adds X-Powered-By unconditionally; no zope.conf
# setting turns it off, so it is removed on the way out, in the WSGI pipeline.
FINGERPRINT_HEADERS = frozenset({"x-powered-by"})


def strip_fingerprint(app):
    """Wrap a WSGI application so that its answers do not name Zope or Python."""

    def filtered(environ, start_response):
        def start(status, headers, exc_info=None):
            kept = [(n, v) for n, v in headers if n.lower() not in FINGERPRINT_HEADERS]
            return start_response(status, kept, exc_info)

        return app(environ, start)

    return filtered


def filter_factory(global_conf, **local_conf):
    """The PasteDeploy entry of the filter (zope.ini: use = call:...)."""
    return strip_fingerprint
