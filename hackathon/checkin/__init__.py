"""The check-in desk: codes scanned or typed at the door, and the count of who has arrived.

The package does not import its views on import, so that other packages can use its services
without pulling in (and cycling through) the blueprint; the app factory imports `views`.
"""
