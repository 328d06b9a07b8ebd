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
)

// Preference keys.
const (
	prefLanguage = "language" // "", "en" or "nl"
	prefTheme    = "theme"    // "", "light" or "dark"
)

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

// variantTheme is the default theme held to light or dark.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

func applyTheme(a fyne.App) {
	switch a.Preferences().String(prefTheme) {
	case "light":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

// preferencesDialog edits language, theme, default paper and the recent files.
func (mw *mainWindow) preferencesDialog() {
	p := mw.app.Preferences()
	langs := []string{"", "en", "nl"}
	langNames := []string{T("System language"), "English", "Nederlands"}
	language := widget.NewSelect(langNames, nil)
	language.SetSelectedIndex(max(indexOf(langs, p.String(prefLanguage)), 0))
	themes := []string{"", "light", "dark"}
	themeNames := []string{T("System theme"), T("Light"), T("Dark")}
	themeSel := widget.NewSelect(themeNames, nil)
	themeSel.SetSelectedIndex(max(indexOf(themes, p.String(prefTheme)), 0))
	paper := widget.NewSelect([]string{"A4", "A3", "Letter"}, nil)
	paper.SetSelected(p.StringWithFallback("paper", "A3"))
	landscape := widget.NewCheck(T("Landscape"), nil)
	landscape.SetChecked(p.BoolWithFallback("landscape", true))
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
		p.SetString("paper", paper.Selected)
		p.SetBool("landscape", landscape.Checked)
		applyTheme(mw.app)
	}, mw.win)
	d.Resize(fyne.NewSize(460, 340))
	d.Show()
}
