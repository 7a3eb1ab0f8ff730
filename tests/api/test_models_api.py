"""Process models over HTTP: multipart deploy, list, show; refusals are 422 and store nothing."""
import pytest

from tests.api.conftest import error, multipart


def test_deploy_list_and_show(client, upload, worker):
    response = upload("eng_call_parent.bpmn", "eng_call_child.bpmn")
    assert response.status_code == 201
    assert (response.json["id"], response.json["version"], response.json["created"]) == ("eng_call_parent", 1, True)
    again = upload("eng_call_parent.bpmn", "eng_call_child.bpmn")
    assert again.status_code == 200
    assert (again.json["version"], again.json["created"]) == (1, False)

    listed = client.get("/api/v1/process-models", headers=worker).json
    assert sorted(m["id"] for m in listed) == ["eng_call_child", "eng_call_parent"]
    shown = client.get("/api/v1/process-models/eng_call_parent", headers=worker)
    assert shown.status_code == 200
    assert (shown.json["latest_version"], [v["version"] for v in shown.json["versions"]]) == (1, [1])


def test_form_files_are_deployed_with_the_model(upload):
    assert upload("user_task_lane.bpmn", "gegevens-schema.json").status_code == 201


def test_unknown_model_is_404(client, worker):
    error(client.get("/api/v1/process-models/bestaat_niet", headers=worker), 404, "notfound")


def test_only_a_process_owner_may_deploy(upload, worker):
    error(upload("eng_script_task.bpmn", headers=worker), 403, "forbidden")


@pytest.mark.parametrize(("extra", "file"), [
    ({"kapot.bpmn": b"<bpmn:definitions"}, "kapot.bpmn"),
    ({"xxe.bpmn": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>'},
     "xxe.bpmn"),
    ({"notities.txt": b"hallo"}, "notities.txt"),
])
def test_bad_files_are_422_naming_the_file_and_nothing_is_deployed(client, upload, worker, extra, file):
    body = error(upload(extra=extra), 422, "deployrefused")
    assert body["errors"][0]["file"] == file
    assert client.get("/api/v1/process-models", headers=worker).json == []


def test_model_problems_are_422_naming_the_element(upload):
    body = error(upload("eng_refuse_handler.bpmn"), 422, "deployrefused")
    assert body["errors"][0]["element_id"] == "faulty"


def test_non_utf8_file_is_422(upload):
    assert "fields" in error(upload(extra={"latin1.bpmn": "<café/>".encode("latin-1")}), 422, "invalid")


@pytest.mark.parametrize("kwargs", [
    {"data": {}, "content_type": "multipart/form-data"},
    {"json": {"files": ["eng_script_task.bpmn"]}},
    {"data": "geen multipart", "content_type": "multipart/form-data; boundary=xyz"},
])
def test_upload_without_files_is_422(client, owner, kwargs):
    error(client.post("/api/v1/process-models", headers=owner, **kwargs), 422)


def test_too_large_upload_is_413_json(client, owner):
    big = b"-" * (6 * 1024 * 1024)  # raw bytes: the test client's own multipart builder leaks a temp file
    error(client.post("/api/v1/process-models", headers=owner, data=big,
                      content_type="multipart/form-data; boundary=grens"), 413)


def test_deploy_keeps_who_and_the_comment_with_the_version(client, owner):
    data = multipart("web_form_task.bpmn", "gegevens-schema.json")
    data["comment"] = "  Eerste versie voor de pilot  "
    response = client.post("/api/v1/process-models", data=data, headers=owner, content_type="multipart/form-data")
    assert response.status_code == 201, response.json
    [version] = client.get("/api/v1/process-models/web_form_task", headers=owner).json["versions"]
    assert (version["deployed_by"], version["comment"]) == ("proceseigenaar", "Eerste versie voor de pilot")


def test_too_long_deploy_comment_is_422_and_nothing_is_deployed(client, owner):
    data = multipart("web_form_task.bpmn", "gegevens-schema.json")
    data["comment"] = "x" * 1001
    body = error(client.post("/api/v1/process-models", data=data, headers=owner, content_type="multipart/form-data"),
                 422)
    assert body["fields"] == {"comment": "Maximaal 1000 tekens."}
    assert client.get("/api/v1/process-models", headers=owner).json == []
