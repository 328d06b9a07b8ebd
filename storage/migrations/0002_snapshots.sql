-- Schema version 2: snapshots, named and frozen copies of the whole map.
-- A snapshot is kept as rows: snapshot_X has the snapshot's id followed by
-- exactly the columns of the live table X, in the same order, so taking one
-- is a single INSERT ... SELECT per table inside SQLite (no round trip of
-- the map through Go; an L map takes about as long as copying its rows),
-- the same STRICT types guard it, and it stays readable with sqlite3.
-- Snapshot rows refer to nothing live: deleting a stakeholder must never
-- reach into history. They carry no primary key of their own: they are
-- copies of rows the live keys already made unique (and a snapshot is
-- validated, duplicate ids included, when it is read); one index on
-- snapshot_id, which only ever grows at its end, finds and deletes them,
-- so a snapshot writes little more than the copied rows themselves.
-- A later migration that changes a live table must change its snapshot_
-- twin the same way.
CREATE TABLE snapshots (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    time INTEGER NOT NULL,
    note TEXT NOT NULL
) STRICT;

CREATE TABLE snapshot_map (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    id          INTEGER NOT NULL,
    title       TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    region      TEXT NOT NULL,
    description TEXT NOT NULL,
    stage       TEXT NOT NULL
) STRICT;

CREATE TABLE snapshot_stakeholders (
    snapshot_id     INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    organisation    TEXT NOT NULL,
    colour          TEXT NOT NULL,
    attitude        INTEGER NOT NULL,
    influence       INTEGER NOT NULL,
    interest        INTEGER NOT NULL,
    informal_leader INTEGER NOT NULL,
    notes           TEXT NOT NULL
) STRICT;

CREATE TABLE snapshot_relationships (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    a           TEXT NOT NULL,
    b           TEXT NOT NULL,
    kind        TEXT NOT NULL,
    quality     INTEGER NOT NULL,
    notes       TEXT NOT NULL
) STRICT;

CREATE TABLE snapshot_coalitions (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    issue       TEXT NOT NULL
) STRICT;

CREATE TABLE snapshot_coalition_members (
    snapshot_id    INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    coalition_id   TEXT NOT NULL,
    stakeholder_id TEXT NOT NULL,
    position       INTEGER NOT NULL
) STRICT;

CREATE TABLE snapshot_scenarios (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    based_on    TEXT NOT NULL,
    notes       TEXT NOT NULL
) STRICT;

CREATE TABLE snapshot_steps (
    snapshot_id      INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    scenario_id      TEXT NOT NULL,
    id               TEXT NOT NULL,
    position         INTEGER NOT NULL,
    name             TEXT NOT NULL,
    timing           TEXT NOT NULL,
    start_day        INTEGER NOT NULL,
    duration_days    INTEGER NOT NULL,
    wait_days        INTEGER NOT NULL,
    description      TEXT NOT NULL,
    experience       INTEGER,
    carer_experience INTEGER,
    pain_points      TEXT NOT NULL
) STRICT;

CREATE TABLE snapshot_contributions (
    snapshot_id    INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    scenario_id    TEXT NOT NULL,
    id             TEXT NOT NULL,
    position       INTEGER NOT NULL,
    step_id        TEXT NOT NULL,
    stakeholder_id TEXT NOT NULL,
    value          TEXT NOT NULL,
    description    TEXT NOT NULL,
    role           TEXT NOT NULL,
    capital        TEXT NOT NULL,
    tangible       INTEGER NOT NULL,
    evidence       TEXT NOT NULL
) STRICT;

CREATE TABLE snapshot_flows (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    scenario_id TEXT NOT NULL,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    from_id     TEXT NOT NULL,
    to_id       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    label       TEXT NOT NULL,
    criticality TEXT NOT NULL
) STRICT;

CREATE INDEX snapshot_map_by_snapshot ON snapshot_map (snapshot_id);
CREATE INDEX snapshot_stakeholders_by_snapshot ON snapshot_stakeholders (snapshot_id);
CREATE INDEX snapshot_relationships_by_snapshot ON snapshot_relationships (snapshot_id);
CREATE INDEX snapshot_coalitions_by_snapshot ON snapshot_coalitions (snapshot_id);
CREATE INDEX snapshot_coalition_members_by_snapshot ON snapshot_coalition_members (snapshot_id);
CREATE INDEX snapshot_scenarios_by_snapshot ON snapshot_scenarios (snapshot_id);
CREATE INDEX snapshot_steps_by_snapshot ON snapshot_steps (snapshot_id);
CREATE INDEX snapshot_contributions_by_snapshot ON snapshot_contributions (snapshot_id);
CREATE INDEX snapshot_flows_by_snapshot ON snapshot_flows (snapshot_id);
