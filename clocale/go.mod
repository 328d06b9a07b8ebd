module clocale

go 1.24
