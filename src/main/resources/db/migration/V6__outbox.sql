-- The outbox: every Slack side effect that follows a committed change is a row here, written in the
-- same transaction as the change and delivered from here (one db-scheduler execution per row, the
-- task instance id being the delivery key). A row is one Slack message (or Home tab, or
-- response_url reply), identified by its purpose, e.g. 'daily-post:U1:2026-11-30:C0DIST'.
--   kind        'message' (content frozen in payload) or a renderer that draws it from the database
--   via         CHAT (chat.postMessage, then chat.update), HOME (views.publish), RESPOND (response_url),
--               FILE (an image shared with Slack's external upload flow; file_id once staged)
--   generation  bumped by every request to (re)draw; delivered_generation is the last one sent
--   in_doubt    an attempt to post may have reached Slack: reconcile before posting again
create table outbox (
  delivery_key varchar(200) primary key,
  kind varchar(40) not null,
  via varchar(8) not null,
  subject varchar(200),
  channel varchar(1000),
  thread_key varchar(200),
  payload text,
  state varchar(8) not null,
  generation int not null,
  delivered_generation int not null,
  posted_channel varchar(40),
  posted_ts varchar(32),
  file_id varchar(40),
  attempts int not null,
  in_doubt boolean not null,
  first_attempt_at timestamp with time zone,
  not_before timestamp with time zone,
  expires_at timestamp with time zone,
  last_error varchar(300),
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null
);
create index outbox_state_idx on outbox (state, updated_at);

-- Channels Drumbeat has looked up by name, so start-up does not page through conversations.list.
create table slack_channel (
  channel_id varchar(40) primary key,
  name varchar(100) not null,
  is_private boolean not null,
  refreshed_at timestamp with time zone not null
);
create index slack_channel_name_idx on slack_channel (name);

-- The members of daily-update teams that follow a channel (no members listed in drumbeat.yml), as
-- conversations.members last said; refreshed by a job, so a failed read never empties a team and no
-- listener waits for Slack.
create table team_member (
  team_id varchar(40) not null,
  user_id varchar(32) not null,
  primary key (team_id, user_id)
);

create table team_roster (
  team_id varchar(40) primary key,
  channel varchar(40) not null,
  refreshed_at timestamp with time zone not null
);

-- Requests already handled, so a replay changes nothing twice: view submissions (view id and hash)
-- and Events API deliveries (event id). Kept a day; a replay comes within minutes.
create table slack_replay (
  kind varchar(16) not null,
  replay_id varchar(200) not null,
  received_at timestamp with time zone not null,
  primary key (kind, replay_id)
);
create index slack_replay_received_idx on slack_replay (received_at);
