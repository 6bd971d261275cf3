"""The HTTP API of the service, one router per area, mounted by ``create_app``."""
