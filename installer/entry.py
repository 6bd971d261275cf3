"""Entry script of the frozen build: the same `editor-app` entry point as a source install.

freeze_support() comes first: hostile attachments are parsed in worker processes, and in a frozen
build those workers are started by re-running this executable.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from editor_app.cli import main

    raise SystemExit(main())
