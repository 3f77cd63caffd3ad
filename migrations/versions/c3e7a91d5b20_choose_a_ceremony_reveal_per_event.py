"""choose a ceremony reveal per event

Revision ID: c3e7a91d5b20
Revises: b7c41f0a9d2e
Create Date: 2026-12-03 16:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'c3e7a91d5b20'
down_revision = 'b7c41f0a9d2e'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ALTER TABLE: existing boards keep today's freeze.
    op.add_column('leaderboard_state', sa.Column('reveal_mode', sa.String(length=16), nullable=False,
                                                 server_default='freeze'))


def downgrade():
    with op.batch_alter_table('leaderboard_state') as batch_op:
        batch_op.drop_column('reveal_mode')
