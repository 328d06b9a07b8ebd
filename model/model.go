// Package model owns the domain of a value-flow map: its types, validation,
// queries, edit commands and undo/redo. It knows nothing of SQL, files or Fyne.
package model

// ID identifies an element. Stakeholders, relationships, coalitions and
// scenarios are unique in the map; steps, contributions and flows are unique
// within their scenario (a copied scenario keeps the ids, so compare can match).
type ID string

// Stage is the network stage of the map (DESIGN.md: verbinden, richten, produceren).
type Stage string

const (
	StageNone    Stage = ""
	StageConnect Stage = "verbinden"
	StageAlign   Stage = "richten"
	StageProduce Stage = "produceren"
)

// Stages lists the valid network stages in order.
var Stages = []Stage{StageConnect, StageAlign, StageProduce}

// Role is what a stakeholder does in a contribution.
type Role string

const (
	RoleLead        Role = "lead"
	RoleContributes Role = "contributes"
	RoleConsulted   Role = "consulted"
	RoleInformed    Role = "informed"
)

// Roles lists the valid roles, strongest first.
var Roles = []Role{RoleLead, RoleContributes, RoleConsulted, RoleInformed}

// Capital is the kind of network value a contribution adds.
type Capital string

const (
	CapitalNone     Capital = ""
	CapitalEconomic Capital = "economic"
	CapitalSocial   Capital = "social"
	CapitalCultural Capital = "cultural"
)

// Capitals lists the valid kinds of capital.
var Capitals = []Capital{CapitalEconomic, CapitalSocial, CapitalCultural}

// Evidence says what a contribution is based on.
type Evidence string

const (
	EvidenceNone       Evidence = ""
	EvidenceInterview  Evidence = "interview"
	EvidenceData       Evidence = "data"
	EvidenceAssumption Evidence = "assumption"
)

// Evidences lists the valid kinds of evidence.
var Evidences = []Evidence{EvidenceInterview, EvidenceData, EvidenceAssumption}

// FlowKind is what passes along a flow.
type FlowKind string

const (
	FlowHandOff     FlowKind = "hand-off"
	FlowReferral    FlowKind = "referral"
	FlowInformation FlowKind = "information"
	FlowResource    FlowKind = "resource"
)

// FlowKinds lists the valid flow kinds.
var FlowKinds = []FlowKind{FlowHandOff, FlowReferral, FlowInformation, FlowResource}

// Criticality says how much the journey relies on a flow.
type Criticality string

const (
	CriticalityLow    Criticality = "low"
	CriticalityNormal Criticality = "normal"
	CriticalityHigh   Criticality = "high"
)

// Criticalities lists the valid criticalities, lowest first.
var Criticalities = []Criticality{CriticalityLow, CriticalityNormal, CriticalityHigh}

// StakeholderKind says what a lane stands for. Free text is allowed; these are
// the kinds the app offers.
type StakeholderKind string

const (
	KindOrganisation StakeholderKind = "organisation"
	KindProfessional StakeholderKind = "professional"
	KindPatient      StakeholderKind = "patient"
	KindCarer        StakeholderKind = "carer"
	KindFunder       StakeholderKind = "funder"
	KindGovernment   StakeholderKind = "government"
)

// StakeholderKinds lists the kinds the app offers.
var StakeholderKinds = []StakeholderKind{KindOrganisation, KindProfessional, KindPatient, KindCarer, KindFunder, KindGovernment}

// Map is one value-flow map: one project, one file.
type Map struct {
	Title       string
	Purpose     string // "stip op de horizon"
	Region      string
	Description string
	Stage       Stage

	// Stakeholders in lane order.
	Stakeholders  []*Stakeholder
	Relationships []*Relationship
	Coalitions    []*Coalition
	// Scenarios in the order the user sees them; never empty in a valid map.
	Scenarios []*Scenario
}

// Stakeholder is a lane: an organisation, a professional role, the patient, an informal carer.
type Stakeholder struct {
	ID             ID
	Name           string
	Kind           StakeholderKind
	Organisation   string
	Colour         string // "#rrggbb", empty for the default
	Attitude       int    // -2..2
	Influence      int    // 1..5, 0 when not assessed
	Interest       int    // 1..5, 0 when not assessed
	InformalLeader bool
	Notes          string
}

// Relationship is a direct relation between two stakeholders.
type Relationship struct {
	ID      ID
	A, B    ID // stakeholder ids
	Kind    string
	Quality int // -2..2
	Notes   string
}

// Coalition is a named group of stakeholders working on one issue.
type Coalition struct {
	ID      ID
	Name    string
	Issue   string
	Members []ID // stakeholder ids
}

// Scenario is one version of the journey: as-is, to-be, variants.
type Scenario struct {
	ID      ID
	Name    string
	BasedOn string // name of the scenario it was copied from
	Notes   string
	// Steps in journey order.
	Steps         []*Step
	Contributions []*Contribution
	Flows         []*Flow
}

// Step is a moment or phase in the patient journey.
type Step struct {
	ID           ID
	Name         string
	Timing       string // free text, e.g. "week 1–2"
	StartDay     int    // for a real time axis; meaningful when DurationDays > 0
	DurationDays int
	WaitDays     int // waiting time before the step
	Description  string
	// Experience of the patient and the informal carer, -2..2; nil when not filled in.
	Experience      *int
	CarerExperience *int
	PainPoints      string
}

// Contribution is the value a stakeholder adds at a step: a card on the board.
type Contribution struct {
	ID          ID
	Step        ID
	Stakeholder ID
	Value       string
	Description string
	Role        Role
	Capital     Capital
	Tangible    bool
	Evidence    Evidence
}

// Flow is a dependency or hand-off from one contribution to another.
type Flow struct {
	ID          ID
	From, To    ID // contribution ids in the same scenario
	Kind        FlowKind
	Label       string
	Criticality Criticality
}

// SnapshotInfo describes a named, frozen copy of the whole map kept in the file.
type SnapshotInfo struct {
	ID   int64
	Name string
	Time int64 // Unix seconds
	Note string
}

// Int returns a pointer to v, for optional fields such as Step.Experience.
func Int(v int) *int { return &v }
