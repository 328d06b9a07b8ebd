package jsonmap

import "encoding/json"

// The document is checked once, whole, by encoding/json; after that its
// objects and arrays are walked with this small scanner, which may therefore
// assume valid JSON. It is what keeps Decode linear and fast on XL maps
// (json.Decoder.Token per member was ten times slower).

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// valueEnd returns the index just past the value starting at b[i].
func valueEnd(b []byte, i int) int {
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = stringEnd(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	for i < len(b) && !isSpace(b[i]) && b[i] != ',' && b[i] != '}' && b[i] != ']' {
		i++
	}
	return i
}

// stringEnd returns the index just past the string starting at b[i].
func stringEnd(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}

// members calls f for each key and value of the object raw, in order.
func members(raw json.RawMessage, f func(key string, v json.RawMessage)) {
	i := skipSpace(raw, 1) // past '{'
	for i < len(raw) && raw[i] != '}' {
		k := stringEnd(raw, i)
		key := unquote(raw[i:k])
		i = skipSpace(raw, k)
		i = skipSpace(raw, i+1) // past ':'
		e := valueEnd(raw, i)
		f(key, raw[i:e])
		i = skipSpace(raw, e)
		if i < len(raw) && raw[i] == ',' {
			i = skipSpace(raw, i+1)
		}
	}
}

// elements returns the values of the array raw.
func elements(raw json.RawMessage) []json.RawMessage {
	var items []json.RawMessage
	i := skipSpace(raw, 1) // past '['
	for i < len(raw) && raw[i] != ']' {
		e := valueEnd(raw, i)
		items = append(items, raw[i:e])
		i = skipSpace(raw, e)
		if i < len(raw) && raw[i] == ',' {
			i = skipSpace(raw, i+1)
		}
	}
	return items
}
