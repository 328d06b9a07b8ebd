package storage

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"valueflow/model"
	"valueflow/model/sample"
)

// The figures of issue 3: an edit made durable against a bare UPDATE with the
// same pragmas on the same file, and opening an L map against plain SELECTs
// of the same rows. Compare the ns/op of each pair from one run.

func lFile(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "L.vflow")
	if err := Create(path, sample.Generate(sample.L)); err != nil {
		b.Fatal(err)
	}
	return path
}

func BenchmarkRawCommit(b *testing.B) {
	path := lFile(b)
	db, err := sql.Open(driverName, dsn(path, "rw", true))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// A new value each time: SQLite skips writing an unchanged row.
		if _, err := db.Exec("UPDATE contributions SET value = ? WHERE rowid = 1", fmt.Sprintf("waarde %d", i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEditCommit(b *testing.B) {
	path := lFile(b)
	f, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	ed := model.NewEditor(f.Map(), f)
	sc := f.Map().Scenarios[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := *sc.Contributions[0]
		c.Value = fmt.Sprintf("waarde %d", i)
		if err := ed.Do(model.UpdateContribution(sc.ID, c)); err != nil {
			b.Fatal(err)
		}
	}
}

// rawRow holds the columns of any of the tables, scanned without the model.
type rawRow struct {
	a, b, c, d, e, f, g, h, i, j, k, l sql.NullString
}

func BenchmarkRawSelectL(b *testing.B) {
	path := lFile(b)
	db, err := sql.Open(driverName, dsn(path, "ro", false))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	queries := []string{
		"SELECT title, purpose, region, description, stage FROM map",
		"SELECT id, name, kind, organisation, colour, attitude, influence, interest, informal_leader, notes FROM stakeholders ORDER BY position",
		"SELECT id, a, b, kind, quality, notes FROM relationships ORDER BY position",
		"SELECT id, name, issue FROM coalitions ORDER BY position",
		"SELECT coalition_id, stakeholder_id FROM coalition_members ORDER BY coalition_id, position",
		"SELECT id, name, based_on, notes FROM scenarios ORDER BY position",
		"SELECT scenario_id, id, name, timing, start_day, duration_days, wait_days, description, experience, carer_experience, pain_points FROM steps ORDER BY scenario_id, position",
		"SELECT scenario_id, id, step_id, stakeholder_id, value, description, role, capital, tangible, evidence FROM contributions ORDER BY scenario_id, position",
		"SELECT scenario_id, id, from_id, to_id, kind, label, criticality FROM flows ORDER BY scenario_id, position",
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out []rawRow
		for _, q := range queries {
			rows, err := db.QueryContext(context.Background(), q)
			if err != nil {
				b.Fatal(err)
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				var r rawRow
				dst := []any{&r.a, &r.b, &r.c, &r.d, &r.e, &r.f, &r.g, &r.h, &r.i, &r.j, &r.k, &r.l}[:len(cols)]
				if err := rows.Scan(dst...); err != nil {
					b.Fatal(err)
				}
				out = append(out, r)
			}
			rows.Close()
		}
		if len(out) < 2500 {
			b.Fatalf("read %d rows", len(out))
		}
	}
}

func BenchmarkOpenL(b *testing.B) {
	path := lFile(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(f.Map().Scenarios[0].Contributions) != 1200 {
			b.Fatal("not an L map")
		}
		f.Close()
	}
}
