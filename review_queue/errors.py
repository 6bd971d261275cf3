"""One error shape for every refusal: :class:`editor_app.core.wire.ErrorBody` with a stable code.

Handlers raise :class:`ApiError`; FastAPI's own errors (bad JSON, unknown route) are mapped to the
same body, so a client needs one parser for every status.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from editor_app.core.wire import ErrorBody, Submission

_HTTP_CODES = {
    400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found",
    405: "method-not-allowed", 409: "conflict", 410: "gone", 412: "precondition-failed",
    413: "too-large", 415: "unsupported-media-type", 422: "invalid", 428: "precondition-required",
}


class ApiError(Exception):
    """A refusal with its HTTP status, stable code and message (English; codes are for programs)."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        findings: list[dict[str, Any]] | None = None,
        current: Submission | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.findings, self.current, self.headers = findings, current, headers or {}

    def body(self) -> dict[str, Any]:
        body = ErrorBody(code=self.code, message=self.message, current=self.current)
        data = body.model_dump(mode="json", exclude_none=True)
        if self.findings is not None:
            data["findings"] = self.findings
        return data


def unauthorized() -> ApiError:
    return ApiError(401, "unauthorized", "missing, expired or invalid credentials",
                    headers={"WWW-Authenticate": "Bearer"})


def forbidden(message: str = "not allowed for this account") -> ApiError:
    return ApiError(403, "forbidden", message)


def not_found(what: str = "item") -> ApiError:
    return ApiError(404, "not-found", f"{what} not found")


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]


async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = "; ".join(
        f"{'.'.join(str(p) for p in err.get('loc', ()))}: {err.get('msg', '')}"
        for err in exc.errors()[:10]
    )
    body = ErrorBody(code="invalid-request", message=problems or "invalid request")
    return JSONResponse(body.model_dump(mode="json", exclude_none=True), status_code=422)


async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, "error")
    body = ErrorBody(code=code, message=str(exc.detail))
    return JSONResponse(body.model_dump(mode="json", exclude_none=True),
                        status_code=exc.status_code, headers=getattr(exc, "headers", None))
