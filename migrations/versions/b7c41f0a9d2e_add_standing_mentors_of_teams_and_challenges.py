"""add standing mentors of teams and challenges

Revision ID: b7c41f0a9d2e
Revises: 3245bc18e18d
Create Date: 2026-12-03 16:30:00.000000

Written by hand: new tables, and new columns added with plain ALTER TABLE (no table rebuilds).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7c41f0a9d2e'
down_revision = '3245bc18e18d'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('challenge_mentor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('mentor_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_challenge_mentor_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenge.id'], name=op.f('fk_challenge_mentor_challenge_id_challenge'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mentor_id'], ['user.id'], name=op.f('fk_challenge_mentor_mentor_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challenge_mentor')),
    sa.UniqueConstraint('challenge_id', 'mentor_id', name=op.f('uq_challenge_mentor_challenge_id_mentor_id'))
    )
    op.create_index(op.f('ix_challenge_mentor_event_id'), 'challenge_mentor', ['event_id'], unique=False)
    op.create_index(op.f('ix_challenge_mentor_challenge_id'), 'challenge_mentor', ['challenge_id'], unique=False)
    op.create_index(op.f('ix_challenge_mentor_mentor_id'), 'challenge_mentor', ['mentor_id'], unique=False)

    op.create_table('team_mentor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('mentor_id', sa.Integer(), nullable=False),
    sa.Column('is_pinned', sa.Boolean(), nullable=False),
    sa.Column('assigned_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_team_mentor_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_team_mentor_team_id_team'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mentor_id'], ['user.id'], name=op.f('fk_team_mentor_mentor_id_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['assigned_by_id'], ['user.id'], name=op.f('fk_team_mentor_assigned_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_mentor')),
    sa.UniqueConstraint('team_id', 'mentor_id', name=op.f('uq_team_mentor_team_id_mentor_id'))
    )
    op.create_index(op.f('ix_team_mentor_event_id'), 'team_mentor', ['event_id'], unique=False)
    op.create_index(op.f('ix_team_mentor_team_id'), 'team_mentor', ['team_id'], unique=False)
    op.create_index(op.f('ix_team_mentor_mentor_id'), 'team_mentor', ['mentor_id'], unique=False)

    op.add_column('mentor_profile', sa.Column('max_teams', sa.Integer(), nullable=True))
    op.add_column('help_request', sa.Column('own_until', sa.DateTime(), nullable=True))
    op.add_column('mentoring_settings', sa.Column('mentors_per_team', sa.Integer(), server_default='1',
                                                  nullable=False))


def downgrade():
    op.drop_column('mentoring_settings', 'mentors_per_team')
    op.drop_column('help_request', 'own_until')
    op.drop_column('mentor_profile', 'max_teams')
    op.drop_index(op.f('ix_team_mentor_mentor_id'), table_name='team_mentor')
    op.drop_index(op.f('ix_team_mentor_team_id'), table_name='team_mentor')
    op.drop_index(op.f('ix_team_mentor_event_id'), table_name='team_mentor')
    op.drop_table('team_mentor')
    op.drop_index(op.f('ix_challenge_mentor_mentor_id'), table_name='challenge_mentor')
    op.drop_index(op.f('ix_challenge_mentor_challenge_id'), table_name='challenge_mentor')
    op.drop_index(op.f('ix_challenge_mentor_event_id'), table_name='challenge_mentor')
    op.drop_table('challenge_mentor')
