"""Mentoring: mentor profiles and directory, teams' help requests, the live help queue and its figures.

The package does not import its views on import, so that other packages can use its services
without pulling in (and cycling through) the blueprint; the app factory imports `views`.
"""
