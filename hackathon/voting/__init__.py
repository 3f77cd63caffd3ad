"""People's choice: the audience vote, its voting codes and its results.

The package does not import its views on import, so that other packages can use its services
without pulling in (and cycling through) the blueprint; the app factory imports `views`.
"""
