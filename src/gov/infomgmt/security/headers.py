"""The security headers every page and API answer of the site carries."""

from gov.infomgmt.interfaces import IGovInfomgmtLayer


# The classic UI (Barceloneta, TinyMCE, the toolbar, mockup's patterns) is served by the site
# itself; its templates still carry inline scripts and style attributes, hence 'unsafe-inline'.
# Nothing is loaded from elsewhere, no plug-ins, no framing by other sites.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "Permissions-Policy": (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
        "interest-cohort=()"
    ),
}


def add_security_headers(event):
    """Set the baseline headers on a response of the site, an error page included."""
    request = event.request
    if not IGovInfomgmtLayer.providedBy(request):
        return
    for name, value in SECURITY_HEADERS.items():
        request.response.setHeader(name, value)
