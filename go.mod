module valueflow

go 1.26.8

require (
	fyne.io/fyne/v2 v2.7.1 // indirect
	github.com/mattn/go-sqlite3 v1.14.53 // indirect
)
