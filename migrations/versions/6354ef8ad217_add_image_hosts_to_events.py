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


def upgrade():
    # Existing events allow no outside image host: pictures come from the site itself.
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('image_hosts', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_column('image_hosts')
