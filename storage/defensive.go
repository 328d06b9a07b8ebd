package storage

/*
// The sqlite3 symbols come from github.com/mattn/go-sqlite3's amalgamation,
// linked into the same binary; only the two declarations needed are repeated
// here so this file does not depend on that module's header path.
typedef struct sqlite3 sqlite3;
int sqlite3_db_config(sqlite3*, int op, ...);

#define VF_DBCONFIG_DEFENSIVE 1010

// sqlite3_db_config is variadic, which cgo cannot call directly.
static int vf_set_defensive(sqlite3 *db, int on) {
	int now = -1;
	int rc = sqlite3_db_config(db, VF_DBCONFIG_DEFENSIVE, on, &now);
	if (rc != 0) {
		return -1;
	}
	return now;
}
*/
import "C"

import (
	"fmt"
	"reflect"
	"unsafe"

	"github.com/mattn/go-sqlite3"
)

// handle returns the C database handle of a go-sqlite3 connection. The
// driver keeps it in an unexported field; reading it through reflect is the
// only way short of forking the driver, and the type check below fails
// loudly if a driver update renames or retypes it.
func handle(c *sqlite3.SQLiteConn) (*C.sqlite3, error) {
	f := reflect.ValueOf(c).Elem().FieldByName("db")
	if !f.IsValid() || f.Kind() != reflect.Pointer {
		return nil, fmt.Errorf("go-sqlite3 has no db handle field")
	}
	p := *(*unsafe.Pointer)(unsafe.Pointer(f.UnsafeAddr()))
	if p == nil {
		return nil, fmt.Errorf("the connection is closed")
	}
	return (*C.sqlite3)(p), nil
}

// setDefensive switches SQLITE_DBCONFIG_DEFENSIVE on (or off, -1 only asks)
// and reports the setting afterwards. Defensive mode keeps SQL from
// corrupting the file on purpose (writable_schema, direct page writes), which
// matters because a .vflow file comes from anywhere.
func setDefensive(c *sqlite3.SQLiteConn, on int) (bool, error) {
	db, err := handle(c)
	if err != nil {
		return false, err
	}
	now := C.vf_set_defensive(db, C.int(on))
	if now < 0 {
		return false, fmt.Errorf("sqlite3_db_config(DEFENSIVE) failed")
	}
	return now == 1, nil
}
