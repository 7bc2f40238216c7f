package store

// Drafts per person: where each person's draft lives, the list of every
// saved draft, and the file a manager hands the person ("ask them too").

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"guidepost/questions"
)

// DraftsDir returns $XDG_STATE_HOME/guidepost/drafts, the folder of the
// drafts beside the unnamed one: one per person, and new unnamed ones.
func DraftsDir(getenv func(string) string) (string, error) {
	p, err := DraftPath(getenv)
	return filepath.Join(filepath.Dir(p), "drafts"), err
}

// PersonDraftPath returns the draft of the person named name (checked by
// questions.CheckPerson): drafts/SLUG-HASH.toml, the slug for people
// reading the folder, the hash of the exact name so that two names never
// share a draft.
func PersonDraftPath(getenv func(string) string, name string) (string, error) {
	name, err := questions.CheckPerson(name)
	if err != nil {
		return "", err
	}
	dir, err := DraftsDir(getenv)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(name))
	slug := questions.Slug(name)
	if slug == "" {
		slug = "person"
	}
	return filepath.Join(dir, slug+"-"+hex.EncodeToString(sum[:4])+".toml"), nil
}

// FreshDraftPath returns a path in dir where no draft is yet, for a new
// draft that must not replace one (draft-DATE-TIME.toml, then -2, -3, …).
func FreshDraftPath(dir string, now time.Time) (string, error) {
	base := "draft-" + now.Format("20060102-150405")
	for n := 1; n <= maxResultSuffix; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		if p := filepath.Join(dir, name+".toml"); !Exists(p) {
			return p, nil
		}
	}
	return "", fmt.Errorf("no free name for a new draft in %s", dir)
}

// DraftInfo is one saved draft as the lists show it.
type DraftInfo struct {
	Path     string
	Person   string // "" for an unnamed draft
	Audience questions.Audience
	Quick    bool
	Answered int // questions with an answer, among those asked
	Asked    int // the questions asked (the core ones in quick mode)
	Changed  time.Time
	Choices  questions.Choices
	Dropped  []string // answers that no longer fit the rule set
	Data     []byte   // the file as read
	Err      error    // the draft could not be read: listed so it can be removed
}

// ListDrafts lists every saved draft for the rule set b, the most recently
// changed first: the unnamed draft and those in DraftsDir. A draft that
// cannot be read is listed with its error; links and other non-files are
// skipped, never followed.
func ListDrafts(getenv func(string) string, b *questions.Bank) ([]DraftInfo, error) {
	main, err := DraftPath(getenv)
	if err != nil {
		return nil, err
	}
	if err := CheckStateDir(filepath.Dir(main)); err != nil {
		return nil, err
	}
	dir := filepath.Join(filepath.Dir(main), "drafts")
	if err := CheckStateDir(dir); err != nil {
		return nil, err
	}
	paths := []string{main}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("list the drafts: %w", err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") && !strings.HasPrefix(e.Name(), ".") && e.Type().IsRegular() {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	var list []DraftInfo
	for _, p := range paths {
		st, err := os.Lstat(p)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		list = append(list, readDraftInfo(b, p, st.ModTime()))
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Changed.After(list[j].Changed) })
	return list, nil
}

// readDraftInfo reads the draft at path for a list.
func readDraftInfo(b *questions.Bank, path string, changed time.Time) DraftInfo {
	info := DraftInfo{Path: path, Changed: changed}
	data, err := ReadFile(path, questions.MaxAnswersSize, true)
	if err == nil {
		var d questions.Draft
		d, err = questions.ReadDraftOf(b, path, data)
		info.Person, info.Audience, info.Quick, info.Choices, info.Dropped = d.Person, d.Audience, d.Quick, d.Choices, d.Dropped
		info.Data = data
	}
	if err != nil {
		info.Err = err
		return info
	}
	asked := b.Asked(info.Quick)
	info.Asked = len(asked)
	for _, q := range asked {
		if info.Choices[q] != questions.NoAnswer {
			info.Answered++
		}
	}
	return info
}

// FindPersonDraft returns the saved draft that names person, if any: the
// draft at its path, else one whose person field names them.
func FindPersonDraft(list []DraftInfo, path, person string) (DraftInfo, bool) {
	for _, d := range list {
		if d.Path == path {
			return d, true
		}
	}
	for _, d := range list {
		if d.Err == nil && d.Person == person {
			return d, true
		}
	}
	return DraftInfo{}, false
}

// resultBase is the start of a saved result's name: the person's slug
// (when named), the audience and the day.
func resultBase(person string, audience questions.Audience, day time.Time) string {
	parts := []string{"guidepost-result"}
	if s := questions.Slug(person); s != "" {
		parts = append(parts, s)
	}
	if audience != "" {
		parts = append(parts, string(audience))
	}
	return strings.Join(append(parts, day.Format("2006-01-02")), "-")
}

// WriteAsk writes, in dir, the answers file a manager hands the person:
// c in the self voice, for person, without the questions the rule set
// marks as best asked of the person, so that the person answers those
// (guidepost --resume FILE). It never overwrites; the name is
// guidepost-ask-SLUG-DATE.toml (-2, -3, … when taken).
func WriteAsk(dir string, day time.Time, b *questions.Bank, person string, quick bool, c questions.Choices) (string, error) {
	open := append(questions.Choices(nil), c...)
	for _, q := range b.PersonOwned() {
		open[q] = questions.NoAnswer
	}
	data := questions.FormatAnswersOf(b, questions.Answers{Audience: "self", Person: person, Quick: quick}, open)
	parts := []string{"guidepost-ask"}
	if s := questions.Slug(person); s != "" {
		parts = append(parts, s)
	}
	base := strings.Join(append(parts, day.Format("2006-01-02")), "-")
	for n := 1; n <= maxResultSuffix; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		p := filepath.Join(dir, name+".toml")
		err := createAll([]string{p}, [][]byte{data})
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("cannot write the file for the person in %s: %w", dir, err)
		}
		return p, nil
	}
	return "", fmt.Errorf("cannot write the file for the person in %s: %s-%d.toml and every earlier name are taken", dir, base, maxResultSuffix)
}

// SaveAnswersFile writes the answers file at path (a file the person was
// given and resumed): atomically, mode 0600.
func SaveAnswersFile(path string, b *questions.Bank, h questions.Answers, c questions.Choices, now time.Time) error {
	if err := WriteAtomic(path, questions.FormatAnswersOf(b, h, c), now, nil); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}
