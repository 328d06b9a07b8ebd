-- Schema version 2: snapshots, named and frozen copies of the whole map.
-- Each one is a single row holding the map in the JSON interchange format
-- (storage/jsonmap) rather than copies of every table: a frozen copy must
-- outlive later changes of the live tables without being migrated with
-- them, the JSON decoder is strict and validates what a mailed file carries,
-- and listing or deleting a snapshot touches one row. The text stays
-- readable with the plain sqlite3 tool (json_extract(map, '$.title')).
CREATE TABLE snapshots (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    time INTEGER NOT NULL,
    note TEXT NOT NULL,
    map  TEXT NOT NULL
) STRICT;

CREATE INDEX snapshots_by_time ON snapshots (time, id);
