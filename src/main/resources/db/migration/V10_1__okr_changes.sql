-- Ledger of planning-calendar posts: one per calendar entry (its index in drumbeat.yml) per quarter.
create table okr_calendar_post (
  quarter varchar(16) not null,
  entry_index int not null,
  posted_at timestamp with time zone not null,
  primary key (quarter, entry_index)
);
