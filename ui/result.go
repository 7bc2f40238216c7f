package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"guidepost/advisor"
)

// result shows an evaluation in a scrolling viewport, with a status line
// under it for saving.
type result struct {
	exp    advisor.Explanation
	vp     viewport.Model
	status string // what saving did; empty before a save
	failed bool
}

// newResult explains res for the audience and shows it.
func newResult(res advisor.Result, c *common) result {
	res.Audience = c.audience
	r := result{exp: advisor.Explain(c.bank, res), vp: newViewport()}
	r.resize(c)
	return r
}

// newViewport is a viewport with pager keys that do not clash with ours.
func newViewport() viewport.Model {
	vp := viewport.New()
	vp.KeyMap.Left, vp.KeyMap.Right = key.Binding{}, key.Binding{}
	vp.KeyMap.PageDown.SetKeys("pgdown", "space", "f")
	vp.KeyMap.PageUp.SetKeys("pgup", "b")
	return vp
}

// scroll moves a viewport by a key: the viewport's own pager keys, plus
// home and end, which the help promises and the viewport lacks.
func scroll(vp viewport.Model, msg tea.KeyPressMsg) viewport.Model {
	switch msg.String() {
	case "home":
		vp.GotoTop()
	case "end":
		vp.GotoBottom()
	default:
		vp, _ = vp.Update(msg)
	}
	return vp
}

// resize fits the viewport to the layout and rewraps the text for it,
// keeping the reading position.
func (r *result) resize(c *common) {
	r.vp.SetWidth(c.lay.text)
	r.vp.SetHeight(max(c.lay.body-1, 1))
	r.vp.SetContent(resultText(r.exp, c))
}

func (r result) update(msg tea.KeyPressMsg, c *common) (result, tea.Msg) {
	k := c.keys
	switch {
	case keyIs(msg, k.Change):
		return r, changeMsg{}
	case keyIs(msg, k.Save):
		r.status, r.failed = "Saving…", false
		return r, saveMsg{}
	case keyIs(msg, k.Restart):
		return r, restartMsg{}
	case keyIs(msg, k.Learn):
		return r, learnMsg{}
	}
	r.vp = scroll(r.vp, msg)
	return r, nil
}

// saved records what SaveResult returned.
func (r *result) saved(paths []string, err error) {
	if err != nil {
		r.status, r.failed = "✗ Could not save: "+Sanitize(err.Error()), true
		return
	}
	r.status, r.failed = "✓ Saved: "+Sanitize(strings.Join(paths, ", ")), false
}

// view is the viewport and a status line under it. What saving did is
// wrapped, never cut, so a saved file's name is always whole; the viewport
// gives up the lines it needs.
func (r result) view(c *common) string {
	s := c.styles
	status := truncate(s.Muted.Render(scrollHint(r.vp)), c.lay.text)
	if r.status != "" {
		st := s.Notice
		if r.failed {
			st = s.Error
		}
		msg := hangText("", r.status, c.lay.text)
		r.vp.SetHeight(max(c.lay.body-lines(msg), 1))
		status = st.Render(msg)
	}
	return r.vp.View() + "\n" + status
}

// scrollHint says where the reader is when the text does not fit.
func scrollHint(vp viewport.Model) string {
	if vp.TotalLineCount() <= vp.Height() {
		return ""
	}
	if vp.AtBottom() {
		return "↑ more above"
	}
	return fmt.Sprintf("↓ more below (%d%%)", int(vp.ScrollPercent()*100))
}
