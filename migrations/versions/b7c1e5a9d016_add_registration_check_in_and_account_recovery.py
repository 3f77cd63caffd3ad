"""add applications, registration settings, check-in volunteers and account recovery

Revision ID: b7c1e5a9d016
Revises: c3e7a91d5b20
Create Date: 2026-12-03 16:30:00.000000

Memberships and invites gain the `volunteer` role (check-in only). On PostgreSQL the role checks
are dropped and made again. SQLite can't alter a CHECK constraint, and rebuilding `invite` would
drop it with foreign keys on (every membership's invite_id would become NULL), so the stored
CREATE TABLE text is widened in place: SQLite's documented procedure for loosening a constraint
(the new check admits every row the old one did), bumping schema_version so other connections
re-read it.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7c1e5a9d016'
down_revision = 'c3e7a91d5b20'
branch_labels = None
depends_on = None

OLD_ROLES = "role IN ('participant', 'mentor', 'judge', 'organizer')"
NEW_ROLES = "role IN ('participant', 'mentor', 'judge', 'organizer', 'volunteer')"


def upgrade():
    _replace_role_check(OLD_ROLES, NEW_ROLES)
    op.add_column('user', sa.Column('deactivated_at', sa.DateTime(), nullable=True))
    op.create_table('registration_settings',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('confirm_hours', sa.Integer(), nullable=False),
    sa.Column('hands_out_voting_codes', sa.Boolean(), nullable=False),
    sa.CheckConstraint("mode IN ('open', 'reviewed')", name=op.f('ck_registration_settings_mode')),
    sa.CheckConstraint('capacity IS NULL OR capacity >= 0', name=op.f('ck_registration_settings_capacity')),
    sa.CheckConstraint('confirm_hours >= 1', name=op.f('ck_registration_settings_confirm_hours')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_registration_settings_event_id_event'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_registration_settings'))
    )
    op.create_table('question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('help_text', sa.String(length=500), nullable=False),
    sa.Column('is_required', sa.Boolean(), nullable=False),
    sa.Column('choices', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('short_text', 'long_text', 'one_choice', 'several_choices', 'yes_no', 'url', "
                       "'number', 'statement')", name=op.f('ck_question_kind')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_question_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_question'))
    )
    op.create_index(op.f('ix_question_event_id'), 'question', ['event_id'], unique=False)
    op.create_table('application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('waitlisted_at', sa.DateTime(), nullable=True),
    sa.Column('offer_expires_at', sa.DateTime(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('checkin_code', sa.String(length=16), nullable=True),
    sa.Column('checked_in_at', sa.DateTime(), nullable=True),
    sa.Column('checked_in_by_id', sa.Integer(), nullable=True),
    sa.Column('voting_code_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('submitted', 'accepted', 'waitlisted', 'declined', 'confirmed', 'withdrawn', "
                       "'expired')", name=op.f('ck_application_status')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_application_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_application_user_id_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_application_decided_by_id_user'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['checked_in_by_id'], ['user.id'], name=op.f('fk_application_checked_in_by_id_user'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['voting_code_id'], ['voting_code.id'],
                            name=op.f('fk_application_voting_code_id_voting_code'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application')),
    sa.UniqueConstraint('event_id', 'user_id', name=op.f('uq_application_event_id_user_id')),
    sa.UniqueConstraint('checkin_code', name=op.f('uq_application_checkin_code')),
    sa.UniqueConstraint('voting_code_id', name=op.f('uq_application_voting_code_id'))
    )
    op.create_index(op.f('ix_application_event_id'), 'application', ['event_id'], unique=False)
    op.create_index(op.f('ix_application_user_id'), 'application', ['user_id'], unique=False)
    op.create_table('password_reset',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('made_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_password_reset_user_id_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['made_by_id'], ['user.id'], name=op.f('fk_password_reset_made_by_id_user'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_password_reset')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_password_reset_token_hash'))
    )
    op.create_index(op.f('ix_password_reset_user_id'), 'password_reset', ['user_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_password_reset_user_id'), table_name='password_reset')
    op.drop_table('password_reset')
    op.drop_index(op.f('ix_application_user_id'), table_name='application')
    op.drop_index(op.f('ix_application_event_id'), table_name='application')
    op.drop_table('application')
    op.drop_index(op.f('ix_question_event_id'), table_name='question')
    op.drop_table('question')
    op.drop_table('registration_settings')
    op.drop_column('user', 'deactivated_at')
    volunteer = sa.text("role = 'volunteer'")
    op.execute(sa.delete(sa.table('membership', sa.column('role'))).where(volunteer))
    op.execute(sa.delete(sa.table('invite', sa.column('role'))).where(volunteer))
    _replace_role_check(NEW_ROLES, OLD_ROLES)


def _replace_role_check(old: str, new: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rewrite_sqlite_check(old, new)
        return
    for table in ("membership", "invite"):
        op.drop_constraint(op.f(f"ck_{table}_role"), table, type_="check")
        op.create_check_constraint(op.f(f"ck_{table}_role"), table, sa.text(new))


def _rewrite_sqlite_check(old: str, new: str) -> None:
    connection = op.get_bind()
    version = connection.exec_driver_sql("PRAGMA schema_version").scalar()
    connection.exec_driver_sql("PRAGMA writable_schema=ON")
    for table in ("membership", "invite"):
        connection.execute(sa.text("UPDATE sqlite_master SET sql = replace(sql, :old, :new) "
                                   "WHERE type = 'table' AND name = :table"), {"old": old, "new": new, "table": table})
    connection.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    connection.exec_driver_sql("PRAGMA writable_schema=OFF")
