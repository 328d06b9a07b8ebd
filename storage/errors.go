package storage

import (
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// ErrorCode says what went wrong with a file; the GUI uses it as the key of
// its translated message.
type ErrorCode string

const (
	NotFound          ErrorCode = "not-found"
	IsDirectory       ErrorCode = "is-directory"
	Empty             ErrorCode = "empty"
	NotSQLite         ErrorCode = "not-sqlite"
	Corrupt           ErrorCode = "corrupt"
	NotValueflow      ErrorCode = "not-valueflow"
	TooNew            ErrorCode = "too-new"
	BadSchema         ErrorCode = "bad-schema"
	UnexpectedObjects ErrorCode = "unexpected-objects"
	BrokenReferences  ErrorCode = "broken-references"
	InvalidMap        ErrorCode = "invalid-map"
	Locked            ErrorCode = "locked"
	ReadOnly          ErrorCode = "read-only"
	DiskFull          ErrorCode = "disk-full"
	Exists            ErrorCode = "exists"
	IO                ErrorCode = "io"
)

// messages are the English explanations, one per code.
var messages = map[ErrorCode]string{
	NotFound:          "the file does not exist",
	IsDirectory:       "it is a folder, not a file",
	Empty:             "the file is empty (0 bytes)",
	NotSQLite:         "the file is not a Valueflow map (it is not a database at all)",
	Corrupt:           "the file is damaged or incomplete",
	NotValueflow:      "the file is not a Valueflow map (it is another program's database)",
	TooNew:            "the file was made by a newer version of Valueflow; update Valueflow to open it",
	BadSchema:         "the file's tables are not those of a Valueflow map",
	UnexpectedObjects: "the file contains unexpected database objects",
	BrokenReferences:  "the file holds references that point nowhere",
	InvalidMap:        "the map in the file is not valid",
	Locked:            "the file is open in another Valueflow window",
	ReadOnly:          "the file is read-only; use Save As to keep your changes in another file",
	DiskFull:          "the disk is full; the last change was not saved",
	Exists:            "the file already exists",
	IO:                "the file could not be read or written",
}

// Error is a problem with a .vflow file: one clear line for the command line,
// a Code for the GUI.
type Error struct {
	Code   ErrorCode
	Path   string
	Op     string // "open", "save", "create", "save as"
	Detail string // extra words, e.g. which triggers
	Err    error  // the underlying error, if any
}

func (e *Error) Error() string {
	msg := e.Message()
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	op := e.Op
	if op == "" {
		op = "open"
	}
	return fmt.Sprintf("cannot %s %q: %s", op, e.Path, msg)
}

func (e *Error) Unwrap() error { return e.Err }

// Message returns the English explanation without the path.
func (e *Error) Message() string {
	if e.Code == DiskFull && e.Op != "save" && e.Op != "" {
		// Writing a new file or a copy: no change of the map was lost.
		return "the disk is full; nothing was written"
	}
	return messages[e.Code]
}

// CodeOf returns the code of a storage error, or "" for other errors.
func CodeOf(err error) ErrorCode {
	var se *Error
	if errors.As(err, &se) {
		return se.Code
	}
	return ""
}

func newError(code ErrorCode, op, path string, err error) *Error {
	return &Error{Code: code, Op: op, Path: path, Err: err}
}

// classify turns an SQLite error into the closest code.
func classify(op, path string, err error) *Error {
	var se *Error
	if errors.As(err, &se) {
		return se
	}
	var sq sqlite3.Error
	if errors.As(err, &sq) {
		switch sq.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return newError(Locked, op, path, err)
		case sqlite3.ErrFull:
			return newError(DiskFull, op, path, err)
		case sqlite3.ErrCorrupt, sqlite3.ErrFormat:
			return newError(Corrupt, op, path, err)
		case sqlite3.ErrNotADB:
			return newError(NotSQLite, op, path, err)
		case sqlite3.ErrReadonly, sqlite3.ErrPerm:
			return newError(ReadOnly, op, path, err)
		case sqlite3.ErrCantOpen:
			return newError(IO, op, path, err)
		}
	}
	return &Error{Code: IO, Op: op, Path: path, Err: err, Detail: err.Error()}
}
