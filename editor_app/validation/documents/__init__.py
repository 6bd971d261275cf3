"""Documents as units really send them: legacy-font DOC, RTF, DOCX and PDF, read run by run.

Public API: :func:`read_document`, :func:`convert_document`, :func:`check_document`,
:func:`detect_document`.
"""

from editor_app.validation.documents.api import convert_document, detect_kind, read_document
from editor_app.validation.documents.checks import check_document
from editor_app.validation.documents.detection import DocumentDetection, detect_document
from editor_app.validation.documents.errors import DocumentError, UnfixableDocumentError
from editor_app.validation.documents.model import Document, Paragraph, Part, Run, Table
from editor_app.validation.documents.report import ConversionReport

__all__ = [
    "ConversionReport",
    "Document",
    "DocumentDetection",
    "DocumentError",
    "Paragraph",
    "Part",
    "Run",
    "Table",
    "UnfixableDocumentError",
    "check_document",
    "convert_document",
    "detect_document",
    "detect_kind",
    "read_document",
]
