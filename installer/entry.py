"""Entry script of the frozen build: the same `editor-app` entry point as a source install."""

from editor_app.cli import main

raise SystemExit(main())
