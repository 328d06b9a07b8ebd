package app

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog hands its callback storage.Writer(location), and the
// file repository's Writer is os.Create: by the time we learn the chosen
// path, an existing file there is already empty. For Save As or an export
// over an existing file that destroyed the user's work when they cancelled
// or when writing failed. We only ever take the path from the dialog and
// write through our own atomic writers, so the file repository is wrapped:
// its Writer opens the file only when something is actually written.

// installLazyWriters wraps the "file" repository once; the driver registers
// the plain one when the app starts, so this runs after that.
func installLazyWriters() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := r.(lazyFileRepository); done {
		return
	}
	full, ok := r.(fileRepository)
	if !ok {
		fyne.LogError("file repository has fewer methods than expected; save dialogs may truncate", nil)
		return
	}
	repository.Register("file", lazyFileRepository{full})
}

// fileRepository is what Fyne's own file repository implements; the wrapper
// offers all of it so the dialogs can list, walk and check files as before.
type fileRepository interface {
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.DeleteAllRepository
	repository.CopyableRepository
	repository.MovableRepository
}

type lazyFileRepository struct{ fileRepository }

// Writer creates or truncates the file on the first Write, not before.
func (r lazyFileRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u}, nil
}

type lazyWriter struct {
	uri fyne.URI
	f   *os.File
}

func (w *lazyWriter) URI() fyne.URI { return w.uri }

func (w *lazyWriter) Write(p []byte) (int, error) {
	if w.f == nil {
		f, err := os.Create(w.uri.Path())
		if err != nil {
			return 0, err
		}
		w.f = f
	}
	return w.f.Write(p)
}

func (w *lazyWriter) Close() error {
	if w.f == nil {
		return nil
	}
	return w.f.Close()
}
