"""add image hosts to events

Revision ID: 6354ef8ad217
Revises: 810319269fc3
Create Date: 2026-12-03 13:16:54.249937

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6354ef8ad217'
down_revision = '810319269fc3'
branch_labels = None
depends_on = None


# Plain ALTER TABLE, never batch mode: on SQLite batch mode copies and drops the event table, and
# dropping it with foreign keys on deletes every row that cascades from it.

def upgrade():
    # Existing events allow no outside image host: pictures come from the site itself.
    op.add_column('event', sa.Column('image_hosts', sa.Text(), nullable=False, server_default=''))


def downgrade():
    op.drop_column('event', 'image_hosts')
