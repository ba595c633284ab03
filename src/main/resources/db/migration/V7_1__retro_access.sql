-- Each retro's secret key (32 random bytes, base64), made on first use for retros created before
-- this version. Item references, the fixed random order of items and the seals that bind a form to
-- the person it was opened for are derived from it, so none of them follows the global item ids.
alter table retro add column secret varchar(64);

-- A /retro start that posts in another channel than the one it was typed in, waiting for the
-- check (conversations.members, after the ack) that its facilitator is in that channel. One
-- db-scheduler execution (task 'retro-start-check', instance id = id) per row; the row is deleted
-- in the transaction that starts the retro or refuses it.
create table retro_start_request (
  id varchar(40) primary key,
  facilitator varchar(32) not null,
  channel varchar(32) not null,
  title varchar(200) not null,
  named boolean not null,
  votes_per_person int not null,
  okr_quarter varchar(16),
  response_url varchar(1000) not null,
  created_at timestamp with time zone not null
);
