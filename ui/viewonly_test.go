package ui

import (
	"fmt"
	"os"
	"reflect"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"

	"guidepost/questions"
)

// TestViewOnlyFormats holds the package doc's rule that layout is planned
// in Update and View only formats: for every golden screen, at every size
// (the too-small notice too) and in every theme, everything reachable from
// the model (through pointers, slices, maps and interfaces) is the same
// after View as before, and a second View draws the same frame.
func TestViewOnlyFormats(t *testing.T) {
	for _, tc := range goldenCases(t) {
		for _, sz := range append(sizes, struct{ w, h int }{30, 10}) {
			for _, th := range themes {
				at := fmt.Sprintf("%s %dx%d %s", tc.name, sz.w, sz.h, th.theme)
				checkViewOnlyFormats(t, at, tc.model(t, th.theme, th.noColor, sz.w, sz.h))
			}
		}
	}
}

func checkViewOnlyFormats(t *testing.T, at string, m Model) {
	t.Helper()
	before := snapshot(m)
	wraps := 0
	onWrap = func() {
		if wraps == 0 {
			t.Logf("%s", debug.Stack())
		}
		wraps++
	}
	first := m.View()
	onWrap = nil
	if wraps > 0 {
		t.Errorf("%s: View wrapped %d lines: wrapping is planned in Update (resize, update)", at, wraps)
	}
	if after := snapshot(m); after != before {
		t.Fatalf("%s: View wrote to the model: %s", at, firstDiff(before, after))
	}
	if again := m.View(); again.Content != first.Content {
		t.Fatalf("%s: a second View draws another frame", at)
	}
}

// TestSnapshotSeesWrites: snapshot tells apart models that differ only
// behind a pointer, in a slice's element, in a map or in an interface, so
// that TestViewOnlyFormats can fail.
func TestSnapshotSeesWrites(t *testing.T) {
	writes := map[string]func(m *Model){
		"a field":                func(m *Model) { m.notice = "x" },
		"behind a pointer":       func(m *Model) { m.drafts.next++ },
		"a slice's element":      func(m *Model) { m.choices[0]++ },
		"a screen's slice":       func(m *Model) { m.active.(review).rows[0][1] = "x" },
		"a binding's help":       func(m *Model) { m.frame.keys.full[0][0].SetHelp("x", "y") },
		"the bank behind common": func(m *Model) { m.c.bank.Questions[0].Why += "x" },
	}
	for name, write := range writes {
		// A model of its own: the writes reach memory its copies share.
		m := press(start(t, Config{Audience: "self", Bank: fixtureCopy(t)}, 80, 24), answered...)
		before := snapshot(m)
		write(&m)
		if snapshot(m) == before {
			t.Errorf("a write to %s is not seen", name)
		}
	}
	m := press(start(t, Config{Audience: "self"}, 80, 24), answered...)
	if a, b := snapshot(m), snapshot(m); a != b { // maps are written in order
		t.Error("two snapshots of one model differ")
	}
}

// fixtureCopy is the fixture parsed again, for a test that writes to it.
func fixtureCopy(t *testing.T) *questions.Bank {
	t.Helper()
	data, err := os.ReadFile("testdata/fixture.toml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := questions.Parse("fixture.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// snapshot writes out everything reachable from v, so that two snapshots
// are equal only if nothing reachable changed. Pointers are followed once
// each (a repeat is written as a reference); maps are written in key order.
func snapshot(v any) string {
	s := snapshotter{seen: map[visit]int{}}
	s.write(reflect.ValueOf(v))
	return s.b.String()
}

type visit struct {
	ptr uintptr
	typ reflect.Type
}

type snapshotter struct {
	b    strings.Builder
	seen map[visit]int
}

func (s *snapshotter) write(v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		s.b.WriteString("nil")
	case reflect.Bool:
		s.b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s.b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		s.b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		s.b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case reflect.Complex64, reflect.Complex128:
		s.b.WriteString(strconv.FormatComplex(v.Complex(), 'g', -1, 128))
	case reflect.String:
		s.b.WriteString(strconv.Quote(v.String()))
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		fmt.Fprintf(&s.b, "%s@%x", v.Type(), v.Pointer())
	case reflect.Pointer:
		s.pointer(v)
	case reflect.Interface:
		if v.IsNil() {
			s.b.WriteString("nil")
			return
		}
		s.b.WriteString(v.Elem().Type().String() + ":")
		s.write(v.Elem())
	case reflect.Slice, reflect.Array:
		s.b.WriteString("[")
		for i := range v.Len() {
			s.write(v.Index(i))
			s.b.WriteString(",")
		}
		s.b.WriteString("]")
	case reflect.Map:
		s.mapOf(v)
	case reflect.Struct:
		s.b.WriteString("{")
		for i := range v.NumField() {
			s.b.WriteString(v.Type().Field(i).Name + ":")
			s.write(v.Field(i))
			s.b.WriteString(" ")
		}
		s.b.WriteString("}")
	default:
		panic("snapshot: " + v.Kind().String())
	}
}

func (s *snapshotter) pointer(v reflect.Value) {
	if v.IsNil() {
		s.b.WriteString("nil")
		return
	}
	k := visit{v.Pointer(), v.Type()}
	if n, ok := s.seen[k]; ok {
		fmt.Fprintf(&s.b, "&#%d", n)
		return
	}
	s.seen[k] = len(s.seen)
	s.b.WriteString("&")
	s.write(v.Elem())
}

func (s *snapshotter) mapOf(v reflect.Value) {
	if v.IsNil() {
		s.b.WriteString("nil")
		return
	}
	var entries []string
	for it := v.MapRange(); it.Next(); {
		e := snapshotter{seen: map[visit]int{}} // its own, so the order of entries does not number them
		e.write(it.Key())
		e.b.WriteString(":")
		e.write(it.Value())
		entries = append(entries, e.b.String())
	}
	slices.Sort(entries)
	s.b.WriteString("map[" + strings.Join(entries, ",") + "]")
}

// firstDiff shows where two snapshots part.
func firstDiff(a, b string) string {
	i := 0
	for i < min(len(a), len(b)) && a[i] == b[i] {
		i++
	}
	from := max(i-120, 0)
	return fmt.Sprintf("at byte %d:\n before …%s\n after  …%s", i, a[from:min(i+80, len(a))], b[from:min(i+80, len(b))])
}
