package app

import (
	// Before Fyne's translations read the locale (see clocale): the tests
	// of this package run as their own program.
	_ "clocale"

	"embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2/lang"

	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/storage"
)

//go:embed translations/*.json
var translations embed.FS

// loadTranslations registers the translations once, when the GUI starts:
// not at import time, so the command line never touches the locale.
var loadTranslations = sync.OnceFunc(func() {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		panic(fmt.Sprintf("translations: %v", err))
	}
	scene.TranslateAnalysisLabels(T)
})

// T translates a user-visible phrase; the English text is the key.
func T(key string) string { return lang.L(key) }

// Tf translates a phrase with fmt verbs and fills them in.
func Tf(key string, args ...any) string { return fmt.Sprintf(lang.L(key), args...) }

// roleName is the user's word for a role.
func roleName(r model.Role) string { return T("role." + string(r)) }

// stageName is the user's word for a network stage.
func stageName(s model.Stage) string {
	if s == model.StageNone {
		return T("stage.none")
	}
	return T("stage." + string(s))
}

// Tn translates a count: one for 1, many otherwise ("%d step", "%d steps").
func Tn(n int, one, many string) string {
	if n == 1 {
		return Tf(one, n)
	}
	return Tf(many, n)
}

// storageMessage explains a storage error or a refused edit in the user's
// language, with the file name; other errors are shown as they are.
func storageMessage(err error) string { return errorMessage(nil, err) }

// errorMessage is storageMessage naming the elements of m by their names.
func errorMessage(m *model.Map, err error) string {
	if p, ok := modelProblem(err); ok {
		return problemMessage(m, p)
	}
	code := storage.CodeOf(err)
	if code == "" {
		return err.Error()
	}
	var se *storage.Error
	errors.As(err, &se)
	key := "error." + string(code)
	if code == storage.DiskFull && se != nil && se.Op != "save" && se.Op != "" {
		key = "error.disk-full-new" // a new file or a copy: no change was lost
	}
	msg := T(key)
	if se != nil && se.Detail != "" {
		msg += " (" + se.Detail + ")"
	}
	if se != nil && se.Path != "" {
		op := se.Op
		if op == "" {
			op = "open"
		}
		return Tf("cannot."+op, baseName(se.Path), msg)
	}
	return msg
}

// modelProblem finds the first model problem in err.
func modelProblem(err error) (model.Problem, bool) {
	var ps model.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		return ps[0], true
	}
	var p model.Problem
	if errors.As(err, &p) {
		return p, true
	}
	var pp *model.Problem
	if errors.As(err, &pp) && pp != nil {
		return *pp, true
	}
	return model.Problem{}, false
}

// problemMessage says a model problem in the user's language, naming
// elements by their names in m (when m has them) instead of their ids:
// `stap "Opname": naam is leeg`.
func problemMessage(m *model.Map, p model.Problem) string {
	msg := problemText(m, p)
	if p.Whole {
		return msg
	}
	return elementLabel(m, p.Ref) + ": " + msg
}

// problemText is the problem without the element it is about, for a form
// that shows it beside the field.
func problemText(m *model.Map, p model.Problem) string {
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		switch a := a.(type) {
		case model.FieldArg:
			args[i] = T("problem.field." + string(a))
		case model.KindArg:
			args[i] = T("entity." + model.EntityKind(a).String())
		case model.RefArg:
			if name := elementName(m, model.Ref(a)); name != "" {
				args[i] = name
			} else {
				args[i] = string(a.ID)
			}
		default:
			args[i] = a
		}
	}
	return Tf(p.Key, args...)
}

// elementLabel is `stap "Opname"`, or the kind alone when the element is
// not (yet) in the map.
func elementLabel(m *model.Map, r model.Ref) string {
	kind := T("entity." + r.Kind.String())
	if r.Kind == model.EntityMap {
		return kind
	}
	if name := elementName(m, r); name != "" {
		return kind + " " + strconv.Quote(name)
	}
	return kind
}

// elementName is what the user calls an element: its name, a card's value,
// a flow's or relationship's two ends; "" when m does not have it.
func elementName(m *model.Map, r model.Ref) string {
	if m == nil {
		return ""
	}
	switch r.Kind {
	case model.EntityStakeholder:
		if s := m.Stakeholder(r.ID); s != nil {
			return s.Name
		}
	case model.EntityCoalition:
		if c := m.Coalition(r.ID); c != nil {
			return c.Name
		}
	case model.EntityScenario:
		if sc := m.Scenario(r.ID); sc != nil {
			return sc.Name
		}
	case model.EntityRelationship:
		if rel := m.Relationship(r.ID); rel != nil {
			return elementName(m, model.Ref{Kind: model.EntityStakeholder, ID: rel.A}) + " – " + elementName(m, model.Ref{Kind: model.EntityStakeholder, ID: rel.B})
		}
	case model.EntityStep, model.EntityContribution, model.EntityFlow:
		sc := m.Scenario(r.Scenario)
		if sc == nil {
			return ""
		}
		switch r.Kind {
		case model.EntityStep:
			if s := sc.Step(r.ID); s != nil {
				return s.Name
			}
		case model.EntityContribution:
			if c := sc.Contribution(r.ID); c != nil {
				return c.Value
			}
		case model.EntityFlow:
			if f := sc.Flow(r.ID); f != nil {
				if f.Label != "" {
					return f.Label
				}
				from := elementName(m, model.Ref{Kind: model.EntityContribution, Scenario: r.Scenario, ID: f.From})
				to := elementName(m, model.Ref{Kind: model.EntityContribution, Scenario: r.Scenario, ID: f.To})
				return from + " → " + to
			}
		}
	}
	return ""
}

// statusLine counts what the scenario on the board holds, each count in the
// singular or plural it needs (the window adds how the map is saved).
func statusLine(m *model.Map, sc *model.Scenario) string {
	return strings.Join([]string{
		Tn(len(sc.Steps), "%d step", "%d steps"),
		Tn(len(m.Stakeholders), "%d stakeholder", "%d stakeholders"),
		Tn(len(sc.Contributions), "%d card", "%d cards"),
		Tn(len(sc.Flows), "%d flow", "%d flows"),
	}, " · ")
}
