package cli

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"

	"valueflow/canvas/export"
	"valueflow/canvas/scene"
	"valueflow/model"
	"valueflow/model/anonymise"
	"valueflow/storage"
	"valueflow/storage/jsonmap"
)

// exportOptions are the flags of `valueflow export`.
type exportOptions struct {
	format, out, view, scenario string
	from, to                    string
	paper                       string
	landscape, fit, anonymise   bool
	scale                       float64
	dpi                         int
	setup                       scene.PageSetup // from paper, landscape, fit and scale, checked
}

var exportFormats = []string{"json", "pdf", "svg", "png", "dot", "xlsx", "csv"}

var exportViews = []string{"board", "network", "grid", "roles", "compare"}

// analysisViews are drawn only: they have no dot, json, xlsx or csv form
// (those write the map itself, as the board view does).
var analysisViews = []string{"network", "grid", "roles"}

// drawingFormats are the formats of a drawn view.
var drawingFormats = []string{"pdf", "svg", "png"}

func runExport(args []string, out io.Writer) error {
	const usage = "export FILE --format json|pdf|svg|png|dot|xlsx|csv --out OUT|- [--view board|network|grid|roles|compare] [--scenario NAME] [--from A --to B] [--paper A4|A3|Letter] [--landscape] [--fit|--scale PCT] [--dpi N] [--anonymise]"
	fs := helpFlagSet("export", usage, out)
	var o exportOptions
	fs.StringVar(&o.format, "format", "", "output format: "+strings.Join(exportFormats, ", "))
	fs.StringVar(&o.out, "out", "", "output file (a folder for csv), or - for standard output")
	fs.StringVar(&o.view, "view", "board", "view to draw: "+strings.Join(exportViews, ", "))
	fs.StringVar(&o.scenario, "scenario", "", "scenario to draw (default: the first)")
	fs.StringVar(&o.from, "from", "", "compare view: the scenario (name or id) or snapshot (name, #ID, or SNAPSHOT:SCENARIO) to compare from")
	fs.StringVar(&o.to, "to", "", "compare view: the scenario or snapshot to compare to")
	fs.StringVar(&o.paper, "paper", "A4", "paper size for pdf: A4, A3 or Letter")
	fs.BoolVar(&o.landscape, "landscape", false, "landscape pages (pdf)")
	fs.BoolVar(&o.fit, "fit", false, "fit the view on one page (pdf)")
	fs.Float64Var(&o.scale, "scale", 100, "tile the view over pages at this scale in percent, 10 to 400 (pdf); without --fit or --scale the board and a large roles matrix tile at 100, the network and grid fit on one page")
	fs.IntVar(&o.dpi, "dpi", 96, "resolution of png output")
	fs.BoolVar(&o.anonymise, "anonymise", false, "replace the names of persons (patient, informal carers) by their kind, to share outside the network")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(rest, 1, usage); err != nil {
		return err
	}
	if !contains(exportFormats, o.format) {
		if o.format == "" {
			return usagef("--format is required (valid: %s)", strings.Join(exportFormats, ", "))
		}
		return usagef("unknown format %q (valid: %s)", o.format, strings.Join(exportFormats, ", "))
	}
	if !contains(exportViews, o.view) {
		return usagef("unknown view %q (valid: %s)", o.view, strings.Join(exportViews, ", "))
	}
	if err := checkCompareFlags(o); err != nil {
		return err
	}
	if contains(analysisViews, o.view) && !contains(drawingFormats, o.format) {
		return usagef("--view %s cannot be written as %s (valid: %s)", o.view, o.format, strings.Join(drawingFormats, ", "))
	}
	if o.out == "" {
		return usagef("--out is required (a file, or - for standard output)")
	}
	if err := checkDrawingFlags(fs, &o); err != nil {
		return err
	}

	var write func(io.Writer) error
	var shown *model.Map // the map as exported (for csv, which writes a folder)
	if o.view == "compare" {
		if write, err = compareExporter(rest[0], o); err != nil {
			return err
		}
	} else {
		f, err := storage.OpenReadOnly(rest[0])
		if err != nil {
			return err
		}
		m := f.Map()
		f.Close()
		sc, err := pickScenario(m, o.scenario)
		if err != nil {
			return err
		}
		if o.anonymise {
			// The scenario is picked by the name the user knows; the copy
			// may call it otherwise.
			am := anonymise.Map(m, userWords())
			m, sc = am, am.Scenario(anonymise.IDs(m, am)(sc.ID))
		}
		if write, err = exporter(m, sc, o); err != nil {
			return err
		}
		shown = m
	}
	if o.out == "-" {
		if o.format == "csv" {
			return usagef("csv export writes a folder of files; --out - is not possible")
		}
		bw := bufio.NewWriter(out)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	if o.format == "csv" {
		if shown == nil {
			return usagef("csv export is not possible for the compare view")
		}
		return writeCSVFolder(o.out, shown)
	}
	return export.WriteFile(o.out, write)
}

// checkDrawingFlags checks the paper, scale and resolution flags before any
// file is read. The page flags (--paper, --landscape, --fit, --scale) are
// for pdf only and --dpi for png only, as in the export dialog, which turns
// them off for the other formats: given with another format they are
// refused rather than ignored, so a script learns at once that its svg has
// no A3 pages. --fit and --scale exclude each other. The ranges are those
// of the dialog: scene.MinScalePct..MaxScalePct (a scale of 0 is not "the
// default") and export.MinDPI..MaxDPI.
func checkDrawingFlags(fs *flag.FlagSet, o *exportOptions) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var pageFlags []string
	for _, name := range []string{"paper", "landscape", "fit", "scale"} {
		if set[name] {
			pageFlags = append(pageFlags, "--"+name)
		}
	}
	if len(pageFlags) > 0 && o.format != "pdf" {
		verb := "applies"
		if len(pageFlags) > 1 {
			verb = "apply"
		}
		return usagef("%s %s to pdf only: %s has no pages", strings.Join(pageFlags, ", "), verb, o.format)
	}
	if set["dpi"] && o.format != "png" {
		return usagef("--dpi applies to png only: %s has no pixels to count", o.format)
	}
	if set["fit"] && set["scale"] {
		return usagef("--fit and --scale exclude each other: fit the view on one page, or tile it at a scale")
	}
	paper, err := scene.ParsePaper(o.paper)
	if err != nil {
		return usageError{err.Error()}
	}
	o.setup = scene.PageSetup{Paper: paper, Landscape: o.landscape, Fit: o.fit, ScalePct: float32(o.scale)}
	if !set["fit"] && !set["scale"] {
		o.setup.ScalePct = 0 // neither: the view's own default, the network and grid fit on one page
	}
	if !(o.scale >= scene.MinScalePct && o.scale <= scene.MaxScalePct) {
		return usagef("--scale %g is out of range (%d to %d percent)", o.scale, scene.MinScalePct, scene.MaxScalePct)
	}
	if !(o.dpi >= export.MinDPI && o.dpi <= export.MaxDPI) {
		return usagef("--dpi %d is out of range (%d to %d)", o.dpi, export.MinDPI, export.MaxDPI)
	}
	return nil
}

// exporter returns the function that writes m in the chosen format.
func exporter(m *model.Map, sc *model.Scenario, o exportOptions) (func(io.Writer) error, error) {
	switch o.format {
	case "json":
		return func(w io.Writer) error { return jsonmap.Encode(w, m) }, nil
	}
	return drawingExporter(m, sc, o)
}

func pickScenario(m *model.Map, name string) (*model.Scenario, error) {
	if len(m.Scenarios) == 0 {
		return nil, fmt.Errorf("the map has no scenario")
	}
	if name == "" {
		return m.Scenarios[0], nil
	}
	return findScenario(m, name)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
