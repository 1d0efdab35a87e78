package event

import "testing"

// TestVerbalTargets: a verbal act whose object is no actor is aimed at the
// actor after against/on/at or at the agent of the object ("the
// accusations made by X"), within the verb's own clause.
func TestVerbalTargets(t *testing.T) {
	c := fixtureCoder(t)
	f := expectEvents(t, c)
	f("Moscow is threatening retaliation against Washington.", "RUS>USA 130 THREATEN threatening")
	f("Kyiv blamed the recent attacks on Russian troops.", "UKR>RUSMIL 110 ACCUSE blamed")
	f("The rebels have been fighting an insurgency against Russia.", "REB>RUS 190 ASSAULT fighting")
	f("Moscow hit back at Kyiv on Tuesday.", "RUS>UKR 110 ACCUSE hit")
	f("Germany rejected Russia's proposal.", "DEU>RUS 125 REJECT rejected")
	f("Kyiv barred Russian troops from entering the city.", "UKR>RUSMIL 172 COERCE barred")
	f("The rebels have been fighting an insurgency on the border.", "REB>- 190 ASSAULT fighting")
	f("Beijing rejected the accusations made by Washington.", "CHN>USA 016  rejected")
	// Another clause is not the verb's.
	f("Washington warned that it would keep its sanctions on Russia.", "USA>- 012  warned", "USA>RUS 163 SANCTION sanctions hypo")
	// Reported speech: the pronouns of the report.
	f("Iran said Israel attacked its embassy.", "ISR>IRN 180 ASSAULT attacked")
	// A demand of no one named is none: "they" is not Putin.
	f("\u201cWhether they agree or not, they should talk,\u201d Putin said.")
	f("\u201cWe must protect our people,\u201d Putin said.")
	f("Putin said Ukraine must stop the attacks.", "RUSGOV>UKR 100 REQUEST stop")
	// Denials.
	f("Israel denied carrying out the attack on Iran.", "ISR>IRN 016  denied", "ISR>IRN 180 ASSAULT carrying neg")
	// A fronted phrase is not a list member of the subject.
	f("Since Putin's visit, Washington and Kyiv have condemned Beijing.", "USA>CHN 111 ACCUSE condemned", "UKR>CHN 111 ACCUSE condemned")
	// A denial answers the accuser of the sentences before.
	f("Washington accused Beijing of spying. Beijing denies the allegations.", "USA>CHN 1125 ACCUSE accused", "CHN>USA 016  denies")
}
