"""The web app and the REST API. Routes parse, call the service, and render; nothing more."""

from popliteal.web.app import ROUTERS, create_app

__all__ = ["ROUTERS", "create_app"]
