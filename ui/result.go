package ui

import (
	"fmt"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"guidepost/advisor"
)

// result shows the explanation of an evaluation in a scrolling viewport;
// what saving did is the root's notice.
type result struct {
	exp  advisor.Explanation
	vp   viewport.Model
	page page // the text laid out for the viewport's width
}

// newResult shows the explained result e.
func newResult(e advisor.Explanation) result {
	return result{exp: e, vp: newViewport()}
}

// resize fits the viewport to the layout and rewraps the text for it,
// keeping the reading position.
func (r result) resize(c *common) screen {
	r.vp.SetWidth(c.lay.text)
	r.vp.SetHeight(max(c.lay.body-1, 1))
	text := resultText(r.exp, c)
	r.vp.SetContent(text)
	r.page = newPage(text, r.vp.Width())
	return r
}

func (r result) update(msg tea.KeyPressMsg, c *common) (screen, tea.Msg) {
	k := c.keys
	switch {
	case keyIs(msg, k.Change):
		return r, changeMsg{}
	case keyIs(msg, k.Save):
		return r, saveMsg{}
	case keyIs(msg, k.Restart):
		return r, restartMsg{}
	case keyIs(msg, k.Learn):
		return r, learnMsg{}
	case keyIs(msg, askKey):
		return r, askMsg{}
	}
	r.vp = scroll(r.vp, msg)
	return r, nil
}

func (r result) keys(c *common) keySet { return resultKeys(c.keys, r.vp) }

func (r result) view(c *common) string {
	return r.page.view(r.vp) + "\n" + truncate(c.styles.Muted.Render(scrollHint(r.vp)), c.lay.text)
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
