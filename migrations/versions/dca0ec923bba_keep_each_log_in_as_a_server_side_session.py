"""keep each log-in as a server-side session

Revision ID: dca0ec923bba
Revises: 6354ef8ad217
Create Date: 2026-12-03 13:31:47.898368

The account-wide user.session_token becomes one login_session row per account with the same token,
so everybody logged in before the upgrade stays logged in; from then on each log-in has its own row
and logging out deletes it.
"""
import secrets
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'dca0ec923bba'
down_revision = '6354ef8ad217'
branch_labels = None
depends_on = None

user = sa.table('user', sa.column('id', sa.Integer), sa.column('session_token', sa.String))
login_session = sa.table('login_session', sa.column('user_id', sa.Integer), sa.column('token', sa.String),
                         sa.column('created_at', sa.DateTime))


def upgrade():
    op.create_table('login_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_login_session_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_session')),
    sa.UniqueConstraint('token', name=op.f('uq_login_session_token'))
    )
    with op.batch_alter_table('login_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_session_user_id'), ['user_id'], unique=False)

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = op.get_bind().execute(sa.select(user.c.id, user.c.session_token)).all()
    if rows:
        op.bulk_insert(login_session, [{'user_id': user_id, 'token': token, 'created_at': now}
                                       for user_id, token in rows])

    # Not in batch mode: on SQLite that copies and drops the user table, and dropping it with
    # foreign keys on deletes every row that cascades from it (memberships, teams, scores...).
    op.drop_column('user', 'session_token')


def downgrade():
    op.add_column('user', sa.Column('session_token', sa.String(length=64), nullable=False, server_default=''))
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(user.c.id)).all():
        connection.execute(user.update().where(user.c.id == user_id).values(session_token=secrets.token_urlsafe(24)))

    with op.batch_alter_table('login_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_session_user_id'))

    op.drop_table('login_session')
