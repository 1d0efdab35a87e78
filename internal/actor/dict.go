package actor

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

//go:embed data/*.txt
var embedded embed.FS

// ErrSyntax marks a malformed line in a dictionary file.
var ErrSyntax = errors.New("actor: syntax error")

// kind says what a dictionary phrase names.
type kind uint8

const (
	kindCountry   kind = iota + 1 // Russia, the Russian Federation
	kindAdjective                 // Russian, Russians
	kindCapital                   // Moscow, the Kremlin: the government (or the sector given)
	kindOrg                       // United Nations, Reuters, NATO
	kindPerson                    // Vladimir Putin, Putin
	kindAgent                     // troops, police, the government: a group
	kindTitle                     // president, foreign minister: one person's role
)

// Country is one state, present or historical.
type Country struct {
	Code string // ISO 3166-1 alpha-3; ISO 3166-3 for former states (SUN, YUG, CSK, DDR)
	ISO2 string
	Name string // first name listed
}

// Org is an organisation, bloc or region with a fixed CAMEO-style code,
// or a political party whose sector depends on the date.
type Org struct {
	Code    string // IGOUNO, WST, TURMED; a party's undated code (USAOPP)
	Country string // for national organisations (TURMED → TUR)
	Sector  string // a party's is OPP; see Governs
	Name    string
	// Party marks a political party from parties.txt.
	Party bool
	// Governs lists the spells in which a party (or a movement of
	// orgs.txt) held the executive, as [start, end) YYYY-MM-DD pairs, end
	// "" when open: within one it is coded GOV, outside them by Sector
	// (OPP for a party).
	Governs [][2]string
}

// Role is one dated office of a person. Start and End are YYYY-MM-DD; empty
// means open. End is exclusive: the day the office passed on.
type Role struct {
	Code    string // RUSGOV, IGOUNO
	Country string
	Sector  string
	Title   string
	Start   string
	End     string
	// party is 1 + the index in Orgs of the party a PTY role is held in
	// ("USA PTY 2015-04-12 2016-11-09 Presidential Candidate (Democratic
	// Party)"): the role takes the party's sector on the date. 0: none.
	party int32
}

// Person is a newsmaker with dated roles, most recent first as written.
type Person struct {
	Name     string
	Gender   byte // 'm', 'f' or 0
	Wikidata string
	Roles    []Role
}

// Group is a generic agent noun (troops, police) or a person's title
// (president, foreign minister) with its sector.
type Group struct {
	Sector string
	Role   string // canonical title for titles ("Foreign Minister")
}

// target is what a phrase points at: an index into one of the tables.
type target struct {
	kind   kind
	idx    int32
	sector string // for capitals: the sector the metonym stands for
}

// phrase is a dictionary name split into folded tokens.
type phrase struct {
	toks []string
	t    target
}

// Dictionary holds countries, organisations, people, generic agents and
// titles, indexed by their folded token sequences. It is immutable after
// load and safe for concurrent use.
type Dictionary struct {
	Countries []Country
	Orgs      []Org
	People    []Person
	Groups    []Group

	byCode map[string]int32   // country code (alpha-3 and alpha-2) → index
	first  map[string][]int32 // folded token → its one-token phrases
	// second maps the first two folded tokens of the longer phrases to
	// them, longest first: a first name or "ministry" starts thousands of
	// phrases, two words few.
	second  map[string][]int32
	phrases []phrase
	exact   map[string][]target // folded, space-joined name → targets
	surname map[string][]int32  // folded single-token person alias → people
	// partyAdj maps a folded party adjective ("democratic",
	// "republican") to its parties; read only before a title
	// ("Democratic presidential candidate"), never as a name.
	partyAdj map[string][]int32
	// acronym holds the folded keys whose every name is a short acronym
	// ("WHO", "UN"); a key leaves it when another name is added under it.
	acronym map[string]bool
	// derived holds the surnames taken from the last word of a person's
	// name, indexed in finish after every listed name, so that a person
	// who lists a surname as an alias comes first for it (Bush is George
	// W. Bush; George H. W. Bush has it only from his name).
	derived []derivedName
	toks    []text.Token // add's buffer, while loading
}

// derivedName is a surname derived from a person's name.
type derivedName struct {
	name string
	idx  int32
}

// Default files, read in this order from the embedded data or a folder.
var files = []string{"countries.txt", "orgs.txt", "parties.txt", "agents.txt", "titles.txt"}

// Open loads a dictionary from the folder dir, which holds the same files as
// internal/actor/data: countries.txt, orgs.txt, parties.txt, agents.txt, titles.txt and
// any number of people*.txt.
func Open(dir string) (*Dictionary, error) {
	return load(os.DirFS(dir))
}

// loadEmbedded loads the dictionary shipped in the binary.
func loadEmbedded() (*Dictionary, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("BUG: embedded data: %w", err)
	}
	return load(sub)
}

func load(fsys fs.FS) (*Dictionary, error) {
	d := newDictionary()
	for _, name := range files {
		if err := d.readFile(fsys, name); err != nil {
			return nil, err
		}
	}
	// Generated additions (orgs-phoenix.txt, agents-phoenix.txt) after
	// the hand-written files, so a hand-written name is listed first.
	for _, pattern := range []string{"orgs-*.txt", "agents-*.txt"} {
		more, err := fs.Glob(fsys, pattern)
		if err != nil {
			return nil, fmt.Errorf("cannot list %s files: %w", pattern, err)
		}
		sort.Strings(more)
		for _, name := range more {
			if err := d.readFile(fsys, name); err != nil {
				return nil, err
			}
		}
	}
	people, err := fs.Glob(fsys, "people*.txt")
	if err != nil {
		return nil, fmt.Errorf("cannot list people files: %w", err)
	}
	// Generated people (people-phoenix.txt) after the hand-written ones.
	sort.Slice(people, func(i, j int) bool {
		gi, gj := isGenerated(people[i]), isGenerated(people[j])
		if gi != gj {
			return gj
		}
		return people[i] < people[j]
	})
	if len(people) == 0 {
		return nil, fmt.Errorf("cannot load actor dictionary: no people*.txt files")
	}
	for _, name := range people {
		if err := d.readFile(fsys, name); err != nil {
			return nil, err
		}
	}
	d.finish()
	return d, nil
}

// isGenerated reports whether a dictionary file was written by
// internal/actor/gen rather than by hand.
func isGenerated(name string) bool { return strings.HasSuffix(name, "-phoenix.txt") }

// The sizes of the shipped dictionary (about 30,000 names, 24,000 of
// them of two words or more): the indexes are made that large up front,
// so that loading does not grow and rehash them step by step (a third of
// the loading time); a larger folder only grows them.
const (
	namesHint  = 32 << 10
	secondHint = 26 << 10
)

func newDictionary() *Dictionary {
	return &Dictionary{
		byCode:   map[string]int32{},
		first:    make(map[string][]int32, 4<<10),
		second:   make(map[string][]int32, secondHint),
		phrases:  make([]phrase, 0, namesHint),
		exact:    make(map[string][]target, namesHint),
		surname:  map[string][]int32{},
		acronym:  map[string]bool{},
		partyAdj: map[string][]int32{},
	}
}

func (d *Dictionary) readFile(fsys fs.FS, name string) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("cannot read actor dictionary: %w", err)
	}
	defer f.Close()
	base := filepath.Base(name)
	var parse func(string) error
	switch {
	case base == "countries.txt":
		parse = d.parseCountry
	case base == "orgs.txt" || strings.HasPrefix(base, "orgs-"):
		parse = d.parseOrg
	case base == "parties.txt":
		parse = d.parseParty
	case base == "agents.txt" || strings.HasPrefix(base, "agents-"):
		parse = func(l string) error { return d.parseGroup(l, kindAgent) }
	case base == "titles.txt":
		parse = func(l string) error { return d.parseGroup(l, kindTitle) }
	default:
		parse = d.parsePersonLine
	}
	if err := readLines(f, base, parse); err != nil {
		return err
	}
	return nil
}

// readLines calls parse on every line that is neither blank nor a comment,
// keeping leading white space (people's role lines are indented).
func readLines(r io.Reader, name string, parse func(string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t\r")
		if t := strings.TrimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		if err := parse(line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("cannot read %s: %w", name, err)
	}
	return nil
}

// fields splits a line on '|' and trims each field.
func fields(line string) []string {
	fs := strings.Split(line, "|")
	for i := range fs {
		fs[i] = strings.TrimSpace(fs[i])
	}
	return fs
}

// list splits a field on ';' and drops empty items.
func list(f string) []string {
	var out []string
	for _, x := range strings.Split(f, ";") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// parseCountry reads "RUS RU | Russia; Russian Federation | Russian; Russians | Moscow; Kremlin; Pentagon=MIL".
func (d *Dictionary) parseCountry(line string) error {
	f := fields(line)
	if len(f) < 2 || len(f) > 4 {
		return fmt.Errorf("%w: want CODE ISO2 | names | adjectives | capitals", ErrSyntax)
	}
	codes := strings.Fields(f[0])
	if len(codes) != 2 || len(codes[0]) != 3 || !isUpperCode(codes[0]) {
		return fmt.Errorf("%w: bad country codes %q", ErrSyntax, f[0])
	}
	names := list(f[1])
	if len(names) == 0 {
		return fmt.Errorf("%w: country %s has no name", ErrSyntax, codes[0])
	}
	if _, dup := d.byCode[codes[0]]; dup {
		return fmt.Errorf("%w: country %s listed twice", ErrSyntax, codes[0])
	}
	idx := int32(len(d.Countries))
	c := Country{Code: codes[0], Name: names[0]}
	if codes[1] != "-" {
		c.ISO2 = codes[1]
		d.byCode[c.ISO2] = idx
	}
	d.byCode[c.Code] = idx
	d.Countries = append(d.Countries, c)
	for _, n := range names {
		d.add(n, target{kind: kindCountry, idx: idx})
	}
	if len(f) > 2 {
		for _, n := range list(f[2]) {
			d.add(n, target{kind: kindAdjective, idx: idx})
		}
	}
	if len(f) > 3 {
		for _, n := range list(f[3]) {
			sector := "GOV"
			if i := strings.IndexByte(n, '='); i >= 0 {
				n, sector = strings.TrimSpace(n[:i]), strings.TrimSpace(n[i+1:])
			}
			d.add(n, target{kind: kindCapital, idx: idx, sector: sector})
		}
	}
	return nil
}

// parseOrg reads "IGOUNO IGO | United Nations; UN; U.N." or "TUR MED | Anadolu Agency; AA".
// A country code as CODE makes a national actor (TURMED).
func (d *Dictionary) parseOrg(line string) error {
	f := fields(line)
	if len(f) != 2 && len(f) != 3 {
		return fmt.Errorf("%w: want CODE SECTOR | names [| spells in government]", ErrSyntax)
	}
	cs := strings.Fields(f[0])
	if len(cs) != 2 || !isUpperCode(cs[0]) {
		return fmt.Errorf("%w: bad org code %q", ErrSyntax, f[0])
	}
	names := list(f[1])
	if len(names) == 0 {
		return fmt.Errorf("%w: org %s has no name", ErrSyntax, cs[0])
	}
	o := Org{Code: cs[0], Sector: cs[1], Name: names[0]}
	if o.Sector == "-" {
		o.Sector = ""
	}
	if ci, ok := d.byCode[cs[0]]; ok && len(cs[0]) == 3 {
		o.Country = d.Countries[ci].Code
		o.Code = o.Country + o.Sector
	}
	if len(f) == 3 {
		// "AFG REB | Taliban | 2021-08-15 -": a movement coded GOV
		// while it holds the executive.
		if o.Country == "" {
			return fmt.Errorf("%w: org %s has spells in government but no country", ErrSyntax, cs[0])
		}
		var err error
		if o.Governs, err = parseSpells(f[2]); err != nil {
			return err
		}
	}
	d.addOrg(o, names)
	return nil
}

// addOrg adds organisation o under each of its names and returns its index.
func (d *Dictionary) addOrg(o Org, names []string) int32 {
	idx := int32(len(d.Orgs))
	d.Orgs = append(d.Orgs, o)
	for _, n := range names {
		d.add(n, target{kind: kindOrg, idx: idx})
	}
	return idx
}

// parseParty reads "USA | Democratic Party; Democrats | Democratic |
// 2021-01-20 2025-01-20; 2009-01-20 2017-01-20": a country's party, its
// names, the adjectives that name it before a title, and the spells in
// which it held the executive.
func (d *Dictionary) parseParty(line string) error {
	f := fields(line)
	if len(f) == 3 {
		f = append(f, "") // never in government
	}
	if len(f) != 4 {
		return fmt.Errorf("%w: want COUNTRY | names | adjectives | spells", ErrSyntax)
	}
	ci, ok := d.byCode[f[0]]
	if !ok || len(f[0]) != 3 {
		return fmt.Errorf("%w: party country %q is not in countries.txt", ErrSyntax, f[0])
	}
	names := list(f[1])
	if len(names) == 0 {
		return fmt.Errorf("%w: party of %s has no name", ErrSyntax, f[0])
	}
	c := d.Countries[ci].Code
	o := Org{Code: c + "OPP", Country: c, Sector: "OPP", Name: names[0], Party: true}
	var err error
	if o.Governs, err = parseSpells(f[3]); err != nil {
		return err
	}
	idx := d.addOrg(o, names)
	for _, a := range list(f[2]) {
		k := fold(a)
		d.partyAdj[k] = append(d.partyAdj[k], idx)
	}
	return nil
}

// parseSpells reads spells in government, "START END; START END" (END
// exclusive, "-" open).
func parseSpells(field string) ([][2]string, error) {
	var out [][2]string
	for _, sp := range list(field) {
		ws := strings.Fields(sp)
		if len(ws) != 2 {
			return nil, fmt.Errorf("%w: spell %q is not START END", ErrSyntax, sp)
		}
		start, err := parseDate(ws[0], false)
		if err != nil {
			return nil, err
		}
		end, err := parseDate(ws[1], true)
		if err != nil {
			return nil, err
		}
		if start == "" || end != "" && end <= start {
			return nil, fmt.Errorf("%w: spell %q is empty or open at the start", ErrSyntax, sp)
		}
		out = append(out, [2]string{start, end})
	}
	return out, nil
}

// parseGroup reads "MIL | troops; soldiers" (agents) or "GOV | foreign minister=Foreign Minister" (titles).
func (d *Dictionary) parseGroup(line string, k kind) error {
	f := fields(line)
	if len(f) != 2 || !isUpperCode(f[0]) {
		return fmt.Errorf("%w: want SECTOR | words", ErrSyntax)
	}
	for _, n := range list(f[1]) {
		role := ""
		if k == kindTitle {
			role = titleCase(n)
		}
		if i := strings.IndexByte(n, '='); i >= 0 {
			n, role = strings.TrimSpace(n[:i]), strings.TrimSpace(n[i+1:])
		}
		idx := int32(len(d.Groups))
		d.Groups = append(d.Groups, Group{Sector: f[0], Role: role})
		d.add(n, target{kind: k, idx: idx})
	}
	return nil
}

// parsePersonLine reads a person line "Vladimir Putin | Putin | m | Q7747"
// (an alias "-": no surname is derived from the last word)
// or, indented under it, a role line "RUS GOV 2012-05-07 - President".
func (d *Dictionary) parsePersonLine(line string) error {
	if line[0] == ' ' || line[0] == '\t' {
		if len(d.People) == 0 {
			return fmt.Errorf("%w: role line before any person", ErrSyntax)
		}
		return d.parseRole(&d.People[len(d.People)-1], strings.TrimSpace(line))
	}
	f := fields(line)
	if len(f) != 4 {
		return fmt.Errorf("%w: want Name | aliases | gender | QID", ErrSyntax)
	}
	p := Person{Name: f[0], Wikidata: f[3]}
	switch f[2] {
	case "m", "f":
		p.Gender = f[2][0]
	case "", "-":
	default:
		return fmt.Errorf("%w: gender %q is not m, f or -", ErrSyntax, f[2])
	}
	if p.Wikidata == "-" {
		p.Wikidata = ""
	}
	if p.Wikidata != "" && (p.Wikidata[0] != 'Q' || !isDigits(p.Wikidata[1:])) {
		return fmt.Errorf("%w: bad Wikidata id %q", ErrSyntax, p.Wikidata)
	}
	idx := int32(len(d.People))
	d.People = append(d.People, p)
	d.add(p.Name, target{kind: kindPerson, idx: idx})
	aliases := list(f[1])
	single := false
	for i, a := range aliases {
		if a == "-" {
			// No surname: the family name comes first (Kim Jong Un).
			aliases, single = append(aliases[:i:i], aliases[i+1:]...), true
			break
		}
	}
	for _, a := range aliases {
		d.add(a, target{kind: kindPerson, idx: idx})
		if !strings.ContainsAny(a, " ") {
			single = true
			d.surname[fold(a)] = append(d.surname[fold(a)], idx)
		}
	}
	if !single {
		// The surname is the last word unless an alias says otherwise
		// (Wang Yi | Wang).
		ws := strings.Fields(p.Name)
		for len(ws) > 1 && isSuffix(ws[len(ws)-1]) {
			ws = ws[:len(ws)-1] // Charles III, Robert F. Kennedy Jr.
		}
		if len(ws) > 1 {
			last := ws[len(ws)-1]
			d.derived = append(d.derived, derivedName{last, idx})
			d.surname[fold(last)] = append(d.surname[fold(last)], idx)
		}
	}
	return nil
}

func (d *Dictionary) parseRole(p *Person, line string) error {
	ws := strings.Fields(line)
	if len(ws) < 5 {
		return fmt.Errorf("%w: want CODE SECTOR START END Title", ErrSyntax)
	}
	r := Role{Sector: ws[1], Title: strings.Join(ws[4:], " ")}
	if r.Title == "-" {
		r.Title = "" // a role whose title is unknown (generated people)
	}
	if !isUpperCode(ws[0]) || !isUpperCode(r.Sector) {
		return fmt.Errorf("%w: bad role code %q %q", ErrSyntax, ws[0], ws[1])
	}
	if ci, ok := d.byCode[ws[0]]; ok && len(ws[0]) == 3 {
		r.Country = d.Countries[ci].Code
		r.Code = r.Country + r.Sector
	} else {
		r.Code = ws[0]
		if r.Sector == "IGO" || strings.HasPrefix(ws[0], "IGO") {
			r.Sector = "IGO"
		}
	}
	if r.Sector == "PTY" {
		// A party role: the party's name closes the title in brackets
		// and the sector is the party's on the date.
		i := strings.LastIndex(r.Title, " (")
		if i < 0 || !strings.HasSuffix(r.Title, ")") || r.Country == "" {
			return fmt.Errorf("%w: a PTY role needs a country and ends with its party in brackets", ErrSyntax)
		}
		name := foldKey(r.Title[i+2 : len(r.Title)-1])
		for _, t := range d.exact[name] {
			if t.kind == kindOrg && d.Orgs[t.idx].Party && d.Orgs[t.idx].Country == r.Country {
				r.party = t.idx + 1
				break
			}
		}
		if r.party == 0 {
			return fmt.Errorf("%w: no party %q of %s in parties.txt", ErrSyntax, r.Title[i+2:len(r.Title)-1], r.Country)
		}
		r.Title = r.Title[:i]
		r.Sector, r.Code = "OPP", r.Country+"OPP"
	}
	var err error
	if r.Start, err = parseDate(ws[2], false); err != nil {
		return err
	}
	if r.End, err = parseDate(ws[3], true); err != nil {
		return err
	}
	if r.Start != "" && r.End != "" && r.End < r.Start {
		return fmt.Errorf("%w: role ends before it starts", ErrSyntax)
	}
	p.Roles = append(p.Roles, r)
	return nil
}

// parseDate accepts YYYY, YYYY-MM, YYYY-MM-DD or "-" (open).
func parseDate(s string, end bool) (string, error) {
	if s == "-" {
		return "", nil
	}
	ok := len(s) >= 4 && isDigits(s[:4])
	switch len(s) {
	case 4:
		if end {
			s += "-12-31"
		} else {
			s += "-01-01"
		}
	case 7:
		ok = ok && s[4] == '-' && isDigits(s[5:7])
		if end {
			s += "-28"
		} else {
			s += "-01"
		}
	case 10:
		ok = ok && s[4] == '-' && s[7] == '-' && isDigits(s[5:7]) && isDigits(s[8:10])
	default:
		return "", fmt.Errorf("%w: bad date %q", ErrSyntax, s)
	}
	if !ok || s[5:7] < "01" || s[5:7] > "12" || s[8:10] < "01" || s[8:10] > "31" {
		return "", fmt.Errorf("%w: bad date %q", ErrSyntax, s)
	}
	return s, nil
}

// add indexes name under t.
func (d *Dictionary) add(name string, t target) {
	d.toks = text.Tokenize(d.toks[:0], name)
	toks := d.toks
	if len(toks) == 0 {
		return
	}
	p := phrase{toks: make([]string, len(toks)), t: t}
	for i, tk := range toks {
		p.toks[i] = fold(name[tk.Start:tk.End])
	}
	key := strings.Join(p.toks, " ")
	short := len(toks) == 1 && len(name) <= 3 && strings.ToUpper(name) == name
	// A key is an acronym while every name added under it was short: the
	// first name decides, a later long one ends it.
	ts, seen := d.exact[key]
	if !seen && short {
		d.acronym[key] = true
	} else if seen && !short {
		delete(d.acronym, key)
	}
	for _, o := range ts {
		if o == t {
			return
		}
	}
	d.exact[key] = append(ts, t)
	id := int32(len(d.phrases))
	d.phrases = append(d.phrases, p)
	if len(p.toks) == 1 {
		d.first[p.toks[0]] = append(d.first[p.toks[0]], id)
	} else {
		k2 := p.toks[0] + " " + p.toks[1]
		d.second[k2] = append(d.second[k2], id)
	}
}

// finish indexes the derived surnames and sorts each index bucket longest
// phrase first.
func (d *Dictionary) finish() {
	for _, dn := range d.derived {
		d.add(dn.name, target{kind: kindPerson, idx: dn.idx})
	}
	d.derived, d.toks = nil, nil
	for k, ids := range d.second {
		sort.SliceStable(ids, func(i, j int) bool {
			return len(d.phrases[ids[i]].toks) > len(d.phrases[ids[j]].toks)
		})
		d.second[k] = ids
	}
	for k, ids := range d.first {
		sort.SliceStable(ids, func(i, j int) bool {
			return len(d.phrases[ids[i]].toks) > len(d.phrases[ids[j]].toks)
		})
		d.first[k] = ids
	}
}

func isUpperCode(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// titleCase upper-cases the first letter of each word: "foreign minister" → "Foreign Minister".
func titleCase(s string) string {
	b := []byte(s)
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == ' ' || c == '-'
	}
	return string(b)
}

// Size returns the numbers of countries, organisations, people, groups and
// indexed phrases.
func (d *Dictionary) Size() (countries, orgs, people, groups, phrases int) {
	return len(d.Countries), len(d.Orgs), len(d.People), len(d.Groups), len(d.phrases)
}

// isSuffix reports whether w ends a name without being its surname: a
// regnal number or Jr./Sr.
func isSuffix(w string) bool {
	switch w {
	case "Jr", "Jr.", "Sr", "Sr.":
		return true
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c != 'I' && c != 'V' && c != 'X' {
			return false
		}
	}
	return w != ""
}
