"""The toewijzingsbrief as a document: downloadable as PDF and HTML by whoever may see the case, sandboxed when
shown, never inlined into a page; out of scope it does not exist."""
import pytest

from engine.audit import access_log
from engine.security import users
from tests.conftest import actor
from tests.scenarios.conftest import PASSWORD, driver  # noqa: F401 — the Ketenveldnorm processes and the duo workers
from tests.scenarios.paths import registered_with_letter
from tests.web.conftest import web_login  # noqa: F401

LETTER = "Toewijzing levensloopfunctie"


@pytest.fixture
def intake(driver):
    intake = registered_with_letter(driver)
    assert driver.ready(intake) == ["eerste_casus_op_maat"]
    return intake


def test_the_letter_downloads_as_pdf_and_as_sandboxed_html(rt, client, login, intake):
    headers = login("procesregisseur")
    pdf = client.get(f"/api/v1/process-instances/{intake}/documents/toewijzingsbrief.pdf", headers=headers)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert pdf.data.startswith(b"%PDF")
    assert pdf.headers["Content-Disposition"].startswith('attachment; filename="toewijzingsbrief-')
    page = client.get(f"/api/v1/process-instances/{intake}/documents/toewijzingsbrief.html", headers=headers)
    assert page.status_code == 200 and page.mimetype == "text/html" and LETTER in page.get_data(as_text=True)
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy and "script-src" not in policy
    reads = access_log.query(rt, actor("auditor"), user="procesregisseur", instance=intake).items
    assert "document" in [entry["resource"] for entry in reads]


@pytest.mark.parametrize("path", ["toewijzingsbrief.pdf", "toewijzingsbrief.html", "gemeente.html", "bestaat_niet.pdf"])
def test_out_of_scope_or_not_a_document_is_a_404(client, login, intake, path):
    elsewhere = login("procesregisseur", username="pr_midden", region="Gelderland-Midden")
    own = login("procesregisseur")
    url = f"/api/v1/process-instances/{intake}/documents/{path}"
    assert client.get(url, headers=elsewhere).status_code == 404
    assert client.get(url, headers=own).status_code == (200 if path.startswith("toewijzingsbrief") else 404)


def test_pages_show_the_letter_in_a_sandboxed_frame_not_as_markup(client, web_login, intake):
    web_login("procesregisseur")
    page = client.get(f"/zaken/{intake}").get_data(as_text=True)
    assert f'<iframe sandbox src="/zaken/{intake}/documenten/toewijzingsbrief"' in page
    assert f'href="/zaken/{intake}/documenten/toewijzingsbrief.pdf"' in page
    assert LETTER not in page and "&lt;h1&gt;" not in page  # neither injected nor shown as source
    framed = client.get(f"/zaken/{intake}/documenten/toewijzingsbrief")
    assert framed.status_code == 200 and LETTER in framed.get_data(as_text=True)
    assert framed.headers["X-Frame-Options"] == "SAMEORIGIN" and "sandbox" in framed.headers["Content-Security-Policy"]
    download = client.get(f"/zaken/{intake}/documenten/toewijzingsbrief.pdf")
    assert download.data.startswith(b"%PDF") and download.headers["Content-Disposition"].startswith("attachment")


def test_the_web_download_is_scoped_like_the_zaak(rt, client, web_login, intake):
    users.add_user(rt, "pr_midden", PASSWORD, ["procesregisseur"], "Gelderland-Midden")
    web_login(username="pr_midden")
    assert client.get(f"/zaken/{intake}/documenten/toewijzingsbrief.pdf").status_code == 404
