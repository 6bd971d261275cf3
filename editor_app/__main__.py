"""`python -m editor_app` behaves exactly like the `editor-app` entry point.

The guard matters: inspection workers started with spawn re-import the main module.
"""

if __name__ == "__main__":
    from editor_app.cli import main

    raise SystemExit(main())
