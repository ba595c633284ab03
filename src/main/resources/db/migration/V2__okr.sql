-- Objectives and key results of a fiscal quarter (e.g. FY2027-Q1), imported from a YAML file.
create table objective (
  quarter varchar(16) not null,
  objective_key varchar(64) not null,
  title varchar(500) not null,
  position int not null,
  primary key (quarter, objective_key)
);

create table key_result (
  quarter varchar(16) not null,
  kr_key varchar(64) not null,
  objective_key varchar(64) not null,
  title varchar(500) not null,
  owner_id varchar(32) not null,
  start_value numeric(20, 4),
  target_value numeric(20, 4),
  unit varchar(32),
  position int not null,
  primary key (quarter, kr_key),
  foreign key (quarter, objective_key) references objective (quarter, objective_key)
);
create index key_result_owner_idx on key_result (owner_id, quarter);

-- One check-in per key result per ISO week (organisation zone); a second submission revises it.
create table check_in (
  quarter varchar(16) not null,
  kr_key varchar(64) not null,
  iso_week varchar(8) not null,
  status varchar(16) not null,
  current_value numeric(20, 4),
  confidence int,
  note varchar(3000),
  author_id varchar(32) not null,
  submitted_at timestamp with time zone not null,
  echo_channel varchar(32),
  echo_ts varchar(32),
  primary key (quarter, kr_key, iso_week),
  foreign key (quarter, kr_key) references key_result (quarter, kr_key)
);

-- Ledger of per-person reminders: the primary key makes a second send impossible.
create table okr_reminder (
  user_id varchar(32) not null,
  iso_week varchar(8) not null,
  sent_at timestamp with time zone not null,
  primary key (user_id, iso_week)
);
