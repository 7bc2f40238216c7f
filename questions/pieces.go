package questions

import (
	"reflect"
	"runtime"
	"sync"

	"github.com/BurntSushi/toml"
)

// A large rule set is decoded in pieces, one per core, each on its own
// goroutine: the TOML decoder is most of what loading costs and it uses one
// core. The file is cut only where a line opens an array of tables at the
// top level ("[[question]]"), so every piece after the first starts a new
// element, and the pieces' arrays are joined in order. That is what the
// whole file means only when no piece reaches into another, so the pieces
// are used only when each decodes cleanly with no key problem and each
// array of tables a later piece opens is one of the schema's, made by
// "[[name]]" headers in every piece that has it (not a table, not an inline
// array, not an implicit table of "[name.sub]"). Anything else, or any
// problem at all, is decoded whole, so every message is the one the whole
// file gives. FuzzPieces holds the two ways to the same bank.

// minPiece is the size below which a piece is not worth a goroutine: a
// file smaller than two is decoded whole.
const minPiece = 16 << 10

// decodeInPieces decodes data in as many pieces as there are cores,
// cutting at heads (from scanStructure). It reports false when it did not
// (a small file, one core, no place to cut) or when the pieces might not
// mean what the whole file means; the caller then decodes the whole file.
func decodeInPieces(data []byte, heads []int) (*fileBank, bool) {
	return decodeCut(data, cuts(len(data), heads, runtime.GOMAXPROCS(0), minPiece))
}

// cuts returns where to cut a file of size bytes into at most n pieces of
// at least least bytes: at the first head at or after each equal share.
func cuts(size int, heads []int, n, least int) []int {
	n = max(1, min(n, 8, size/max(1, least)))
	var out []int
	h := 0
	for k := 1; k < n; k++ {
		target := k * size / n
		for h < len(heads) && heads[h] < target {
			h++
		}
		if h == len(heads) {
			break
		}
		if at := heads[h]; at > 0 && (len(out) == 0 || at > out[len(out)-1]) {
			out = append(out, at)
		}
	}
	return out
}

// piece is one part of the file, decoded.
type piece struct {
	fb   fileBank
	md   toml.MetaData
	tops map[string]string // first part of every key → its type in this piece
	ok   bool
}

func (p *piece) decode(src []byte) {
	md, err := toml.Decode(string(src), &p.fb)
	if err != nil {
		return
	}
	keys := &problems{}
	checkKeys(keys, &p.fb, md)
	if len(keys.list) > 0 {
		return
	}
	p.md, p.tops = md, map[string]string{}
	for _, k := range md.Keys() {
		if _, seen := p.tops[k[0]]; !seen {
			p.tops[k[0]] = md.Type(k[0])
		}
	}
	p.ok = true
}

// decodeCut decodes data cut at the given offsets (none: false) and joins
// the pieces when they mean what the whole file means.
func decodeCut(data []byte, at []int) (*fileBank, bool) {
	if len(at) == 0 {
		return nil, false
	}
	bounds := append(append([]int{0}, at...), len(data))
	ps := make([]piece, len(bounds)-1)
	var wg sync.WaitGroup
	for i := 1; i < len(ps); i++ {
		wg.Go(func() { ps[i].decode(data[bounds[i]:bounds[i+1]]) })
	}
	ps[0].decode(data[:bounds[1]])
	wg.Wait()
	schema := bankSchema()
	for i := range ps {
		if !ps[i].ok {
			return nil, false
		}
		if i == 0 {
			continue
		}
		// A later piece starts with a header, so its keys are all in
		// tables; each of its top-level names must be an array of tables of
		// the schema (decoding into one refuses a table or an implicit
		// table), and an earlier piece may have made it only as such.
		for top := range ps[i].tops {
			if node := schema.fields[top]; node == nil || !node.array {
				return nil, false
			}
			for j := range i {
				if t, ok := ps[j].tops[top]; ok && t != "ArrayHash" {
					return nil, false
				}
			}
		}
	}
	fb := &ps[0].fb
	for i := 1; i < len(ps); i++ {
		joinArrays(fb, &ps[i].fb)
	}
	return fb, true
}

// joinArrays appends each array of tables of from to the same one of to.
// A later piece holds nothing else (decodeCut checked its keys).
func joinArrays(to, from *fileBank) {
	tv, fv := reflect.ValueOf(to).Elem(), reflect.ValueOf(from).Elem()
	for i := range tv.NumField() {
		if f := tv.Field(i); f.Kind() == reflect.Slice {
			f.Set(reflect.AppendSlice(f, fv.Field(i)))
		}
	}
}
