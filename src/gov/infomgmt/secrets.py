"""The instance's secrets: keys kept in files beside the database, never in the ZODB or SQL.

Each key is a file in the secrets folder (GOV_SECRETS_DIR, or `secrets/` in the
instance's var folder), readable by the instance's user only, made at first use.
Instances of a cluster share one folder (or a copy of it).
"""

from App.config import getConfiguration

import contextlib
import os
import tempfile
import threading


SECRETS_VARIABLE = "GOV_SECRETS_DIR"
KEY_BYTES = 32
_lock = threading.Lock()


def secrets_dir():
    """The folder of the instance's secrets."""
    given = os.environ.get(SECRETS_VARIABLE)
    if given:
        return given
    home = getattr(getConfiguration(), "clienthome", None) or tempfile.gettempdir()
    return os.path.join(home, "secrets")


def secret_path(name):
    """The file of one key."""
    return os.path.join(secrets_dir(), f"{name}.key")


def write_new_key(path):
    """A fresh random key, written so that only the instance's user reads it."""
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(os.urandom(KEY_BYTES))


def secret(name):
    """The bytes of a key, made at first use."""
    path = secret_path(name)
    with _lock:
        if not os.path.exists(path):
            # Another instance of the cluster may have made it a moment ago.
            with contextlib.suppress(FileExistsError):
                write_new_key(path)
    with open(path, "rb") as stream:
        return stream.read()
