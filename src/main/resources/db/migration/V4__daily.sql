-- Daily async updates: one per member per local date (the member's own zone).
create table daily_update (
  user_id varchar(32) not null,
  local_date date not null,
  yesterday varchar(3000) not null,
  next_up varchar(3000),
  blockers varchar(3000),
  submitted_at timestamp with time zone not null,
  primary key (user_id, local_date)
);

-- Where each update was posted, per team channel, so a revision edits it (chat.update).
create table daily_post (
  user_id varchar(32) not null,
  local_date date not null,
  team_id varchar(40) not null,
  channel varchar(32) not null,
  ts varchar(32) not null,
  primary key (user_id, local_date, team_id)
);
create index daily_post_team_idx on daily_post (team_id, local_date);

-- Ledger of private prompts and reminders (kind PROMPT or REMINDER): never twice a day.
create table daily_notice (
  user_id varchar(32) not null,
  local_date date not null,
  kind varchar(16) not null,
  sent_at timestamp with time zone not null,
  primary key (user_id, local_date, kind)
);

-- Out of office: inclusive dates in the member's zone; no prompts, reminders or "missing".
create table out_of_office (
  user_id varchar(32) primary key,
  first_day date not null,
  last_day date not null
);

-- Profile bits the daily post needs when posting as the member (chat:write.customize).
alter table slack_user add column avatar_url varchar(1000);
alter table slack_user add column is_bot boolean default false not null;
