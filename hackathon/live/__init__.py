"""The live channel's pages and rules: announcements, the big screen, the background ticker.

The package does not import its views on import, so that other packages can use its services
without pulling in (and cycling through) the blueprint; the app factory imports `views`.
"""
