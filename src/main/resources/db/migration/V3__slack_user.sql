-- Cache of Slack profiles Drumbeat needs (time zone for per-person schedules, DM channel).
create table slack_user (
  user_id varchar(32) primary key,
  real_name varchar(200),
  tz varchar(64),
  dm_channel varchar(32),
  fetched_at timestamp with time zone not null
);
