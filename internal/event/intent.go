package event

// Recoding of events that are intended, threatened, refused or demanded
// rather than done: CAMEO codes the expression ("X will visit Y" is 036,
// "X threatened to attack Y" is 138, "X refused to release Y" is 1243,
// "Y must withdraw", said X, is 1056), not the act itself.

// Modal contexts of an event.
const (
	ctxNone = iota
	ctxIntent
	ctxThreat
	ctxRefuse
	ctxDemand
)

// matrixContext says which context a verb puts its infinitive complement
// in: "agreed to", "threatened to", "refused to".
var matrixContext = map[string]int{
	"agree": ctxIntent, "offer": ctxIntent, "promise": ctxIntent, "pledge": ctxIntent, "vow": ctxIntent,
	"decide": ctxIntent, "plan": ctxIntent, "commit": ctxIntent, "prepare": ctxIntent, "intend": ctxIntent,
	"want": ctxIntent, "hope": ctxIntent, "expect": ctxIntent, "undertake": ctxIntent, "swear": ctxIntent,
	"threaten": ctxThreat, "warn": ctxThreat,
	"refuse": ctxRefuse, "decline": ctxRefuse, "fail": ctxRefuse, "reject": ctxRefuse,
}

// recode returns the code an event of code c takes in context ctx (and
// negation), or c when it stays.
func (c *Coder) recode(code string, ctx int, neg bool) string {
	if ctx == ctxIntent && neg {
		ctx = ctxRefuse
	}
	root := code[:2]
	three := code
	if len(three) > 3 {
		three = three[:3]
	}
	pick := func(cands ...string) string {
		for _, x := range cands {
			if _, ok := c.dict.codes[x]; ok && x != "" {
				return x
			}
		}
		return code
	}
	conflict := root >= "14"
	switch ctx {
	case ctxIntent:
		if conflict {
			return c.recode(code, ctxThreat, false)
		}
		switch root {
		case "04":
			return pick("036")
		case "05":
			return pick("032")
		case "06":
			return pick(map[string]string{"061": "0311", "062": "0312", "063": "0313", "064": "0314"}[three], "031")
		case "07":
			return pick(map[string]string{"071": "0331", "072": "0332", "073": "0333", "074": "0334"}[three], "033")
		case "08":
			m := map[string]string{"081": "0351", "083": "0342", "0831": "0341", "084": "0353", "0841": "0353",
				"085": "0354", "086": "0355", "087": "0356", "0871": "0356", "0872": "0356"}
			return pick(m[code], m[three], "035")
		case "09", "10", "11", "12", "13":
			return code
		}
		return code
	case ctxThreat:
		switch root {
		case "14":
			return pick("133")
		case "15":
			return pick("138")
		case "16":
			m := map[string]string{"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136"}
			return pick(m[three], "131")
		case "17":
			return pick(map[string]string{"172": "132", "173": "132", "174": "132"}[three], "137")
		case "18":
			return pick(map[string]string{"183": "1383", "185": "137", "186": "137"}[three], "138")
		case "19":
			return pick(map[string]string{"191": "1381", "192": "1382"}[three], "1384", "138")
		case "20":
			return pick(map[string]string{"204": "1385"}[three], "138")
		case "08":
			if three == "087" {
				return code // "threatened to withdraw" stays a retreat in words
			}
		}
		return pick("130")
	case ctxRefuse:
		switch root {
		case "03", "04":
			return pick("125")
		case "05":
			return pick("120")
		case "06":
			return pick(map[string]string{"061": "1211", "062": "1212"}[three], "121")
		case "07":
			return pick(map[string]string{"071": "1221", "072": "1222", "073": "1223"}[three], "122")
		case "08":
			m := map[string]string{"0831": "1231", "084": "1243", "0841": "1243", "085": "1244", "087": "1246",
				"0871": "1246", "0872": "1246", "081": "1243"}
			return pick(m[code], m[three], "124")
		}
		return pick("120")
	case ctxDemand:
		switch root {
		case "08":
			m := map[string]string{"0831": "1041", "084": "1052", "0841": "1052", "085": "1054", "087": "1056",
				"0871": "1056", "0872": "1056"}
			return pick(m[code], m[three], "105")
		case "04":
			return pick("106")
		case "06":
			return pick("101")
		case "07":
			return pick("103")
		}
		return pick("100")
	}
	return code
}
