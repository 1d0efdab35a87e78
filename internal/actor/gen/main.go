// Command gen converts the Phoenix actor dictionaries of PETRARCH2 (Open
// Event Data Alliance, MIT licence) into the actor dictionary's own format:
// people-phoenix.txt (people with dated roles), orgs-phoenix.txt
// (organisations and armed groups) and agents-phoenix.txt (generic agent
// nouns). Whatever the hand-written dictionary already knows is left out,
// so the project's newer facts win where the two disagree.
//
//	go run ./internal/actor/gen -phoenix ../shared/data/dict/petrarch2 -out internal/actor/data
//
// Phoenix is noisy; the rules that keep it from turning words into actors
// are stated in filter.go.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/actor"
)

func main() {
	phoenix := flag.String("phoenix", "", "folder holding the Phoenix.*.txt dictionaries (required)")
	out := flag.String("out", "internal/actor/data", "the actor dictionary folder to write the *-phoenix.txt files into")
	flag.Parse()
	if *phoenix == "" {
		log.Fatal("gen: -phoenix is required")
	}
	if err := run(*phoenix, *out); err != nil {
		log.Fatal(err)
	}
}

func run(phoenix, out string) error {
	hand, err := handDictionary(out)
	if err != nil {
		return err
	}
	g := &generator{known: hand, seen: map[string]bool{}, handPeople: map[string]bool{}}
	g.handWords = map[string][][]string{}
	for _, p := range hand.People {
		g.handPeople[p.Name] = true
		if ws := strings.Fields(foldKey(p.Name)); len(ws) > 1 {
			k := ws[0] + " " + ws[len(ws)-1]
			g.handWords[k] = append(g.handWords[k], ws)
		}
	}
	if err := g.readFile(filepath.Join(phoenix, "Phoenix.Countries.actors.txt"), sourceCountries); err != nil {
		return err
	}
	if err := g.readFile(filepath.Join(phoenix, "Phoenix.International.actors.txt"), sourceInternational); err != nil {
		return err
	}
	if err := g.readFile(filepath.Join(phoenix, "Phoenix.MilNonState.actors.txt"), sourceMilNonState); err != nil {
		return err
	}
	if err := g.readAgents(filepath.Join(phoenix, "Phoenix.agents.txt")); err != nil {
		return err
	}
	if err := g.write(out); err != nil {
		return err
	}
	log.Printf("gen: %d people, %d organisations, %d agent nouns written; dropped %d known entries, %d noisy names",
		len(g.people), len(g.orgs), g.agentCount(), g.droppedKnown, g.droppedNoisy)
	return nil
}

// handDictionary loads the hand-written files of dir (everything but the
// *-phoenix.txt files this command writes) from a temporary copy.
func handDictionary(dir string) (*actor.Dictionary, error) {
	tmp, err := os.MkdirTemp("", "actorgen")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if strings.HasSuffix(n, "-phoenix.txt") {
			continue
		}
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", n, err)
		}
		if err := os.WriteFile(filepath.Join(tmp, filepath.Base(n)), b, 0o644); err != nil {
			return nil, fmt.Errorf("cannot copy %s: %w", n, err)
		}
	}
	d, err := actor.Open(tmp)
	if err != nil {
		return nil, fmt.Errorf("cannot load the hand-written dictionary in %s: %w", dir, err)
	}
	return d, nil
}

type source int

const (
	sourceCountries source = iota
	sourceInternational
	sourceMilNonState
)

// entry is one Phoenix entry: a name, its "+" aliases and its bracketed
// codes ("RUSGOV 991231-080507").
type entry struct {
	name    string
	aliases []string
	codes   []string
	comment string
}

// role is a converted dated role.
type role struct {
	code, sector, start, end string
}

type person struct {
	name    string
	aliases []string
	roles   []role
}

type org struct {
	code, sector string
	names        []string
}

type generator struct {
	known      *actor.Dictionary
	handPeople map[string]bool // names of the hand-written people
	// handWords maps "first last" (folded) to the words of the
	// hand-written people's names with those first and last words.
	handWords map[string][][]string
	seen      map[string]bool // folded names already written
	people    []person
	orgs      []org
	agents    map[string][]string // sector → nouns

	droppedKnown, droppedNoisy int
}

// readFile reads a TABARI-style actor file: an entry is a name line
// ("VLADIMIR_PUTIN_  # comment" or "NAME [CODE dates]"), "+" alias lines
// and indented "[CODE dates]" lines.
func (g *generator) readFile(path string, src source) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read Phoenix dictionary: %w", err)
	}
	defer f.Close()
	var cur *entry
	flush := func() {
		if cur != nil {
			g.add(cur, src)
		}
		cur = nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		t := strings.TrimSpace(line)
		switch {
		case t == "" || t[0] == '#':
			continue
		case t[0] == '+':
			if cur != nil {
				a, codes, _ := splitLine(t[1:])
				cur.aliases = append(cur.aliases, a)
				cur.codes = append(cur.codes, codes...)
			}
		case t[0] == '[' || line[0] == '\t' || line[0] == ' ':
			if cur != nil {
				_, codes, _ := splitLine(t)
				cur.codes = append(cur.codes, codes...)
			}
		default:
			flush()
			name, codes, comment := splitLine(t)
			cur = &entry{name: name, codes: codes, comment: comment}
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	return nil
}

// splitLine splits "NAME_ [CODE dates] [CODE] # comment" into its name, its
// bracketed codes and its comment.
func splitLine(s string) (name string, codes []string, comment string) {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s, comment = s[:i], s[i+1:]
	}
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			s = s[:i]
			break
		}
		codes = append(codes, strings.TrimSpace(s[i+1:i+j]))
		s = s[:i] + " " + s[i+j+1:]
	}
	return strings.TrimSpace(s), codes, comment
}

func (g *generator) add(e *entry, src source) {
	switch src {
	case sourceCountries:
		// People carry CountryInfo's mark, or at least one dated role.
		if strings.Contains(e.comment, "CountryInfo") || hasDated(e.codes) {
			g.addPerson(e)
		}
	case sourceInternational:
		if isOrgName(e.name) {
			g.addOrg(e, "")
		} else if len(e.codes) > 0 {
			g.addPerson(e)
		}
	case sourceMilNonState:
		g.addOrg(e, "REB")
	}
}

func hasDated(codes []string) bool {
	for _, c := range codes {
		if strings.ContainsAny(c, "<>-") && strings.ContainsAny(c, "0123456789") {
			return true
		}
	}
	return false
}

func (g *generator) addPerson(e *entry) {
	name, ok := personName(e.name)
	if !ok {
		g.droppedNoisy++
		return
	}
	if g.isKnown(name) {
		g.droppedKnown++
		return
	}
	if g.fullerName(name) {
		g.droppedKnown++ // "William Jefferson Hague" is the hand-written William Hague
		return
	}
	if actor.IsCommonName(name) {
		g.droppedNoisy++ // "James Brown" the singer is not a British official
		return
	}
	if g.seen[foldKey(name)] {
		return // listed twice in Phoenix: the first entry stands
	}
	var aliases []string
	for _, a := range e.aliases {
		an, ok := personName(a)
		if !ok || g.isKnown(an) || g.seen[foldKey(an)] || foldKey(an) == foldKey(name) {
			continue
		}
		aliases = append(aliases, an)
	}
	// An alias the hand-written dictionary knows for someone else: the
	// person is probably the same, so the hand-written entry wins.
	for _, a := range e.aliases {
		if an, ok := personName(a); ok && g.knownPerson(an) {
			g.droppedKnown++
			return
		}
	}
	var roles []role
	for _, c := range e.codes {
		if r, ok := g.convertRole(c); ok {
			roles = append(roles, r)
		}
	}
	roles = dropCareerELI(roles)
	if len(roles) == 0 {
		g.droppedNoisy++
		return
	}
	// Most recent first, as the format wants.
	sort.SliceStable(roles, func(i, j int) bool { return roles[i].start > roles[j].start })
	key := foldKey(name)
	if g.seen[key] {
		return
	}
	g.seen[key] = true
	for _, a := range aliases {
		g.seen[foldKey(a)] = true
	}
	g.people = append(g.people, person{name: name, aliases: dedupe(aliases), roles: roles})
}

// dropCareerELI drops CountryInfo's "elite" spells (before and between
// offices) when the person has any other role: after the last office the
// dictionary codes a person ELI by itself.
func dropCareerELI(rs []role) []role {
	other := false
	for _, r := range rs {
		if r.sector != "ELI" {
			other = true
		}
	}
	if !other {
		return rs
	}
	out := rs[:0]
	for _, r := range rs {
		if r.sector != "ELI" {
			out = append(out, r)
		}
	}
	return out
}

// convertRole turns "RUSGOV 991231-080507" into a role; CAMEO's secondary
// sectors (DZAGOVBUS) are dropped, keeping the primary one.
func (g *generator) convertRole(c string) (role, bool) {
	fs := strings.Fields(c)
	if len(fs) == 0 || len(fs) > 2 {
		return role{}, false
	}
	code := fs[0]
	if !isUpper(code) || len(code) < 3 {
		return role{}, false
	}
	var r role
	switch {
	case g.isCountry(code[:3]) && len(code) >= 6:
		r.code, r.sector = code[:3], code[3:6]
	case strings.HasPrefix(code, "IGO"):
		oc, ok := g.orgCode(code)
		if !ok {
			return role{}, false
		}
		r.code, r.sector = oc, "IGO"
	default:
		return role{}, false // a country alone, or a code we cannot place
	}
	r.start, r.end = "-", "-"
	if len(fs) == 2 {
		var ok bool
		if r.start, r.end, ok = dates(fs[1]); !ok {
			return role{}, false
		}
	}
	return r, true
}

// orgCode returns the longest prefix of an IGO code that the hand-written
// dictionary knows (IGOUNOKID → IGOUNO).
func (g *generator) orgCode(code string) (string, bool) {
	for n := len(code); n >= 6; n -= 3 {
		if a, ok := g.known.Lookup(code[:n], ""); ok && a.Code == code[:n] && a.Sector == "IGO" {
			return code[:n], true
		}
	}
	return "", false
}

func (g *generator) isCountry(c string) bool {
	a, ok := g.known.Lookup(c, "")
	return ok && a.Code == c && a.Country == c
}

// horizon closes the roles Phoenix leaves open: its people were last
// updated in 2015, and an office open then is not known to be held now.
// After it the person codes as a former official (ELI).
const horizon = "2016-01-01"

// dates converts "991231-080507", ">080508" or "<061231" (two-digit years
// up to 25 are 20YY; eight-digit dates are YYYYMMDD) into START and END
// (YYYY-MM-DD or "-").
func dates(s string) (start, end string, ok bool) {
	start, end = "-", "-"
	switch {
	case strings.HasPrefix(s, ">"):
		start, ok = date(s[1:])
		end = horizon
		if start >= horizon {
			end = "-"
		}
	case strings.HasPrefix(s, "<"):
		end, ok = date(s[1:])
	default:
		a, b, found := strings.Cut(s, "-")
		if !found {
			return "", "", false
		}
		var ok1, ok2 bool
		start, ok1 = date(a)
		end, ok2 = date(b)
		ok = ok1 && ok2 && start < end
	}
	return start, end, ok
}

func date(s string) (string, bool) {
	var y, md string
	switch len(s) {
	case 6:
		y, md = s[:2], s[2:]
		if y <= "25" {
			y = "20" + y
		} else {
			y = "19" + y
		}
	case 8:
		y, md = s[:4], s[4:]
	default:
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	m, d := md[:2], md[2:]
	if m < "01" || m > "12" || d < "01" || d > "31" {
		return "", false
	}
	return y + "-" + m + "-" + d, true
}

func (g *generator) addOrg(e *entry, sector string) {
	if len(e.codes) == 0 {
		g.droppedNoisy++
		return
	}
	code := strings.Fields(e.codes[0])[0]
	var o org
	switch {
	case len(code) >= 6 && g.isCountry(code[:3]):
		o.code, o.sector = code[:3], code[3:6]
	case len(code) >= 6 && strings.HasPrefix(code, "MNC") && g.isCountry(code[3:6]):
		o.code, o.sector = code[3:6], "BUS" // a country's firm: USA BUS as in orgs.txt
	case len(code) >= 6 && (strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "IMG") || strings.HasPrefix(code, "MNC")):
		o.code = code
		switch code[:3] {
		case "IMG":
			o.sector = "REB"
		case "MNC":
			o.sector = "BUS"
		default:
			o.sector = code[:3]
		}
	default:
		g.droppedNoisy++
		return
	}
	if !isUpper(o.code) || !isUpper(o.sector) {
		g.droppedNoisy++
		return
	}
	for _, n := range append([]string{e.name}, e.aliases...) {
		on, ok := orgName(n)
		if !ok {
			continue
		}
		if g.isKnown(on) {
			if len(o.names) == 0 {
				// The hand-written dictionary has this organisation.
				g.droppedKnown++
				return
			}
			continue
		}
		if g.seen[foldKey(on)] {
			continue
		}
		o.names = append(o.names, on)
		// "Kraft Foods Inc" is written "Kraft Foods" in the news.
		if short, ok := withoutFirmSuffix(on); ok && !g.isKnown(short) && !g.seen[foldKey(short)] {
			o.names = append(o.names, short)
		}
	}
	if len(o.names) == 0 {
		g.droppedNoisy++
		return
	}
	for _, n := range o.names {
		g.seen[foldKey(n)] = true
	}
	g.orgs = append(g.orgs, o)
}

// isKnown reports whether the hand-written dictionary has name.
func (g *generator) isKnown(name string) bool {
	_, ok := g.known.Lookup(name, "")
	return ok
}

// fullerName reports whether name is a hand-written person's name with
// more words in it: the same first and last word, and every word of the
// hand-written name inside ("Ahmed Ali Aboul Gheit" for Ahmed Aboul
// Gheit; not "Kim Il" for Kim Jong Il).
func (g *generator) fullerName(name string) bool {
	ws := strings.Fields(foldKey(name))
	if len(ws) < 3 {
		return false
	}
	have := map[string]bool{}
	for _, w := range ws {
		have[w] = true
	}
	for _, h := range g.handWords[ws[0]+" "+ws[len(ws)-1]] {
		all := true
		for _, w := range h {
			all = all && have[w]
		}
		if all {
			return true
		}
	}
	return false
}

// knownPerson reports whether name is a person of the hand-written
// dictionary.
func (g *generator) knownPerson(name string) bool {
	a, ok := g.known.Lookup(name, "")
	return ok && g.handPeople[a.Name]
}

func (g *generator) readAgents(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read Phoenix agents: %w", err)
	}
	defer f.Close()
	g.agents = map[string][]string{}
	macros := map[string][]string{}
	return eachLine(f, func(t string) {
		if strings.HasPrefix(t, "!") && strings.Contains(t, "=") {
			k, v, _ := strings.Cut(t, "=")
			for _, w := range strings.Split(v, ",") {
				macros[strings.TrimSpace(k)] = append(macros[strings.TrimSpace(k)], strings.TrimSpace(w))
			}
			return
		}
		name, codes, _ := splitLine(t)
		if len(codes) != 1 || !strings.HasPrefix(codes[0], "~") || len(codes[0]) < 4 {
			return
		}
		sector := codes[0][1:4]
		if !isUpper(sector) {
			return
		}
		for _, n := range expand(name, macros) {
			noun, ok := agentNoun(n)
			if !ok {
				g.droppedNoisy++
				continue
			}
			pl := plural(noun)
			if g.isKnown(noun) || g.isKnown(singular(noun)) || pl != "" && g.isKnown(pl) {
				// The hand-written dictionary has the noun in some form
				// ("fighters" is REB there; "fighter" is not UAF here).
				g.droppedKnown++
				continue
			}
			for _, form := range []string{noun, pl} {
				if form == "" || g.seen[foldKey(form)] {
					continue
				}
				g.seen[foldKey(form)] = true
				g.agents[sector] = append(g.agents[sector], form)
			}
		}
	})
}

// expand replaces each !MACRO! in s by each of its words; "!MINIST! OF_X"
// gives MINISTRY OF_X, MINISTRIES OF_X, ... Singular MINISTER forms are
// left to titles: a minister is one person, not a group.
func expand(s string, macros map[string][]string) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil
	}
	m := s[i : i+j+2]
	var out []string
	for _, w := range macros[m] {
		if w == "MINISTER" {
			continue
		}
		out = append(out, expand(s[:i]+w+s[i+j+2:], macros)...)
	}
	return out
}

func eachLine(r io.Reader, f func(string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		if t == "" || t[0] == '#' {
			continue
		}
		f(t)
	}
	return sc.Err()
}

func (g *generator) agentCount() int {
	n := 0
	for _, ns := range g.agents {
		n += len(ns)
	}
	return n
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, x := range s {
		k := foldKey(x)
		if !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}

func isUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return s != ""
}
