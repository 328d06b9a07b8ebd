package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"valueflow/model"
	"valueflow/model/sample"
	"valueflow/model/templates"
	"valueflow/storage"
	"valueflow/storage/jsonmap"
)

func runVersion(args []string, out io.Writer) error {
	fs := helpFlagSet("version", "version", out)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(rest, 0, "version"); err != nil {
		return err
	}
	fmt.Fprintf(out, "valueflow %s\n", Version)
	return nil
}

func runSample(args []string, out io.Writer) error {
	const usage = "sample [--size S|M|L|XL] OUT.vflow"
	fs := helpFlagSet("sample", usage, out)
	size := fs.String("size", "", "generate a map of this size instead of the built-in sample: S, M, L or XL")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(rest, 1, usage); err != nil {
		return err
	}
	var m *model.Map
	if *size == "" {
		m = sample.Map()
	} else {
		sz, err := sample.ParseSize(*size)
		if err != nil {
			return usageError{err.Error()}
		}
		m = sample.Generate(sz)
	}
	if err := refuseExisting(rest[0]); err != nil {
		return err
	}
	if err := storage.Create(rest[0], m); err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s: %s\n", rest[0], summary(m))
	return nil
}

func runCheck(args []string, out io.Writer) error {
	const usage = "check FILE"
	fs := helpFlagSet("check", usage, out)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(rest, 1, usage); err != nil {
		return err
	}
	f, err := storage.OpenReadOnly(rest[0])
	if err != nil {
		return err
	}
	defer f.Close()
	m := f.Map()
	if err := m.Validate(); err != nil {
		return fmt.Errorf("%q holds an invalid map: %w", rest[0], err)
	}
	fmt.Fprintf(out, "ok: %s\n", summary(m))
	return nil
}

// summary is the one-line count DESIGN.md shows for `check`, in the
// singular for one ("1 scenario"); steps, contributions and flows are
// counted over all scenarios.
func summary(m *model.Map) string {
	var steps, cards, flows int
	for _, sc := range m.Scenarios {
		steps += len(sc.Steps)
		cards += len(sc.Contributions)
		flows += len(sc.Flows)
	}
	return strings.Join([]string{count(steps, "step"), count(len(m.Stakeholders), "stakeholder"), count(cards, "contribution"),
		count(flows, "flow"), count(len(m.Relationships), "relationship"), count(len(m.Scenarios), "scenario")}, ", ")
}

func runImport(args []string, out io.Writer) error {
	const usage = "import IN.json|IN.xlsx|CSV-DIR OUT.vflow [--dry-run] [--accept-warnings]"
	fs := helpFlagSet("import", usage, out)
	dryRun := fs.Bool("dry-run", false, "read and check the input, report problems, write nothing")
	acceptWarnings := fs.Bool("accept-warnings", false, "write the map even when the spreadsheet has warnings (without it, warnings stop the import; errors always do)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *dryRun && len(rest) == 1 {
		rest = append(rest, "")
	}
	if err := wantArgs(rest, 2, usage); err != nil {
		return err
	}
	in, outPath := rest[0], rest[1]
	if !*dryRun {
		if err := refuseExisting(outPath); err != nil {
			return err
		}
	}
	m, err := readInput(in, out, importOptions{dryRun: *dryRun, acceptWarnings: *acceptWarnings})
	if err != nil {
		return err
	}
	if *dryRun {
		fmt.Fprintf(out, "ok (dry run, nothing written): %s\n", summary(m))
		return nil
	}
	if err := storage.Create(outPath, m); err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s: %s\n", outPath, summary(m))
	return nil
}

// readInput reads a map from a JSON file, an XLSX workbook or a CSV folder.
func readInput(in string, report io.Writer, o importOptions) (*model.Map, error) {
	st, err := os.Stat(in)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("cannot read %q: no such file or folder", in)
		}
		return nil, fmt.Errorf("cannot read %q: %w", in, err)
	}
	if st.IsDir() {
		return readSheets(in, report, o)
	}
	switch strings.ToLower(filepath.Ext(in)) {
	case ".xlsx":
		return readSheets(in, report, o)
	case ".json":
		f, err := os.Open(in)
		if err != nil {
			return nil, fmt.Errorf("cannot read %q: %w", in, err)
		}
		defer f.Close()
		m, err := jsonmap.Decode(bufio.NewReader(f))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
		return m, nil
	}
	return nil, fmt.Errorf("cannot import %q: expected a .json or .xlsx file or a folder of CSV files", in)
}

// refuseExisting keeps the command line from overwriting a map: people's
// work lives in these files.
func refuseExisting(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%q already exists; choose another name or remove it first", path)
	}
	if strings.ToLower(filepath.Ext(path)) != ".vflow" {
		return usagef("the output %q should end in .vflow", path)
	}
	return nil
}

func runTemplates(args []string, out io.Writer) error {
	fs := helpFlagSet("templates", "templates", out)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(rest, 0, "templates"); err != nil {
		return err
	}
	for _, t := range templates.All() {
		fmt.Fprintf(out, "%-20s %s — %s\n", t.Name, t.Title, t.Summary)
	}
	return nil
}

func runNew(args []string, out io.Writer) error {
	const usage = "new --template NAME OUT.vflow"
	fs := helpFlagSet("new", usage, out)
	name := fs.String("template", "empty", "template to start from (see valueflow templates)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(rest, 1, usage); err != nil {
		return err
	}
	tpl, err := templates.ByName(*name)
	if err != nil {
		return usageError{err.Error()}
	}
	if err := refuseExisting(rest[0]); err != nil {
		return err
	}
	m := tpl.Map()
	if err := storage.Create(rest[0], m); err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s: %s\n", rest[0], summary(m))
	return nil
}
