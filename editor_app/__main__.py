"""`python -m editor_app` behaves exactly like the `editor-app` entry point."""

from editor_app.cli import main

raise SystemExit(main())
