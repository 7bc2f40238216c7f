package questions

import (
	"strings"
	"testing"
)

// TestParseAudience: the contract's three names and "" parse; anything else
// (another case, a space, a made-up name) is refused with the valid names.
func TestParseAudience(t *testing.T) {
	for _, s := range []string{"", "manager", "self", "consultant"} {
		a, err := ParseAudience(s)
		if err != nil || a.String() != s {
			t.Errorf("ParseAudience(%q) = %q, %v; want %q", s, a, err, s)
		}
	}
	for _, s := range []string{"Manager", " self", "team", "\x1b[31m"} {
		if a, err := ParseAudience(s); err == nil || !strings.Contains(err.Error(), "manager, self, consultant") || strings.Contains(err.Error(), "\x1b") {
			t.Errorf("ParseAudience(%q) = %q, %v; want an error naming the valid audiences", s, a, err)
		}
	}
	if NoAudience.Known() || !Consultant.Known() {
		t.Error("Known: NoAudience is not an audience; Consultant is")
	}
	if got := strings.Join(AudienceNames(), ","); got != "manager,self,consultant" {
		t.Errorf("AudienceNames = %s", got)
	}
}
