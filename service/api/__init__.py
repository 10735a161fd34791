"""The HTTP routes: one APIRouter per file, assembled by service.app.create_app."""
