package questions

// Parse reads a rule set named name (used in every message) from data,
// strictly, in three steps: decode (decode.go: bytes, TOML syntax, schema
// version, shapes, then keys.go: unknown and mis-cased keys; a large file
// in pieces on every core, pieces.go), validate
// (validate.go: every other problem, by path) and compile (compile.go: the
// runtime bank). The error, when there is one, lists every problem found,
// one a line, each starting with "name:line:". Lines are looked up only
// when there is a problem or a warning to report. Parse keeps data to
// locate the bank's warnings on demand: do not change it afterwards.
func Parse(name string, data []byte) (*Bank, error) {
	fb, errs, src, err := decodeRules(name, data)
	if err != nil {
		return nil, err
	}
	warns := &problems{name: name, src: src}
	validate(fb, errs, warns)
	if err := errs.err(); err != nil {
		return nil, err
	}
	b := compile(fb, name)
	if len(warns.list) > 0 {
		b.warnings = &lazyWarnings{p: *warns}
	}
	return b, nil
}
