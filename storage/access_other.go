//go:build !unix

package storage

// dirWritable cannot ask the system cheaply here; a folder that refuses the
// journal shows up as an error on the first save instead.
func dirWritable(dir string) bool { return true }
