"""The portal-side review-queue service: collaborators' submissions in, the board's workflow on top.

Stateless over its database and file store (see :mod:`review_queue.settings`), so several instances
can serve one province. Shares only the wire schema (:mod:`editor_app.core.wire`) with the app,
plus the app's validation engine, which it re-runs because the server never trusts the client.
"""

__version__ = "0.1.0"
