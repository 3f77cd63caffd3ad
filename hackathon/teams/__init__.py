"""Team formation: teams, invites and join requests, the team finder, and the organizers' moves.

Like every blueprint package, this one does not import its views on import: mentoring reads teams
(`teams.queries`) and the team services withdraw a dissolved team's help request
(`mentors.services`), so importing a team query must not pull in the blueprint. The app factory
imports the blueprint from `teams.views`.
"""
