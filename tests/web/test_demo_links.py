"""No dead ends for a newcomer: every demo user, after `levensloop demo`, follows every link of the menu and the
landing page without a 403, 404 or 500; and each lands on a page of its own role."""
import html
import re

from api.demo import DEMO_PASSWORD
from api.demo_seed import seed_casussen
from api.demo_trajecten import seed_trajecten
from api.demo_users import demo_users, ensure_users
from tests.scenarios.driver import deploy_processes
from tests.web.conftest import csrf_of

LANDING = {"auditor": "/casussen", "proceseigenaar": "/procesmodellen", "beheerder": "/procesmodellen",
           "procesregisseur": "/taken", "adviestafel": "/taken"}


def sign_in(client, username: str) -> None:
    token = csrf_of(client.get("/inloggen").get_data(as_text=True))
    response = client.post("/inloggen", data={"username": username, "password": DEMO_PASSWORD, "csrf_token": token})
    assert response.status_code == 303, username


def links(page: str) -> set[str]:
    """The site's own pages a page links to (not its static files)."""
    found = {html.unescape(href) for href in re.findall(r'href="([^"#]+)"', page)}
    return {href for href in found if href.startswith("/") and not href.startswith(("//", "/static/"))}


def test_every_demo_user_follows_every_link_of_menu_and_landing_page_without_an_error(rt, client):
    deploy_processes(rt)
    ensure_users(rt, DEMO_PASSWORD)
    seed_casussen(rt)
    seed_trajecten(rt)
    broken = {}
    for user in demo_users():
        sign_in(client, user.username)
        landing = client.get("/", follow_redirects=True)
        assert landing.status_code == 200, user.username
        if user.username in LANDING:
            assert landing.request.path == LANDING[user.username]
        page = landing.get_data(as_text=True)
        for href in sorted(links(page)):
            status = client.get(href, follow_redirects=True).status_code
            if status in (403, 404) or status >= 500:
                broken.setdefault(user.username, []).append((href, status))
        client.post("/uitloggen", data={"csrf_token": csrf_of(page)})
    assert broken == {}
