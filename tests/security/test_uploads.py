"""Model uploads are hostile input: size and count limits, no DTDs or entities, nothing fetched."""
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.conftest import BPMN_DIR

URL = "/api/v1/process-models"
MODEL = (BPMN_DIR / "sec_gateway.bpmn").read_text(encoding="utf-8")
SECRET_LINE = "root:x:0:0"


def multipart(files: dict[str, bytes]) -> tuple[bytes, str]:
    """A multipart body built by hand (the test client's builder spools big files to leaked temp files)."""
    parts = [b'--grens\r\nContent-Disposition: form-data; name="files"; filename="' + name.encode()
             + b'"\r\nContent-Type: application/octet-stream\r\n\r\n' + content + b"\r\n"
             for name, content in files.items()]
    return b"".join(parts) + b"--grens--\r\n", "multipart/form-data; boundary=grens"


@pytest.fixture
def owner(login):
    return login("proceseigenaar")


@pytest.fixture
def upload(client, owner):
    def _upload(files: dict[str, bytes]):
        body, content_type = multipart(files)
        return client.post(URL, data=body, content_type=content_type, headers=owner)

    return _upload


def assert_nothing_deployed(client, owner):
    assert client.get(URL, headers=owner).json == []


def test_oversize_upload_is_a_dutch_413_json(client, upload, owner):
    response = upload({"groot.bpmn": b" " * (5 * 1024 * 1024 + 1)})
    assert response.status_code == 413 and response.is_json
    assert response.json == {"error": "request_entity_too_large", "message": "Upload is te groot."}
    assert_nothing_deployed(client, owner)


def test_a_file_over_the_per_file_limit_is_422_naming_it(app, client, upload, owner):
    app.config["MAX_DEPLOY_FILE_SIZE"] = 64 * 1024
    padded = MODEL.replace("</bpmn:definitions>", "<!--" + "x" * 70_000 + "--></bpmn:definitions>")
    response = upload({"sec_gateway.bpmn": padded.encode()})
    assert response.status_code == 422
    assert response.json["message"] == "sec_gateway.bpmn: bestand is groter dan 64 kB."
    assert "sec_gateway.bpmn" in response.json["fields"]
    assert_nothing_deployed(client, owner)


def test_too_many_files_is_422(app, client, upload, owner):
    files = {"sec_gateway.bpmn": MODEL.encode(), **{f"formulier{i}.json": b"{}" for i in range(50)}}
    response = upload(files)
    assert response.status_code == 422
    assert response.json["message"] == "Te veel bestanden: maximaal 50 per deployment."
    assert_nothing_deployed(client, owner)


def test_the_limits_leave_room_for_a_normal_deployment(upload):
    assert upload({"sec_gateway.bpmn": MODEL.encode()}).status_code == 201


def with_doctype(doctype: str, body_text: str = "") -> bytes:
    """The valid test model with a DOCTYPE in front and ``body_text`` inside its documentation."""
    model = MODEL.replace('<?xml version="1.0" encoding="UTF-8"?>\n', "")
    model = model.replace('isExecutable="true">', f'isExecutable="true"><bpmn:documentation>{body_text}</bpmn:documentation>')
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n{model}'.encode()


BILLION_LAUGHS = "<!DOCTYPE bpmn:definitions [<!ENTITY a \"lol\">" + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"


@pytest.mark.parametrize("name, content", [
    ("xxe_file", with_doctype('<!DOCTYPE bpmn:definitions [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>', "&geheim;")),
    ("billion_laughs", with_doctype(BILLION_LAUGHS, "&j;")),
    ("external_dtd", with_doctype('<!DOCTYPE bpmn:definitions SYSTEM "file:///etc/passwd">')),
    ("parameter_entity", with_doctype(
        '<!DOCTYPE bpmn:definitions [<!ENTITY % extern SYSTEM "file:///etc/passwd"> %extern;]>')),
])
def test_dtds_and_entities_are_refused_before_parsing(client, upload, owner, name, content):
    response = upload({f"{name}.bpmn": content})
    assert response.status_code == 422
    assert response.json["errors"][0]["file"] == f"{name}.bpmn"
    assert "onveilige XML" in response.json["message"]
    assert SECRET_LINE not in response.get_data(as_text=True)
    assert_nothing_deployed(client, owner)


class _Recorder(BaseHTTPRequestHandler):
    requests: list = []

    def do_GET(self):
        self.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def loopback_server():
    """A web server on 127.0.0.1 that records every request it gets."""
    _Recorder.requests = []
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", _Recorder.requests
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def test_external_references_in_a_model_are_never_fetched(client, upload, owner, login):
    """xi:include, xsi:schemaLocation and bpmn:import stay inert text: deploying and running fetch nothing."""
    with loopback_server() as (base, requests):
        model = MODEL.replace(
            'targetNamespace="http://bpmn.io/schema/bpmn">',
            'targetNamespace="http://bpmn.io/schema/bpmn" xmlns:xi="http://www.w3.org/2001/XInclude" '
            f'xsi:schemaLocation="http://www.omg.org/spec/BPMN/20100524/MODEL {base}/BPMN20.xsd">'
            f'<bpmn:import importType="http://www.w3.org/2001/XMLSchema" location="{base}/import.xsd" '
            'namespace="http://example.org/x"/>'
            f'<xi:include href="{base}/include.xml" parse="xml"/>'
            '<xi:include href="file:///etc/passwd" parse="text"/>',
        )
        response = upload({"sec_gateway.bpmn": model.encode()})
        assert response.status_code == 201, response.json
        started = client.post("/api/v1/process-instances", json={"process_model": "sec_gateway", "data": {"akkoord": True}},
                              headers=login("procesregisseur"))
        assert started.status_code == 201, started.json
        assert started.json["status"] == "completed"
        assert SECRET_LINE not in started.get_data(as_text=True)
    assert requests == []
