package workshop

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseRoom: a room file of any content is read or refused with a
// message, never a panic, and every row read has one choice per question.
func FuzzParseRoom(f *testing.F) {
	b := testBank(f)
	f.Add([]byte("id," + strings.Join(b.QuestionIDs(), ",") + "\nabc,networking\n"))
	f.Add([]byte("id,need,horizon\n0123456789abcdef,networking,long\n1,,\n"))
	f.Add([]byte("id,need\n\"a,b\",\"networking\"\n"))
	f.Add([]byte("need,id\nx,y\n"))
	f.Add([]byte("id,need\nx,networking,extra\n"))
	f.Add([]byte("\xef\xbb\xbfid,need\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, _, err := parseRoom("room.csv", b, data)
		if err != nil {
			if !utf8.ValidString(err.Error()) && utf8.Valid(data) {
				t.Errorf("message is not valid UTF-8: %q", err)
			}
			return
		}
		for _, r := range rows {
			if len(r.choices) != len(b.Questions) {
				t.Fatalf("row with %d choices", len(r.choices))
			}
		}
	})
}
