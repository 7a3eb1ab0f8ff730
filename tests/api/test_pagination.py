"""Lists come in pages: ``limit``/``offset`` in, the page as the array, the total in ``X-Total-Count`` and the
next page in a ``Link`` header; a bad limit or offset is 422 with a Dutch field error."""
import pytest

from tests.api.conftest import error


@pytest.fixture
def three_instances(client, upload, worker):
    upload("user_task_lane.bpmn", "gegevens-schema.json")
    return [client.post("/api/v1/process-instances", headers=worker, json={"process_model": "user_task_lane"}
                        ).json["id"] for _ in range(3)]


def test_a_list_pages_with_its_total_and_a_link_to_the_next_page(client, worker, three_instances):
    first = client.get("/api/v1/process-instances?limit=2", headers=worker)
    assert first.status_code == 200 and len(first.json) == 2 and first.headers["X-Total-Count"] == "3"
    link = first.headers["Link"]
    assert link.endswith('; rel="next"') and "offset=2" in link and "limit=2" in link
    second = client.get(link[1:link.index(">")], headers=worker)
    assert len(second.json) == 1 and "Link" not in second.headers
    assert {i["id"] for i in first.json + second.json} == set(three_instances)


@pytest.mark.parametrize("query, field", [("limit=0", "limit"), ("limit=501", "limit"), ("limit=veel", "limit"),
                                          ("offset=-1", "offset")])
def test_a_bad_page_is_422_naming_the_field(client, worker, query, field):
    response = client.get(f"/api/v1/tasks?{query}", headers=worker)
    assert field in error(response, 422, "invalid")["fields"]
