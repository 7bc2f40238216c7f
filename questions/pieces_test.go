package questions

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// decodeWhole is the reference decodeCut is held to: the whole file, with
// no key problem.
func decodeWhole(data []byte) (*fileBank, error) {
	fb := &fileBank{}
	md, err := toml.Decode(string(data), fb)
	if err != nil {
		return nil, err
	}
	keys := &problems{}
	checkKeys(keys, fb, md)
	if len(keys.list) > 0 {
		return nil, fmt.Errorf("key problems: %v", keys.list)
	}
	return fb, nil
}

// same reports whether two decoded files are equal, NaN included.
func same(a, b *fileBank) bool { return fmt.Sprintf("%#v", *a) == fmt.Sprintf("%#v", *b) }

// TestPiecesAsWhole: the shipped and the large rule set, cut into two to
// five pieces, decode to exactly the file decoded whole, and Parse takes
// the pieces for both on more than one core.
func TestPiecesAsWhole(t *testing.T) {
	for _, path := range []string{"../rules.toml", largePath} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := decodeWhole(data)
		if err != nil {
			t.Fatal(err)
		}
		heads, err := scanStructure(path, data)
		if err != nil {
			t.Fatal(err)
		}
		for n := 2; n <= 5; n++ {
			at := cuts(len(data), heads, n, 1)
			if len(at) != n-1 {
				t.Fatalf("%s: %d cuts for %d pieces", path, len(at), n)
			}
			got, ok := decodeCut(data, at)
			if !ok {
				t.Fatalf("%s in %d pieces: refused", path, n)
			}
			if !same(got, want) {
				t.Errorf("%s in %d pieces: not the file decoded whole", path, n)
			}
		}
		if _, ok := decodeInPieces(data, heads); !ok && len(data) >= 2*minPiece && runtime.GOMAXPROCS(0) > 1 {
			t.Errorf("%s (%d bytes): decoded whole", path, len(data))
		}
	}
}

// TestCuts: cuts fall on heads, in order, at least least bytes apart from
// the start, and none for a small file or one core.
func TestCuts(t *testing.T) {
	heads := []int{0, 10, 40, 45, 70, 95}
	for _, c := range []struct {
		size, n, least int
		want           string
	}{
		{100, 2, 1, "[70]"},
		{100, 4, 1, "[40 70 95]"},
		{100, 3, 1, "[40 70]"},
		{100, 1, 1, "[]"},
		{100, 4, 50, "[70]"},
		{100, 4, 200, "[]"},
		{100, 20, 1, "[40 70 95]"}, // at most 8 pieces
	} {
		if got := fmt.Sprint(cuts(c.size, heads, c.n, c.least)); got != c.want {
			t.Errorf("cuts(%d, n=%d, least=%d) = %s, want %s", c.size, c.n, c.least, got, c.want)
		}
	}
}

// TestPiecesRefused: each file here is cut where its second piece starts
// (the line after "#cut"); the pieces would not mean what the whole file
// means, or a piece has a problem to report, so decodeCut refuses them and
// the whole file is decoded, with its own messages.
func TestPiecesRefused(t *testing.T) {
	head := "schema_version = 1\n[[question]]\nid = \"a\"\n[[question.option]]\nid = \"x\"\n"
	for _, c := range []struct{ name, file string }{
		{"inline array, then a header", "schema_version = 1\nquestion = [ { id = \"a\" } ]\n#cut\n[[question]]\nid = \"b\"\n"},
		{"a table, then a header", "schema_version = 1\n[question]\nid = \"a\"\n#cut\n[[question]]\nid = \"b\"\n"},
		{"an implicit table, then a header", "schema_version = 1\n[question.x]\nid = \"a\"\n#cut\n[[question]]\nid = \"b\"\n"},
		{"a dotted key, then a header", "schema_version = 1\nquestion.id = \"a\"\n#cut\n[[question]]\nid = \"b\"\n"},
		{"reaching back with a table", head + "#cut\n[[rule]]\nid = \"r\"\n[question.extra]\na = 1\n"},
		{"reaching back with an option", head + "#cut\n[[rule]]\nid = \"r\"\n[[question.option]]\nid = \"y\"\n"},
		{"a table as an array", "schema_version = 1\n[decision]\nmargin = 1\n#cut\n[[decision]]\nmargin = 2\n"},
		{"text as an array", "schema_version = 1\ntitle = \"t\"\n#cut\n[[title]]\na = 1\n"},
		{"text as an array, first in a later piece", head + "#cut\n[[title]]\na = 1\n"},
		{"an array the schema lacks", head + "#cut\n[[questoin]]\nid = \"b\"\n"},
		{"an unknown key in a later piece", head + "#cut\n[[question]]\npromt = \"b\"\n"},
		{"a mis-cased key in a later piece", head + "#cut\n[[question]]\nID = \"b\"\n"},
		{"an unknown key in the first piece", head + "promt = 1\n#cut\n[[question]]\nid = \"b\"\n"},
		{"a syntax error in a later piece", head + "#cut\n[[question]]\nid = \n"},
		{"a syntax error in the first piece", head + "id = = 1\n#cut\n[[question]]\nid = \"b\"\n"},
		{"a table the third piece reaches", head + "#cut\n[[rule]]\nid = \"r\"\n#cut\n[[rule]]\nid = \"s\"\n[question.extra]\na = 1\n"},
		{"an earlier piece's table", head + "[source]\nid = \"s\"\n#cut\n[[rule]]\nid = \"r\"\n#cut\n[[source]]\nid = \"t\"\n"},
	} {
		data := []byte(c.file)
		heads, err := scanStructure(c.name, data)
		if err != nil {
			t.Fatal(err)
		}
		var at []int
		for off := 0; ; {
			i := strings.Index(c.file[off:], "#cut\n")
			if i < 0 {
				break
			}
			off += i + len("#cut\n")
			if !containsInt(heads, off) {
				t.Fatalf("%s: no head at the cut (%d; heads %v)", c.name, off, heads)
			}
			at = append(at, off)
		}
		if _, ok := decodeCut(data, at); ok {
			t.Errorf("%s: pieces taken", c.name)
		}
	}
}

func containsInt(s []int, x int) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// FuzzPieces: whenever decodeCut takes the pieces of a file, cut at every
// head or at the shares cuts picks, the whole file decodes with no key
// problem to exactly the same.
func FuzzPieces(f *testing.F) {
	addSeeds(f, []string{"testdata/valid/fixture.toml"},
		"schema_version = 1\n[[question]]\nid = \"a\"\n[[question.option]]\nid = \"x\"\n[[rule]]\nid = \"r\"\n[[question]]\nid = \"b\"\n",
		"schema_version = 1\nquestion = [ { id = \"a\" } ]\n[[question]]\nid = \"b\"\n",
		"schema_version = 1\n[[source]]\nid = \"a\"\n[source.x]\n[[rule]]\n[source.y]\n",
		"schema_version = 1\nx = '''\n[[question]]\n'''\n[[question]]\nid = \"b\"\n",
		"schema_version = 1\n[[outcome]]\nnext_steps = [\n[[question]]\n]\n[[question]]\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		heads, err := scanStructure("fuzz", data)
		if err != nil {
			return
		}
		for _, at := range [][]int{trimZero(heads), cuts(len(data), heads, 3, 1)} {
			got, ok := decodeCut(data, at)
			if !ok {
				continue
			}
			want, err := decodeWhole(data)
			if err != nil {
				t.Fatalf("pieces at %v taken, but the whole file: %v", at, err)
			}
			if !same(got, want) {
				t.Fatalf("pieces at %v: %#v\nwhole: %#v", at, *got, *want)
			}
		}
	})
}

// trimZero drops a head at offset 0 (no piece before it).
func trimZero(heads []int) []int {
	if len(heads) > 0 && heads[0] == 0 {
		return heads[1:]
	}
	return heads
}

// TestPiecesSameMessages: Parse gives the same errors and warnings whether
// the large rule set is decoded in pieces (four cores) or whole (one core),
// for the file as it is and for mistakes late in it, in a later piece.
func TestPiecesSameMessages(t *testing.T) {
	data, err := os.ReadFile(largePath)
	if err != nil {
		t.Fatal(err)
	}
	late := strings.LastIndex(string(data), "[[question]]\n")
	at := func(insert string) string {
		return string(data[:late]) + "[[question]]\n" + insert + string(data[late+len("[[question]]\n"):])
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, c := range []struct{ name, src string }{
		{"as it is", string(data)},
		{"a duplicate key", at("id = \"dup\"\n")},
		{"a mis-cased key", at("Why = \"x\"\n")},
		{"a mis-cased key of another shape", at("Prompt = \"x\"\n")},
		{"an unknown key", at("colour = \"x\"\n")},
		{"a wrong type", at("why = 3\n")},
		{"a table again", at("[decision]\nmargin = 1\n[[question]]\n")},
		{"a syntax error", at("why = \"\n")},
		{"a control character", at("why = \"a\\u001b[31m\"\n")},
	} {
		msgs := func(procs int) string {
			runtime.GOMAXPROCS(procs)
			b, err := Parse("large", []byte(c.src))
			if err != nil {
				return err.Error()
			}
			return strings.Join(b.Warnings(), "\n")
		}
		if _, err := Parse("large", []byte(c.src)); (err != nil) != (c.name != "as it is") {
			t.Errorf("%s: error %v", c.name, err)
		}
		if inPieces, whole := msgs(4), msgs(1); inPieces != whole {
			t.Errorf("%s: in pieces\n%s\nwhole\n%s", c.name, inPieces, whole)
		}
	}
}
