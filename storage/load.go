package storage

import (
	"context"
	"database/sql"

	"valueflow/model"
)

// load reads the whole live map.
func load(ctx context.Context, q querier) (*model.Map, error) { return loadFrom(ctx, q, source{}) }

// source says where a map's rows are: the live tables, or the snapshot_
// tables restricted to one snapshot.
type source struct {
	snapshot int64 // 0: the live map
}

// from names the rows of table for a query: "stakeholders", or
// "snapshot_stakeholders WHERE snapshot_id = ?".
func (s source) from(table string) string {
	if s.snapshot == 0 {
		if table == "map" {
			return "map WHERE id = 1"
		}
		return table
	}
	return "snapshot_" + table + " WHERE snapshot_id = ?"
}

func (s source) args() []any {
	if s.snapshot == 0 {
		return nil
	}
	return []any{s.snapshot}
}

// loadFrom reads a whole map from src. Rows come ordered by position, so
// slices are appended in order and lookups go through small maps built here.
func loadFrom(ctx context.Context, q querier, src source) (*model.Map, error) {
	m := &model.Map{}
	each := func(ctx context.Context, q querier, query string, scan func(*sql.Rows) error) error {
		return eachRow(ctx, q, query, src.args(), scan)
	}
	err := each(ctx, q, "SELECT title, purpose, region, description, stage FROM "+src.from("map"), func(r *sql.Rows) error {
		return r.Scan(&m.Title, &m.Purpose, &m.Region, &m.Description, (*string)(&m.Stage))
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, q, "SELECT id, name, kind, organisation, colour, attitude, influence, interest, informal_leader, notes FROM "+src.from("stakeholders")+" ORDER BY position", func(r *sql.Rows) error {
		s := &model.Stakeholder{}
		if err := r.Scan((*string)(&s.ID), &s.Name, (*string)(&s.Kind), &s.Organisation, &s.Colour, &s.Attitude, &s.Influence, &s.Interest, &s.InformalLeader, &s.Notes); err != nil {
			return err
		}
		m.Stakeholders = append(m.Stakeholders, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, q, "SELECT id, a, b, kind, quality, notes FROM "+src.from("relationships")+" ORDER BY position", func(r *sql.Rows) error {
		x := &model.Relationship{}
		if err := r.Scan((*string)(&x.ID), (*string)(&x.A), (*string)(&x.B), &x.Kind, &x.Quality, &x.Notes); err != nil {
			return err
		}
		m.Relationships = append(m.Relationships, x)
		return nil
	})
	if err != nil {
		return nil, err
	}
	coalitions := map[model.ID]*model.Coalition{}
	err = each(ctx, q, "SELECT id, name, issue FROM "+src.from("coalitions")+" ORDER BY position", func(r *sql.Rows) error {
		x := &model.Coalition{}
		if err := r.Scan((*string)(&x.ID), &x.Name, &x.Issue); err != nil {
			return err
		}
		m.Coalitions = append(m.Coalitions, x)
		coalitions[x.ID] = x
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, q, "SELECT coalition_id, stakeholder_id FROM "+src.from("coalition_members")+" ORDER BY coalition_id, position", func(r *sql.Rows) error {
		var cid, sid model.ID
		if err := r.Scan((*string)(&cid), (*string)(&sid)); err != nil {
			return err
		}
		if c := coalitions[cid]; c != nil {
			c.Members = append(c.Members, sid)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	scenarios := map[model.ID]*model.Scenario{}
	err = each(ctx, q, "SELECT id, name, based_on, notes FROM "+src.from("scenarios")+" ORDER BY position", func(r *sql.Rows) error {
		x := &model.Scenario{}
		if err := r.Scan((*string)(&x.ID), &x.Name, &x.BasedOn, &x.Notes); err != nil {
			return err
		}
		m.Scenarios = append(m.Scenarios, x)
		scenarios[x.ID] = x
		return nil
	})
	if err != nil {
		return nil, err
	}
	var sid model.ID
	err = each(ctx, q, "SELECT scenario_id, id, name, timing, start_day, duration_days, wait_days, description, experience, carer_experience, pain_points FROM "+src.from("steps")+" ORDER BY scenario_id, position", func(r *sql.Rows) error {
		x := &model.Step{}
		var exp, carer sql.NullInt64
		if err := r.Scan((*string)(&sid), (*string)(&x.ID), &x.Name, &x.Timing, &x.StartDay, &x.DurationDays, &x.WaitDays, &x.Description, &exp, &carer, &x.PainPoints); err != nil {
			return err
		}
		if exp.Valid {
			x.Experience = model.Int(int(exp.Int64))
		}
		if carer.Valid {
			x.CarerExperience = model.Int(int(carer.Int64))
		}
		if sc := scenarios[sid]; sc != nil {
			sc.Steps = append(sc.Steps, x)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, q, "SELECT scenario_id, id, step_id, stakeholder_id, value, description, role, capital, tangible, evidence FROM "+src.from("contributions")+" ORDER BY scenario_id, position", func(r *sql.Rows) error {
		x := &model.Contribution{}
		if err := r.Scan((*string)(&sid), (*string)(&x.ID), (*string)(&x.Step), (*string)(&x.Stakeholder), &x.Value, &x.Description, (*string)(&x.Role), (*string)(&x.Capital), &x.Tangible, (*string)(&x.Evidence)); err != nil {
			return err
		}
		if sc := scenarios[sid]; sc != nil {
			sc.Contributions = append(sc.Contributions, x)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, q, "SELECT scenario_id, id, from_id, to_id, kind, label, criticality FROM "+src.from("flows")+" ORDER BY scenario_id, position", func(r *sql.Rows) error {
		x := &model.Flow{}
		if err := r.Scan((*string)(&sid), (*string)(&x.ID), (*string)(&x.From), (*string)(&x.To), (*string)(&x.Kind), &x.Label, (*string)(&x.Criticality)); err != nil {
			return err
		}
		if sc := scenarios[sid]; sc != nil {
			sc.Flows = append(sc.Flows, x)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

func each(ctx context.Context, q querier, query string, scan func(*sql.Rows) error) error {
	return eachRow(ctx, q, query, nil, scan)
}

func eachRow(ctx context.Context, q querier, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
