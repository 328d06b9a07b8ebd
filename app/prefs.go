package app

import (
	"image/color"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"valueflow/canvas/scene"
)

// Preference keys.
const (
	prefLanguage = "language" // "", "en" or "nl"
	prefTheme    = "theme"    // "", "light" or "dark"
	// The paper and orientation an export starts from where its map has
	// no settings of its own.
	prefPaper     = "paper"     // one of scene.Papers
	prefLandscape = "landscape" // bool
)

// defaultPaper is the paper and orientation chosen in Preferences: A3
// landscape until the user chooses, and A3 for a paper this version does
// not know.
func defaultPaper(p fyne.Preferences) (paper string, landscape bool) {
	pp, err := scene.ParsePaper(p.StringWithFallback(prefPaper, string(scene.A3)))
	if err != nil {
		pp = scene.A3
	}
	return string(pp), p.BoolWithFallback(prefLandscape, true)
}

// applyLanguage sets the language the GUI speaks: the one chosen in the
// preferences, else Dutch on a Dutch system and English on any other, Fyne's
// own words included (a German system would otherwise mix Fyne's "Datei"
// with our English "Edit"). Fyne reads the language from the environment
// when translations load, so this runs before that, and a change takes
// effect at the next start.
func applyLanguage(a fyne.App) {
	l := guiLanguage(a.Preferences().String(prefLanguage), lang.SystemLocale().LanguageString())
	os.Setenv("LANGUAGE", l)
	os.Setenv("LC_ALL", map[string]string{"nl": "nl_NL.UTF-8", "en": "en_US.UTF-8"}[l])
}

// guiLanguage is "nl" or "en" for a preference ("", "en", "nl") and the
// system's locale ("nl-NL", "de-DE", "en").
func guiLanguage(pref, system string) string {
	switch pref {
	case "en", "nl":
		return pref
	}
	if system == "nl" || strings.HasPrefix(system, "nl-") || strings.HasPrefix(system, "nl_") {
		return "nl"
	}
	return "en"
}

// readableTheme is Fyne's theme with hints, placeholders and disabled text
// dark (or light) enough to read: at least 4.5:1 against every background
// they stand on (Fyne's own are 3.5:1 and 1.3:1). variant holds it to light
// or dark; 0 with system set follows the system.
type readableTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	system  bool
}

// variantTheme is the readable theme held to light or dark.
func variantTheme(v fyne.ThemeVariant) fyne.Theme {
	return readableTheme{Theme: theme.DefaultTheme(), variant: v}
}

var (
	lightPlaceHolder = color.NRGBA{R: 0x66, G: 0x66, B: 0x66, A: 0xff}
	lightDisabled    = color.NRGBA{R: 0x6e, G: 0x6e, B: 0x6e, A: 0xff}
	darkPlaceHolder  = color.NRGBA{R: 0xb2, G: 0xb2, B: 0xb2, A: 0xff}
	darkDisabled     = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
)

func (t readableTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if !t.system {
		v = t.variant
	}
	dark := v == theme.VariantDark
	switch n {
	case theme.ColorNamePlaceHolder:
		if dark {
			return darkPlaceHolder
		}
		return lightPlaceHolder
	case theme.ColorNameDisabled:
		if dark {
			return darkDisabled
		}
		return lightDisabled
	}
	return t.Theme.Color(n, v)
}

func applyTheme(a fyne.App) {
	switch a.Preferences().String(prefTheme) {
	case "light":
		a.Settings().SetTheme(variantTheme(theme.VariantLight))
	case "dark":
		a.Settings().SetTheme(variantTheme(theme.VariantDark))
	default:
		a.Settings().SetTheme(readableTheme{Theme: theme.DefaultTheme(), system: true})
	}
}

// preferencesDialog edits language, theme, default paper and the recent files.
func (mw *mainWindow) preferencesDialog() {
	p := mw.app.Preferences()
	langs := []string{"", "en", "nl"}
	langNames := []string{T("System language"), "English", "Nederlands"}
	language := newDialogSelect(langNames, nil)
	language.SetSelectedIndex(max(indexOf(langs, p.String(prefLanguage)), 0))
	themes := []string{"", "light", "dark"}
	themeNames := []string{T("System theme"), T("Light"), T("Dark")}
	themeSel := newDialogSelect(themeNames, nil)
	themeSel.SetSelectedIndex(max(indexOf(themes, p.String(prefTheme)), 0))
	papers := make([]string, len(scene.Papers))
	for i, pp := range scene.Papers {
		papers[i] = string(pp)
	}
	paper := newDialogSelect(papers, nil)
	landscape := newDialogCheck(T("Landscape"), nil)
	dp, dl := defaultPaper(p)
	paper.SetSelected(dp)
	landscape.SetChecked(dl)
	clear := widget.NewButton(T("Clear recent files"), func() {
		p.SetStringList(prefRecent, nil)
		mw.updateRecentMenu()
	})
	items := []*widget.FormItem{
		widget.NewFormItem(T("Language"), language),
		widget.NewFormItem(T("Theme"), themeSel),
		widget.NewFormItem(T("Paper"), paper),
		widget.NewFormItem("", landscape),
		widget.NewFormItem(T("Recent files"), clear),
	}
	items[0].HintText = T("Takes effect when Valueflow starts again")
	d := dialog.NewForm(T("Preferences"), T("Save"), T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		p.SetString(prefLanguage, langs[max(language.SelectedIndex(), 0)])
		p.SetString(prefTheme, themes[max(themeSel.SelectedIndex(), 0)])
		p.SetString(prefPaper, paper.Selected)
		p.SetBool(prefLandscape, landscape.Checked)
		applyTheme(mw.app)
		// Widgets made before the change keep some of the old colours
		// (the inspector's selects): build them again.
		mw.refresh()
	}, mw.win)
	d.Resize(fyne.NewSize(460, 340))
	d.Show()
}
