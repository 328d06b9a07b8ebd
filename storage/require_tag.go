//go:build !sqlite_omit_load_extension

package storage

// Valueflow is built with -tags sqlite_omit_load_extension (the Makefile
// passes it to every go command), so that no file can ever make SQLite load
// code. Built without it, this package refuses to compile, naming the tag.
var _ = build_with_tags_sqlite_omit_load_extension_see_the_Makefile
