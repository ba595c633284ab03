-- A KR owner's retrospective of one key result for its quarter (handbook product-and-engineering.md:
-- "DRI responsible for each KR fills out their retrospective slide"). One row per KR per quarter; a
-- second submission revises it until the quarter's scorecard is final.
create table kr_retro (
  quarter varchar(16) not null,
  kr_key varchar(64) not null,
  outcome varchar(300) not null,
  worked varchar(3000),
  didnt varchar(3000),
  learned varchar(3000),
  author_id varchar(32) not null,
  updated_at timestamp with time zone not null,
  primary key (quarter, kr_key),
  foreign key (quarter, kr_key) references key_result (quarter, kr_key)
);

-- A quarter whose scorecard was shared in week 1 of the next quarter: from then on it is final and
-- the KR retrospectives of that quarter can no longer be edited.
create table okr_scorecard (
  quarter varchar(16) primary key,
  finalised_at timestamp with time zone not null
);
