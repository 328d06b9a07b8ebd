//go:build unix

package storage

import "syscall"

// dirWritable reports whether this user may create files in dir, which
// SQLite needs for the rollback journal of every save.
func dirWritable(dir string) bool {
	const wOK = 2 // W_OK
	return syscall.Access(dir, wOK) == nil
}
