package batch

import (
	"strings"
	"testing"
)

// TestDetectSeparator: the header's separator is the one of comma,
// semicolon and tab it holds most of outside quotes; comma on a tie.
func TestDetectSeparator(t *testing.T) {
	for in, want := range map[string]byte{
		"id,need\n": ',', "id;need\n": ';', "id\tneed\n": '\t', "need\n": ',', "": ',',
		"\"a;b;c\",need\n": ',', "id;\"x,y,z\";need\n": ';', "a,b;c\n": ',', "a;b\tc\n": ';',
		"a\tb\tc,d\n": '\t', "\r\n\nid;need\n": ';', "id,need\na;b;c;d\n": ',', "\"un;closed": ',',
	} {
		if got := detectSeparator([]byte(in)); got != want {
			t.Errorf("detectSeparator(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestScoreDelimiters: a spreadsheet saved with semicolons or tabs, with
// or without a UTF-8 byte order mark, scores as its comma twin does, with
// a warning naming the separator read; an explicit Delimiter wins and
// warns of nothing.
func TestScoreDelimiters(t *testing.T) {
	comma := "id,need,horizon\np1,career,long\n\"p, 2\",behaviour,short\np3,\"Meet people\",\n"
	want := runScore(t, comma, Options{})
	if want.err != nil || want.warn != "" {
		t.Fatalf("comma: %v %q", want.err, want.warn)
	}
	for _, tt := range []struct {
		name, in string
		opt      Options
		warn     string
	}{
		{"semicolon", strings.ReplaceAll(strings.ReplaceAll(comma, ",", ";"), "p; 2", "p, 2"), Options{}, "input: warning: reading the cells as separated by semicolons (;), as the header row is"},
		{"tab", strings.ReplaceAll(strings.ReplaceAll(comma, ",", "\t"), "p\t 2", "p, 2"), Options{}, "separated by tabs"},
		{"semicolon with a BOM and CRLF", "\ufeff" + strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(comma, ",", ";"), "p; 2", "p, 2"), "\n", "\r\n"), Options{}, "separated by semicolons"},
		{"explicit semicolon", strings.ReplaceAll(strings.ReplaceAll(comma, ",", ";"), "p; 2", "p, 2"), Options{Delimiter: ';'}, ""},
		{"explicit tab though the header has more commas", "id\tneed\tx,y,z,w\np1\tcareer\t\n", Options{Delimiter: '\t'}, "ignoring"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := runScore(t, tt.in, tt.opt)
			if got.err != nil {
				t.Fatal(got.err)
			}
			if tt.warn == "" && got.warn != "" || !strings.Contains(got.warn, tt.warn) {
				t.Errorf("warning %q, want %q", got.warn, tt.warn)
			}
			if strings.Contains(tt.name, "though") {
				if rows := outputRows(t, got.out); len(rows) != 1 || rows[0][1] == "" {
					t.Errorf("rows %q", rows)
				}
				return
			}
			if got.out != want.out || got.stats != want.stats {
				t.Errorf("output differs from the comma file's:\n%s\nwant\n%s", got.out, want.out)
			}
		})
	}
	if got := runScore(t, comma, Options{Delimiter: '|'}); got.err == nil || !strings.Contains(got.err.Error(), "use a comma, a semicolon or a tab") {
		t.Errorf("delimiter |: %v", got.err)
	}
}

// TestIgnoredColumnsWarningIsShort: the warning names at most a few
// ignored columns and counts the rest.
func TestIgnoredColumnsWarningIsShort(t *testing.T) {
	head := "need"
	for i := range 40 {
		head += ",extra" + itoa(i)
	}
	got := runScore(t, head+"\ncareer\n", Options{})
	if got.err != nil {
		t.Fatal(got.err)
	}
	if strings.Count(got.warn, "extra") != maxIgnoredNamed || !strings.Contains(got.warn, "ignoring 40 column(s)") || !strings.Contains(got.warn, " and 35 more\n") {
		t.Errorf("warning %q", got.warn)
	}
}
