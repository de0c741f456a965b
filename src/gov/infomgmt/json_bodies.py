"""JSON bodies of the project's write endpoints, checked against a JSON Schema before use.

Every endpoint that takes a body declares its schema beside its service and reads the
body through `read`: what is not JSON, not an object, of the wrong type, too long, or
not a field of the request is answered with 400 naming the field, before anything is
written. Validation is jsonschema's (Draft 2020-12).
"""

from gov.infomgmt import _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from zope.i18n import translate

import json


# The longest comment or note a person types into a request (a return for revision,
# a destruction record, an inspection note): a page of text, not a document.
MAX_COMMENT = 2000

# A request that takes no body (a timer's POST): an empty object or nothing.
NO_BODY = {"type": "object", "additionalProperties": False}

# The JSON types in the reader's words.
TYPE_NAMES = {
    "string": _("text"),
    "boolean": _("true or false"),
    "object": _("a JSON object"),
    "array": _("a list"),
    "integer": _("a whole number"),
    "number": _("a number"),
}


class BadBody(ValueError):
    """A body that does not fit its schema; names the field at fault."""

    def __init__(self, field, message):
        super().__init__(field)
        self.field = field
        self.message = message


def parse(request):
    """The body as JSON (an empty body is an empty object, as plone.restapi reads it)."""
    raw = request.get("BODY") or b""
    if not raw:
        return {}
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadBody("body", _("Body: not valid JSON.")) from error


def read(request, schema):
    """The body, checked against the schema; BadBody for the first fault."""
    data = parse(request)
    errors = list(Draft202012Validator(schema).iter_errors(data))
    if errors:
        error = first_fault(errors)
        field = field_of(error)
        raise BadBody(field, message_of(error, field))
    return data


def first_fault(errors):
    """The error to name: an unknown field, then a wrong value sent, then a missing one."""

    def rank(error):
        if error.validator == "additionalProperties":
            return 0
        return 1 if error.absolute_path else 2

    nearest = min(rank(error) for error in errors)
    return best_match(error for error in errors if rank(error) == nearest)


def field_of(error):
    """The name of the field the error is about (dotted for nested ones)."""
    path = [str(part) for part in error.absolute_path]
    if error.validator == "required":
        missing = sorted(set(error.validator_value) - set(error.instance))
        path.append(missing[0])
    elif error.validator == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        path.append(sorted(set(error.instance) - known)[0])
    return ".".join(path) or "body"


def message_of(error, field):
    """A message in the reader's language for one schema error."""
    value = error.validator_value
    mapping = {"field": field, "limit": value}
    if error.validator == "type":
        names = value if isinstance(value, list) else [value]
        mapping["type"] = TYPE_NAMES.get(names[0], names[0])
        return _("${field}: must be ${type}.", mapping=mapping)
    if error.validator == "maxLength":
        return _("${field}: at most ${limit} characters.", mapping=mapping)
    if error.validator == "minLength":
        return _("${field}: may not be empty.", mapping=mapping)
    if error.validator == "required":
        return _("${field}: required.", mapping=mapping)
    if error.validator == "additionalProperties":
        return _("${field}: not a field of this request.", mapping=mapping)
    if error.validator == "minimum":
        return _("${field}: at least ${limit}.", mapping=mapping)
    if error.validator == "maximum":
        return _("${field}: at most ${limit}.", mapping=mapping)
    if error.validator == "enum":
        mapping["limit"] = ", ".join(str(v) for v in value)
        return _("${field}: use one of ${limit}.", mapping=mapping)
    return _("${field}: not a valid value.", mapping=mapping)


def error_reply(request, status, field, message, kind="BadRequest"):
    """The JSON error of a refused request, naming the field, in the reader's language."""
    request.response.setStatus(status)
    return {
        "error": {
            "type": kind,
            "field": field,
            "message": translate(message, context=request),
        }
    }


def bad_body_reply(request, bad):
    """400 for a body that does not fit its schema."""
    return error_reply(request, 400, bad.field, bad.message)
