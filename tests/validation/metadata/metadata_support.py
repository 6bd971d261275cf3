"""Articles that pass every metadata rule; each test breaks exactly one thing."""

from __future__ import annotations

from datetime import date

import pytest

from editor_app.core.articles import Article, AttachmentRef

TODAY = date(2026, 2, 20)


def pdf(name: str = "qd-01-2026.pdf") -> AttachmentRef:
    return AttachmentRef(sha256="a" * 64, filename=name, size=120_000,
                         media_type="application/pdf")


@pytest.fixture
def legal() -> Article:
    return Article(
        title="Quyết định ban hành Quy chế quản lý Cổng Thông tin điện tử tỉnh",
        summary="Ủy ban nhân dân tỉnh ban hành Quy chế mới thay thế quy chế năm 2014.",
        category="legal-document",
        pen_name="Minh An",
        source="Văn phòng UBND tỉnh Cao Bằng",
        metadata={
            "form": "Quyết định",
            "authority": "Ủy ban nhân dân tỉnh Cao Bằng",
            "number": "01/2026/QĐ-UBND",
            "issue_date": "2026-02-13",
            "effective_date": "23/02/2026",
            "excerpt": "Ban hành Quy chế quản lý, hoạt động của Cổng Thông tin điện tử tỉnh",
        },
        attachments=[pdf()],
    )


@pytest.fixture
def qa() -> Article:
    return Article(
        title="Hỏi về thời hạn đăng văn bản trên Cổng",
        category="qa",
        real_name="Nguyễn Văn Bình",
        source="Sở Thông tin và Truyền thông",
        metadata={
            "asker_name": "Trần Thị Cúc",
            "asker_email": "cuc@example.vn",
            "question": "Văn bản của tỉnh phải đăng lên Cổng trong bao lâu?",
            "answer": "Theo Quyết định số 01/2014/QĐ-UBND ngày 22/01/2014 của UBND tỉnh "
                      "Cao Bằng, văn bản do UBND tỉnh ban hành được cập nhật không quá "
                      "02 ngày làm việc.",
            "received_date": "2026-02-10",
        },
    )


def codes(findings: list) -> list[str]:
    return [f.code for f in findings]
