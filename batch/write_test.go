package batch

import "testing"

func TestAppendNumbers(t *testing.T) {
	halves := map[int32]string{0: "0", 1: "0.5", -1: "-0.5", 9: "4.5", -6: "-3", 20: "10"}
	for h, want := range halves {
		if got := string(appendHalves(nil, h)); got != want {
			t.Errorf("appendHalves(%d) = %q, want %q", h, got, want)
		}
	}
	conf := map[float64]string{0: "0.00", 1: "1.00", 0.734: "0.73", 0.735001: "0.74", -0.2: "0.00", 1.7: "1.00"}
	for c, want := range conf {
		if got := string(appendConfidence(nil, c)); got != want {
			t.Errorf("appendConfidence(%v) = %q, want %q", c, got, want)
		}
	}
}

func TestAppendCSVCell(t *testing.T) {
	cells := map[string]string{
		"":        "",
		"plain":   "plain",
		"a,b":     `"a,b"`,
		`say "x"`: `"say ""x"""`,
		"=A1":     `"'=A1"`,
		"-2":      `"'-2"`,
		" lead":   `" lead"`,
		"l1\nl2":  "\"l1\nl2\"",
	}
	for in, want := range cells {
		if got := string(appendCSVCell(nil, in)); got != want {
			t.Errorf("appendCSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}
