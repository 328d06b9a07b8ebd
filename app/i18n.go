package app

import (
	"embed"
	"errors"
	"fmt"
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

// storageMessage explains a storage error in the user's language, with the
// file name; other errors are shown as they are.
func storageMessage(err error) string {
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
