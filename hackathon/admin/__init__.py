"""Site administration: events, site admins and accounts.

The package does not import its views on import, so that other packages can use its services
without pulling in (and cycling through) the blueprint; the app factory imports `views`.
"""
