package event

import "testing"

// TestTreeRoles: the doer and the one acted on are read from the
// dependency tree: the subject, not a speaker in another clause; the
// controller of an infinitive; every conjunct of a coordinated subject;
// the agent of a passive; the doer of a verb in a participial clause; the
// actor an "it" stands for. A state's forces that kill armed men use
// conventional force (19x), not unconventional violence (18x).
func TestTreeRoles(t *testing.T) {
	c := fixtureCoder(t)
	f := expectEvents(t, c)
	f("The rebels attacked the convoy, an army spokesman said.", "REB>- 180 ASSAULT attacked")
	f("Kyiv urged Washington to sanction Moscow.", "UKR>USA 020 REQUEST urged", "USA>RUS 163 SANCTION sanction hypo")
	f("Rebels and protesters attacked the police.", "REB>COP 180 ASSAULT attacked", "PRT>COP 180 ASSAULT attacked")
	f("Police killed the rebels in Kyiv.", "COP>REB 190 ASSAULT killed")
	// A list after "from" when the tree's subject is nobody known; a
	// generic noun is of the actor after "of"; a clause before a comma is
	// no list member.
	f("Officials from Russia and China met in Geneva.", "RUS>CHN 044 CONSULT met", "CHN>RUS 044 CONSULT met")
	f("The government of Russia criticised Ukraine.", "RUSGOV>UKR 110 ACCUSE criticised")
	f("Top officials from Russia criticised Ukraine.", "RUSGOV>UKR 110 ACCUSE criticised")
	f("Three days after Zelensky took office, China criticised Ukraine.", "CHN>UKR 110 ACCUSE criticised")
	// A subordinator the parse took for a preposition: its object is the
	// clause's subject.
	f("Trade fell sharply after Russia attacked Ukraine.", "RUS>UKR 180 ASSAULT attacked")
	// Whom territory or aid goes to or is taken from.
	f("Russia annexed the region from Ukraine.", "RUS>UKR 192 COERCE annexed")
	f("China donated vaccines to Iran.", "CHN>IRN 070 AID donated")
	// The doer of a gerund after a preposition: the object of "accuse X
	// of", else the governing clause's subject; what is alleged or weighed
	// is not fact.
	f("Kyiv blamed Moscow, accusing it of providing weapons to the rebels.", "UKR>RUS 110 ACCUSE blamed", "UKR>RUS 112 ACCUSE accusing", "RUS>REB 072 AID providing hypo")
	f("Iran accused Israel of supporting the rebels.", "IRN>ISR 112 ACCUSE accused", "ISR>REB 050 SUPPORT supporting hypo")
	f("Washington is hinting at lifting its sanctions on Russia.", "USA>RUS 085 RETREAT lifting hypo")
	// A nominal event's agent after "by".
	f("Kyiv condemned the invasion of Ukraine by Russia.", "UKR>RUS 111 ACCUSE condemned", "RUS>UKR 190 ASSAULT invasion")
	// An apposition is the same actor, not a second one.
	f("Police arrested Lavrov, a Russian diplomat, on Monday.", "COP>RUSGOV 173 COERCE arrested")
	f("The Ukrainian army was attacked by Russian troops on Monday.", "RUSMIL>MIL 190 ASSAULT attacked")
	f("Beijing has been criticising Washington since 2020, accusing it of spying.", "CHN>USA 110 ACCUSE criticising", "CHN>USA 1125 ACCUSE accusing")
}

// TestTreeObjects: where the verb's pattern names no target, the tree's
// object or indirect object is the target when its head word names an
// actor, and the addressee of "call for/on X to V" is the target of the
// appeal; a thing an actor word modifies is no target.
func TestTreeObjects(t *testing.T) {
	c := fixtureCoder(t)
	f := expectEvents(t, c)
	f("Kyiv called for Moscow to free the prisoners.", "UKR>RUS 020 REQUEST called", "RUS>- 0841 RETREAT free hypo")
	f("Iran refused Israel access to the port.", "IRN>ISR 120 REJECT refused")
	// A thing is aimed at the country whose it is, not at the one a
	// possessive pronoun stands for.
	f("Ukraine rejected the Russian proposal.", "UKR>RUS 125 REJECT rejected")
	// The one asked to act is no place before the infinitive: "flew to
	// Beijing to meet Xi" is Putin meeting Xi; "pleaded with X to V"
	// asks X.
	f("Putin flew to Beijing on Monday to meet Xi.", "RUSGOV>CHN 042 CONSULT flew", "RUSGOV>CHNGOV 040 CONSULT meet hypo")
	f("Kyiv pleaded with Moscow to free the prisoners.", "UKR>RUS 020 REQUEST pleaded", "RUS>- 0841 RETREAT free hypo")
	// A thing an actor word modifies does nothing; a weapon is its
	// user's.
	f("The Chinese plan helped Russia.")
	f("Russian drones attacked Kyiv.", "RUS>UKR 180 ASSAULT attacked")
	// A list of nationalities on one noun is one actor each.
	f("Russian and Chinese troops attacked Kyiv.", "RUS>UKR 180 ASSAULT attacked", "CHN>UKR 180 ASSAULT attacked")
	// A later conjunct of what is asked is asked too; a quotation with a
	// verb is what was said, not a name in scare quotes.
	f("Kyiv urged Moscow to free the prisoners and withdraw its troops.", "UKR>RUS 020 REQUEST urged", "RUS>- 0841 RETREAT free hypo", "RUS>MIL 0872 RETREAT withdraw hypo")
	f("\"We urge Kyiv to negotiate,\" Lavrov said.", "RUSGOV>UKR 027 REQUEST urge")
	// An attack on a thing of a sector is on the sector; on a thing that
	// carried people, on them.
	f("The rebels attacked an army convoy near Kyiv.", "REB>MIL 190 ASSAULT attacked")
	f("The rebels ambushed a bus carrying Russian troops.", "REB>RUSMIL 190 ASSAULT ambushed")
	f("Ukraine rejected their proposal.", "UKR>- 125 REJECT rejected")
}
