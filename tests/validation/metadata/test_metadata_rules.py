"""One test per metadata rule, each on an article that is otherwise clean."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from metadata_support import TODAY, codes, pdf

from editor_app.core.articles import Article, AttachmentRef
from editor_app.core.profiles import load_profile
from editor_app.validation.findings import Location, Severity
from editor_app.validation.metadata import check_metadata

CAO_BANG = load_profile("cao-bang")
NATIONAL = load_profile("national")


def only(findings: list, code: str):
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, codes(findings)
    return matching[0]


def test_clean_legal_document_only_shows_its_deadline(legal: Article) -> None:
    findings = check_metadata(legal, CAO_BANG, today=TODAY)
    assert codes(findings) == ["metadata.deadline"]
    assert findings[0].severity is Severity.INFO
    assert findings[0].message_vi == "Hạn đăng: 24/02/2026, còn 2 ngày làm việc (004 Điều 8.1.c)"
    assert findings[0].location == Location(field="metadata.issue_date")
    assert findings[0].data["deadline"] == "2026-02-24"


def test_overdue_item_gets_a_warning(legal: Article) -> None:
    finding = only(check_metadata(legal, CAO_BANG, today=date(2026, 2, 26)), "metadata.overdue")
    assert finding.severity is Severity.WARNING
    assert "24/02/2026" in finding.message_vi and "2 ngày làm việc" in finding.message_vi


def test_published_items_have_no_deadline(legal: Article) -> None:
    legal.state = "published"
    assert check_metadata(legal, CAO_BANG, today=date(2026, 3, 30)) == []


def test_missing_source(legal: Article) -> None:
    legal.source = "  "
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.source-missing")
    assert finding.severity is Severity.ERROR
    assert finding.location.field == "source"
    assert "nguồn" in finding.message_vi


def test_missing_author(legal: Article) -> None:
    legal.pen_name = ""
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.author-missing")
    assert finding.location.field == "pen_name" and "tác giả" in finding.message_vi
    legal.real_name = "Nguyễn Minh An"
    assert "metadata.author-missing" not in codes(check_metadata(legal, CAO_BANG, today=TODAY))


@pytest.mark.parametrize(("source", "flagged"), [
    ("Cổng TTĐT tỉnh Cao Bằng", True),
    ("Nguồn: cổng thông tin điện tử tỉnh Cao Bằng", True),
    ("caobang.gov.vn", True),
    ("Theo Cổng Thông tin điện tử tỉnh Cao Bằng", False),
    ("Theo www.caobang.gov.vn", False),
    ("Báo Cao Bằng", False),
    ("Cổng Thông tin điện tử tỉnh Sơn La", False),
])
def test_source_citing_the_portal_uses_its_wording(legal: Article, source: str,
                                                   flagged: bool) -> None:
    legal.source = source
    findings = check_metadata(legal, CAO_BANG, today=TODAY)
    assert ("metadata.source-wording" in codes(findings)) is flagged
    if flagged:
        finding = only(findings, "metadata.source-wording")
        assert finding.fix == "metadata.use-portal-citation"
        assert finding.data["replacement"] == "Theo Cổng Thông tin điện tử tỉnh Cao Bằng"
        assert "004 Điều 7.3" in finding.message_vi


def test_malformed_number_points_at_the_field(legal: Article) -> None:
    legal.metadata["number"] = "01/2026/QĐUBND"
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.doc-number-malformed")
    assert finding.severity is Severity.ERROR
    assert finding.location.field == "metadata.number"
    assert finding.message_vi == ("Số, ký hiệu «01/2026/QĐUBND» sai dạng: thiếu dấu «-» giữa "
                                  "«QĐ» và «UBND»")
    assert finding.fix is None


def test_spacing_slip_in_the_number_is_fixable(legal: Article) -> None:
    legal.metadata["number"] = "Số: 01 / 2026 / QĐ-UBND"
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.doc-number-malformed")
    assert finding.fix == "metadata.normalize-doc-number"
    assert finding.data["replacement"] == "01/2026/QĐ-UBND"


def test_type_abbreviation_must_match_the_form(legal: Article) -> None:
    legal.metadata["form"] = "Chỉ thị"
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY),
                   "metadata.doc-number-form-mismatch")
    assert finding.message_vi == "Ký hiệu «QĐ» là Quyết định, nhưng hình thức văn bản ghi «Chỉ thị»"
    legal.metadata.update(form="Tờ trình", number="11/TTr-STTTT",
                          authority="Sở Thông tin và Truyền thông")
    assert "metadata.doc-number-form-mismatch" not in codes(
        check_metadata(legal, CAO_BANG, today=TODAY))


def test_authority_part_must_match_the_issuing_body(legal: Article) -> None:
    legal.metadata["authority"] = "Sở Tư pháp"
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY),
                   "metadata.doc-number-authority-mismatch")
    assert "Ủy ban nhân dân" in finding.message_vi and "Sở Tư pháp" in finding.message_vi
    legal.metadata["authority"] = "UBND tỉnh Cao Bằng"
    assert "metadata.doc-number-authority-mismatch" not in codes(
        check_metadata(legal, CAO_BANG, today=TODAY))


def test_year_in_number_matches_issue_year(legal: Article) -> None:
    legal.metadata["number"] = "01/2025/QĐ-UBND"
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY),
                   "metadata.doc-number-year-mismatch")
    assert "2025" in finding.message_vi and "2026" in finding.message_vi


def test_effective_date_before_issue_date(legal: Article) -> None:
    legal.metadata["effective_date"] = "2026-02-01"
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY),
                   "metadata.effective-before-issue")
    assert finding.severity is Severity.ERROR
    assert finding.location.field == "metadata.effective_date"
    assert finding.message_vi == "Ngày có hiệu lực (01/02/2026) trước ngày ban hành (13/02/2026)"


def test_issue_date_in_the_future(legal: Article) -> None:
    legal.metadata["issue_date"] = "2026-03-02"
    legal.metadata["effective_date"] = "2026-03-12"
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.date-in-future")
    assert finding.location.field == "metadata.issue_date"
    assert "02/03/2026" in finding.message_vi


def test_required_field_missing_cites_the_article(legal: Article) -> None:
    del legal.metadata["excerpt"]
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.required-missing")
    assert finding.location.field == "metadata.excerpt"
    # Cao Bằng's regulation lists no legal-document fields: the rule is the decree's
    assert "Trích yếu" in finding.message_vi and "NĐ 42/2022 Điều 4" in finding.message_vi


def test_title_rules(legal: Article) -> None:
    legal.title = ""
    only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.title-missing")
    legal.title = "Tiêu đề " * 40
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.title-too-long")
    assert finding.location.field == "title" and "250" in finding.message_vi


def test_summary_length(legal: Article) -> None:
    legal.summary = "Sapo dài. " * 80
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.summary-too-long")
    assert finding.location.field == "summary"


def test_every_image_needs_a_caption(legal: Article) -> None:
    photo = AttachmentRef(sha256="b" * 64, filename="hoi-nghi.JPEG", size=5000,
                          media_type="image/jpeg")
    legal.attachments.append(photo)
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY),
                   "metadata.image-caption-missing")
    assert finding.location == Location(field=f"attachments.{'b' * 64}.caption",
                                        part="hoi-nghi.JPEG")
    photo.caption = "Quang cảnh hội nghị"
    assert "metadata.image-caption-missing" not in codes(
        check_metadata(legal, CAO_BANG, today=TODAY))


def test_legal_document_carries_its_file(legal: Article) -> None:
    legal.attachments = []
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.legal-file-missing")
    assert finding.severity is Severity.ERROR
    legal.attachments = [AttachmentRef(sha256="c" * 64, filename="qd.docx", size=9000)]
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.legal-file-not-pdf")
    assert finding.severity is Severity.INFO and "qd.docx" in finding.message_vi


def test_signed_pdf_where_the_profile_asks(legal: Article) -> None:
    unsigned = check_metadata(legal, CAO_BANG, today=TODAY, signed=lambda ref: False)
    finding = only(unsigned, "metadata.legal-file-unsigned")
    assert "004 Điều 11.2" in finding.message_vi and finding.location.part == "qd-01-2026.pdf"
    for hook in (None, lambda ref: None, lambda ref: True):
        assert "metadata.legal-file-unsigned" not in codes(
            check_metadata(legal, CAO_BANG, today=TODAY, signed=hook))
    # The baseline does not ask for a signature at all.
    assert "metadata.legal-file-unsigned" not in codes(
        check_metadata(legal, NATIONAL, today=TODAY, signed=lambda ref: False))
    # One signed PDF among several is enough.
    legal.attachments.append(pdf("phu-luc.pdf"))
    verdicts = {"qd-01-2026.pdf": False, "phu-luc.pdf": True}
    assert "metadata.legal-file-unsigned" not in codes(check_metadata(
        legal, CAO_BANG, today=TODAY, signed=lambda ref: verdicts[ref.filename]))


def test_clean_question_and_answer(qa: Article) -> None:
    assert codes(check_metadata(qa, NATIONAL, today=TODAY)) == ["metadata.deadline"]


def test_asker_must_be_reachable(qa: Article) -> None:
    del qa.metadata["asker_email"]
    finding = only(check_metadata(qa, NATIONAL, today=TODAY),
                   "metadata.qa-asker-contact-missing")
    assert finding.location.field == "metadata.asker_address"
    del qa.metadata["asker_name"]
    missing = [f for f in check_metadata(qa, NATIONAL, today=TODAY)
               if f.code == "metadata.required-missing"]
    assert [f.location.field for f in missing] == ["metadata.asker_name"]


def test_cao_bang_asks_for_the_full_identity(qa: Article) -> None:
    missing = {f.location.field for f in check_metadata(qa, CAO_BANG, today=TODAY)
               if f.code == "metadata.required-missing"}
    assert missing == {"metadata.asker_kind", "metadata.asker_address", "metadata.asker_phone",
                       "metadata.answered_by"}


def test_answer_must_cite_its_documents(qa: Article) -> None:
    qa.metadata["answer"] = "Văn bản được cập nhật chậm nhất sau hai ngày làm việc."
    only(check_metadata(qa, NATIONAL, today=TODAY), "metadata.qa-answer-no-citation")
    qa.metadata["answer"] = "Theo Quyết định 01/2014/QĐ-UBND, văn bản được cập nhật sau 2 ngày."
    finding = only(check_metadata(qa, NATIONAL, today=TODAY), "metadata.qa-citation-incomplete")
    assert "ngày ban hành" in finding.message_vi and "cơ quan ban hành" in finding.message_vi
    assert finding.location.offset == qa.metadata["answer"].index("01/2014")
    qa.metadata["answer"] = ("Theo Quyết định 01/2014/QĐ-UBND ngày 22 tháng 01 năm 2014, "
                             "văn bản được cập nhật sau 2 ngày.")
    finding = only(check_metadata(qa, NATIONAL, today=TODAY), "metadata.qa-citation-incomplete")
    assert "ngày ban hành" not in finding.message_vi


def test_english_pages_are_in_english() -> None:
    article = Article(title="Sơn La đẩy mạnh thu hút đầu tư vào nông nghiệp công nghệ cao",
                      body_html="<p>Tỉnh Sơn La đã tổ chức hội nghị xúc tiến đầu tư với sự "
                                "tham gia của nhiều doanh nghiệp trong và ngoài nước.</p>",
                      category="english", pen_name="Hà", source="Sở Ngoại vụ")
    finding = only(check_metadata(article, load_profile("son-la"), today=TODAY),
                   "metadata.not-english")
    assert finding.location.field == "body"
    english = replace(article, title="Son La promotes investment in high-tech agriculture",
                      body_html="<p>The province held an investment promotion conference with "
                                "the participation of many domestic and foreign firms.</p>")
    assert check_metadata(english, load_profile("son-la"), today=TODAY) == []


def test_unknown_category(legal: Article) -> None:
    legal.category = "sports"
    finding = only(check_metadata(legal, CAO_BANG, today=TODAY), "metadata.unknown-category")
    assert finding.location.field == "category"


def test_hostile_metadata_gives_findings_not_crashes(legal: Article) -> None:
    legal.metadata.update(issue_date={"nested": [1, 2]}, effective_date=3.5, number=12345,
                          form=["Quyết định"], authority=None, excerpt="x" * 1_000_000)
    legal.attachments.append(AttachmentRef(sha256="d" * 64, filename="", size=0))
    found = set(codes(check_metadata(legal, CAO_BANG, today=TODAY)))
    assert {"metadata.invalid-date", "metadata.doc-number-malformed",
            "metadata.invalid-choice", "metadata.required-missing"} <= found
