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

// The plain structs the floor reads into: one per table, typed like the
// columns, with no model, no checks and no lookups.
type (
	rawMap         struct{ title, purpose, region, description, stage string }
	rawStakeholder struct {
		id, name, kind, organisation, colour string
		attitude, influence, interest        int
		informalLeader                       bool
		notes                                string
	}
	rawRelationship struct {
		id, a, b, kind string
		quality        int
		notes          string
	}
	rawCoalition struct{ id, name, issue string }
	rawMember    struct{ coalition, stakeholder string }
	rawScenario  struct{ id, name, basedOn, notes string }
	rawStep      struct {
		scenario, id, name, timing  string
		start, duration, wait       int
		description                 string
		experience, carerExperience sql.NullInt64
		painPoints                  string
	}
	rawContribution struct {
		scenario, id, step, stakeholder, value, description, role, capital string
		tangible                                                           bool
		evidence                                                           string
	}
	rawFlow struct{ scenario, id, from, to, kind, label, criticality string }
)

// rawQuery runs one query and scans every row with scan.
func rawQuery(b *testing.B, db *sql.DB, q string, scan func(*sql.Rows) error) {
	rows, err := db.QueryContext(context.Background(), q)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			b.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkRawSelectL(b *testing.B) {
	path := lFile(b)
	db, err := sql.Open(driverName, dsn(path, "ro", false))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var (
			maps  []rawMap
			sh    []rawStakeholder
			rel   []rawRelationship
			co    []rawCoalition
			mem   []rawMember
			scs   []rawScenario
			steps []rawStep
			cards []rawContribution
			flows []rawFlow
		)
		rawQuery(b, db, "SELECT title, purpose, region, description, stage FROM map", func(r *sql.Rows) error {
			var x rawMap
			err := r.Scan(&x.title, &x.purpose, &x.region, &x.description, &x.stage)
			maps = append(maps, x)
			return err
		})
		rawQuery(b, db, "SELECT id, name, kind, organisation, colour, attitude, influence, interest, informal_leader, notes FROM stakeholders ORDER BY position", func(r *sql.Rows) error {
			var x rawStakeholder
			err := r.Scan(&x.id, &x.name, &x.kind, &x.organisation, &x.colour, &x.attitude, &x.influence, &x.interest, &x.informalLeader, &x.notes)
			sh = append(sh, x)
			return err
		})
		rawQuery(b, db, "SELECT id, a, b, kind, quality, notes FROM relationships ORDER BY position", func(r *sql.Rows) error {
			var x rawRelationship
			err := r.Scan(&x.id, &x.a, &x.b, &x.kind, &x.quality, &x.notes)
			rel = append(rel, x)
			return err
		})
		rawQuery(b, db, "SELECT id, name, issue FROM coalitions ORDER BY position", func(r *sql.Rows) error {
			var x rawCoalition
			err := r.Scan(&x.id, &x.name, &x.issue)
			co = append(co, x)
			return err
		})
		rawQuery(b, db, "SELECT coalition_id, stakeholder_id FROM coalition_members ORDER BY coalition_id, position", func(r *sql.Rows) error {
			var x rawMember
			err := r.Scan(&x.coalition, &x.stakeholder)
			mem = append(mem, x)
			return err
		})
		rawQuery(b, db, "SELECT id, name, based_on, notes FROM scenarios ORDER BY position", func(r *sql.Rows) error {
			var x rawScenario
			err := r.Scan(&x.id, &x.name, &x.basedOn, &x.notes)
			scs = append(scs, x)
			return err
		})
		rawQuery(b, db, "SELECT scenario_id, id, name, timing, start_day, duration_days, wait_days, description, experience, carer_experience, pain_points FROM steps ORDER BY scenario_id, position", func(r *sql.Rows) error {
			var x rawStep
			err := r.Scan(&x.scenario, &x.id, &x.name, &x.timing, &x.start, &x.duration, &x.wait, &x.description, &x.experience, &x.carerExperience, &x.painPoints)
			steps = append(steps, x)
			return err
		})
		rawQuery(b, db, "SELECT scenario_id, id, step_id, stakeholder_id, value, description, role, capital, tangible, evidence FROM contributions ORDER BY scenario_id, position", func(r *sql.Rows) error {
			var x rawContribution
			err := r.Scan(&x.scenario, &x.id, &x.step, &x.stakeholder, &x.value, &x.description, &x.role, &x.capital, &x.tangible, &x.evidence)
			cards = append(cards, x)
			return err
		})
		rawQuery(b, db, "SELECT scenario_id, id, from_id, to_id, kind, label, criticality FROM flows ORDER BY scenario_id, position", func(r *sql.Rows) error {
			var x rawFlow
			err := r.Scan(&x.scenario, &x.id, &x.from, &x.to, &x.kind, &x.label, &x.criticality)
			flows = append(flows, x)
			return err
		})
		if len(cards) != 1200 || len(flows) != 1000 || len(steps) != 60 || len(sh) != 40 {
			b.Fatalf("read %d cards, %d flows, %d steps, %d stakeholders", len(cards), len(flows), len(steps), len(sh))
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

// sizedFile writes a generated map of a size once per benchmark.
func sizedFile(b *testing.B, size sample.Size) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), string(size)+".vflow")
	if err := Create(path, sample.Generate(size)); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenBySize shows how opening grows from S to XL (issue 10: the
// growth from L to XL should be about linear).
func BenchmarkOpenBySize(b *testing.B) {
	for _, size := range sample.Sizes {
		b.Run(string(size), func(b *testing.B) {
			path := sizedFile(b, size)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				f, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				f.Close()
			}
		})
	}
}

// BenchmarkEditCommitBySize: one edit made durable should not grow with the
// size of the map.
func BenchmarkEditCommitBySize(b *testing.B) {
	for _, size := range sample.Sizes {
		b.Run(string(size), func(b *testing.B) {
			f, err := Open(sizedFile(b, size))
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			ed := model.NewEditor(f.Map(), f)
			sc := f.Map().Scenarios[0]
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c := *sc.Contributions[len(sc.Contributions)/2]
				c.Value = fmt.Sprintf("waarde %d", i)
				if err := ed.Do(model.UpdateContribution(sc.ID, c)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
