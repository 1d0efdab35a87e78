package timex

// class is the lexical class of a token for the grammar in scan.go. Adding
// a word to the grammar is adding a row to lexicon below.
type class uint8

const (
	cNone       class = iota
	cMonth            // val 1..12
	cMonthAbbr        // Jan., Sept., ...: val 1..12, needs a day or a year after it
	cWeekday          // val 1..7, Monday = 1 (ISO)
	cUnit             // val a unit; plural in flag
	cNumWord          // one .. ninety: val
	cOrdinal          // first .. thirty-first: val
	cRel              // last, next, this, ...: val a rel
	cMod              // early, late, mid, ...: val a mod
	cApprox           // about, nearly, ...
	cAgo              // ago, earlier, later, before: val +1 forward, -1 back
	cDeictic          // yesterday, today, tomorrow, tonight: val day offset
	cRef              // now, currently, recently: val a ref
	cPart             // morning, afternoon, evening, night: val a part
	cSeason           // spring, summer, fall, autumn, winter: val a season
	cSetAdv           // daily, weekly, ...: val a unit
	cEvery            // every, each, per
	cThe              // the, its, their
	cA                // a, an
	cFew              // few, several, couple, some, many
	cFiscal           // fiscal
	cClock            // noon, midnight, midday: val hour
	cAmPm             // a.m., p.m., am, pm: val 0 or 12
	cZone             // GMT, EST, UTC, local time words
	cHoliday          // christmas, ...: val index in holidays
	cAnniv            // anniversary
	cDayMark          // day, night after deictic ("the day")
	cHalfWord         // half
	cOf               // of
	cHyph             // a word with an inner hyphen not in the table
	cCentury          // century (kept apart from cUnit for "the 20th century")
	cApproxHead       // more, less, fewer, at, up, no: may start "more than", "at least"
	cDecadeWord       // the nineties: val the decade's first year
	cPhrase           // these, near, short, long, full, future, present: heads of fixed phrases
)

// Units of time.
const (
	uNone = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uFortnight
	uMonth
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
	uMillennium
)

// Relative words.
const (
	rLast = iota + 1
	rNext
	rThis
	rComing
	rPast
	rPrevious
	rFollowing
	rCurrent
	rLatest
	rRecent
	rThat
)

// Modifiers (TIMEX3 mod).
const (
	mStart = iota + 1
	mMid
	mEnd
	mEarlier // "earlier this year": START of the period
	mLater   // "later this month": END of the period
)

var modNames = [...]string{"", "START", "MID", "END", "START", "END"}

// References.
const (
	refPresent = iota + 1
	refPast
	refFuture
)

var refNames = [...]string{"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"}

// Parts of the day.
const (
	pMorning = iota + 1
	pAfternoon
	pEvening
	pNight
	pDay
)

var partCodes = [...]string{"", "MO", "AF", "EV", "NI", "DT"}

// Seasons.
var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

// seasonEnd is the last month of each season (northern hemisphere).
var seasonEnd = [...]int{0, 5, 8, 11, 2}

type entry struct {
	cls    class
	val    int16
	plural bool
}

// hThanksgiving is the US holiday on the fourth Thursday of November.
const hThanksgiving = 9

// holidays are fixed-date holidays: month and day.
var holidays = [...][2]int{{0, 0}, {12, 25}, {12, 24}, {1, 1}, {12, 31}, {7, 4}, {11, 11}, {5, 1}, {2, 14}}

var lexicon = map[string]entry{}

// lexShape has a bit for each (length, first byte, last byte) of a word in
// lexicon, so that most words skip the map lookup.
var lexShape [maxWordLen + 1][27][27]bool

func shapeIndex(c byte) int {
	if c >= 'a' && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

// mayBeInLexicon reports whether lower-case w may be a lexicon word.
func mayBeInLexicon(w []byte) bool {
	n := len(w)
	return n > 0 && n <= maxWordLen && lexShape[n][shapeIndex(w[0])][shapeIndex(w[n-1])]
}

func add(cls class, val int, words ...string) {
	for _, w := range words {
		lexicon[w] = entry{cls: cls, val: int16(val)}
	}
}

func addUnit(u int, singular string, plurals ...string) {
	lexicon[singular] = entry{cls: cUnit, val: int16(u)}
	for _, p := range plurals {
		lexicon[p] = entry{cls: cUnit, val: int16(u), plural: true}
	}
}

func init() {
	months := [][]string{
		{"january"}, {"february"}, {"march"}, {"april"}, {"may"}, {"june"},
		{"july"}, {"august"}, {"september"}, {"october"}, {"november"}, {"december"},
	}
	abbrs := [][]string{
		{"jan.", "jan"}, {"feb.", "feb"}, {"mar.", "mar"}, {"apr.", "apr"}, {}, {"jun.", "jun"},
		{"jul.", "jul"}, {"aug.", "aug"}, {"sept.", "sep.", "sept", "sep"}, {"oct.", "oct"}, {"nov.", "nov"}, {"dec.", "dec"},
	}
	for i := range months {
		add(cMonth, i+1, months[i]...)
		add(cMonthAbbr, i+1, abbrs[i]...)
	}
	days := [][]string{
		{"monday", "mon."}, {"tuesday", "tue.", "tues."}, {"wednesday", "wed."}, {"thursday", "thu.", "thur.", "thurs."},
		{"friday", "fri."}, {"saturday", "sat."}, {"sunday", "sun."},
	}
	for i := range days {
		add(cWeekday, i+1, days[i]...)
	}
	addUnit(uSecond, "second", "seconds")
	addUnit(uMinute, "minute", "minutes")
	addUnit(uHour, "hour", "hours")
	addUnit(uDay, "day", "days")
	addUnit(uWeek, "week", "weeks")
	addUnit(uWeekend, "weekend", "weekends")
	addUnit(uFortnight, "fortnight", "fortnights")
	addUnit(uMonth, "month", "months")
	addUnit(uQuarter, "quarter", "quarters")
	addUnit(uYear, "year", "years")
	addUnit(uDecade, "decade", "decades")
	addUnit(uMillennium, "millennium", "millennia", "millenniums")
	lexicon["century"] = entry{cls: cCentury, val: uCentury}
	lexicon["centuries"] = entry{cls: cUnit, val: uCentury, plural: true}
	add(cHalfWord, uHalf, "half")

	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range nums {
		add(cNumWord, i, w)
	}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		if w != "" {
			add(cNumWord, i*10, w)
		}
	}
	add(cNumWord, 100, "hundred")
	add(cNumWord, 12, "dozen")
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, w := range ords {
		if w != "" {
			add(cOrdinal, i, w)
		}
	}
	add(cOrdinal, 21, "twenty-first", "21st")
	add(cOrdinal, 30, "thirtieth")
	add(cOrdinal, 31, "thirty-first", "31st")
	for i := 1; i <= 31; i++ {
		suf := "th"
		switch {
		case i%10 == 1 && i != 11:
			suf = "st"
		case i%10 == 2 && i != 12:
			suf = "nd"
		case i%10 == 3 && i != 13:
			suf = "rd"
		}
		add(cOrdinal, i, itoa(i)+suf)
	}
	add(cRel, rLast, "last")
	add(cRel, rNext, "next")
	add(cRel, rThis, "this")
	add(cRel, rComing, "coming", "upcoming")
	add(cRel, rPast, "past")
	add(cRel, rPrevious, "previous", "preceding", "prior")
	add(cRel, rFollowing, "following", "subsequent")
	add(cRel, rCurrent, "current")
	add(cRel, rLatest, "latest", "most-recent")
	add(cRel, rRecent, "recent")
	add(cRel, rThat, "that")
	add(cMod, mStart, "early", "beginning", "start")
	add(cMod, mMid, "mid", "middle", "mid-", "midst")
	add(cMod, mEnd, "late", "end")
	add(cMod, mEarlier, "earlier")
	add(cMod, mLater, "later")
	add(cApprox, 0, "about", "nearly", "almost", "around", "roughly", "approximately", "some")
	add(cAgo, -1, "ago")
	add(cDeictic, -1, "yesterday")
	add(cDeictic, 0, "today")
	add(cDeictic, 1, "tomorrow")
	add(cDeictic, 100, "tonight")
	add(cRef, refPresent, "now", "currently", "nowadays", "presently")
	add(cRef, refPast, "recently", "lately")
	add(cPart, pMorning, "morning")
	add(cPart, pAfternoon, "afternoon", "mid-afternoon")
	add(cPart, pEvening, "evening")
	add(cPart, pNight, "night", "overnight")
	add(cSeason, 1, "spring")
	add(cSeason, 2, "summer")
	add(cSeason, 3, "fall", "autumn")
	add(cSeason, 4, "winter")
	add(cSetAdv, uDay, "daily", "nightly")
	add(cSetAdv, uWeek, "weekly")
	add(cSetAdv, uMonth, "monthly")
	add(cSetAdv, uYear, "annually", "yearly")
	add(cSetAdv, uHour, "hourly")
	add(cEvery, 0, "every", "each", "per")
	add(cThe, 0, "the")
	add(cA, 1, "a", "an")
	add(cFew, -1, "few", "several", "couple", "many")
	add(cFiscal, 0, "fiscal")
	add(cClock, 12, "noon", "midday")
	add(cClock, 24, "midnight")
	add(cAmPm, 0, "a.m.", "am", "a.m")
	add(cAmPm, 12, "p.m.", "pm", "p.m")
	add(cZone, 0, "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "msk")
	add(cHoliday, 1, "christmas")
	add(cHoliday, hThanksgiving, "thanksgiving")
	for i, w := range []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		add(cDecadeWord, 1920+10*i, w)
	}
	add(cHoliday, 3, "new year's day")
	add(cAnniv, 0, "anniversary")
	add(cOf, 0, "of")
	add(cApproxHead, 0, "more", "less", "fewer", "at", "up", "no")
	add(cPhrase, 0, "these", "near", "short", "long", "full", "future", "present")
	for w := range lexicon {
		if n := len(w); n <= maxWordLen {
			lexShape[n][shapeIndex(w[0])][shapeIndex(w[n-1])] = true
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
