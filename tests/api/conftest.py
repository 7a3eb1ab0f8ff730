"""API test helpers: uploading test models and checking the one error shape."""
import io

import pytest

from tests.conftest import BPMN_DIR


def error(response, status: int, code: str | None = None) -> dict:
    """Assert an error response: the status, JSON ``{error, message}``, never HTML."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json, response.get_data(as_text=True)
    body = response.json
    assert isinstance(body["error"], str) and isinstance(body["message"], str) and body["message"]
    if code is not None:
        assert body["error"] == code
    return body


def multipart(*names: str, extra: dict[str, bytes] | None = None) -> dict:
    """A multipart body with test files from tests/bpmn (plus raw ``extra`` files)."""
    files = [(io.BytesIO((BPMN_DIR / name).read_bytes()), name) for name in names]
    files += [(io.BytesIO(content), name) for name, content in (extra or {}).items()]
    return {"files": files}


@pytest.fixture
def owner(login):
    return login("proceseigenaar")


@pytest.fixture
def worker(login):
    return login("aanmelder")


@pytest.fixture
def upload(client, owner):
    def _upload(*names: str, headers=None, extra=None):
        return client.post("/api/v1/process-models", data=multipart(*names, extra=extra),
                           headers=headers or owner, content_type="multipart/form-data")

    return _upload
