"""Editorial workstation for Vietnamese provincial e-government portals."""

__version__ = "0.1.0"
APP_NAME = "editor-app"
APP_AUTHOR = "editor-app"
