-- Schema version 1 of a .vflow file. Every table is STRICT so a hand-edited
-- file cannot smuggle a wrong type into the model; positions keep the order
-- the user gave (lanes, journey, lists).
CREATE TABLE map (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    title       TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    region      TEXT NOT NULL,
    description TEXT NOT NULL,
    stage       TEXT NOT NULL
) STRICT;

CREATE TABLE stakeholders (
    id              TEXT PRIMARY KEY,
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

CREATE TABLE relationships (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    a        TEXT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    b        TEXT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    quality  INTEGER NOT NULL,
    notes    TEXT NOT NULL
) STRICT;

CREATE TABLE coalitions (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    issue    TEXT NOT NULL
) STRICT;

CREATE TABLE coalition_members (
    coalition_id   TEXT NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    PRIMARY KEY (coalition_id, stakeholder_id)
) STRICT;

CREATE TABLE scenarios (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    based_on TEXT NOT NULL,
    notes    TEXT NOT NULL
) STRICT;

CREATE TABLE steps (
    scenario_id      TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
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
    pain_points      TEXT NOT NULL,
    PRIMARY KEY (scenario_id, id)
) STRICT;

CREATE TABLE contributions (
    scenario_id    TEXT NOT NULL,
    id             TEXT NOT NULL,
    position       INTEGER NOT NULL,
    step_id        TEXT NOT NULL,
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    value          TEXT NOT NULL,
    description    TEXT NOT NULL,
    role           TEXT NOT NULL,
    capital        TEXT NOT NULL,
    tangible       INTEGER NOT NULL,
    evidence       TEXT NOT NULL,
    PRIMARY KEY (scenario_id, id),
    FOREIGN KEY (scenario_id, step_id) REFERENCES steps (scenario_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE flows (
    scenario_id TEXT NOT NULL,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    from_id     TEXT NOT NULL,
    to_id       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    label       TEXT NOT NULL,
    criticality TEXT NOT NULL,
    PRIMARY KEY (scenario_id, id),
    FOREIGN KEY (scenario_id, from_id) REFERENCES contributions (scenario_id, id) ON DELETE CASCADE,
    FOREIGN KEY (scenario_id, to_id) REFERENCES contributions (scenario_id, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX contributions_by_step ON contributions (scenario_id, step_id);
CREATE INDEX contributions_by_stakeholder ON contributions (stakeholder_id);
CREATE INDEX flows_by_from ON flows (scenario_id, from_id);
CREATE INDEX flows_by_to ON flows (scenario_id, to_id);
CREATE INDEX relationships_by_a ON relationships (a);
CREATE INDEX relationships_by_b ON relationships (b);
CREATE INDEX coalition_members_by_stakeholder ON coalition_members (stakeholder_id);
