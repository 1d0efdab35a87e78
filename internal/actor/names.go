package actor

import "strings"

// firstNames gives the usual gender of common first names in world news,
// for people who are not in the dictionary.
var firstNames = map[string]byte{}

func init() {
	for _, n := range []string{
		"john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
		"christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
		"kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan",
		"jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon",
		"benjamin", "samuel", "frank", "gregory", "raymond", "alexander", "patrick", "jack", "dennis", "jerry",
		"tyler", "aaron", "henry", "peter", "adam", "nathan", "douglas", "zachary", "walter", "kyle", "harold",
		"carl", "arthur", "gerald", "roger", "keith", "jeremy", "terry", "lawrence", "sean", "christian",
		"albert", "joe", "ethan", "austin", "jesse", "willie", "billy", "bruce", "ralph", "bryan", "bobby",
		"russell", "roy", "eugene", "louis", "philip", "johnny", "mike", "bill", "tom", "jim", "bob", "tony",
		"vladimir", "sergei", "sergey", "dmitry", "dmitri", "alexei", "alexey", "ivan", "nikolai", "mikhail",
		"yuri", "andrei", "andrey", "igor", "oleg", "viktor", "victor", "boris", "pavel", "volodymyr",
		"oleksandr", "olexander", "petro", "mykola", "ali", "mohammed", "muhammad", "mohammad", "ahmed",
		"ahmad", "hassan", "hussein", "hossein", "omar", "abdullah", "ibrahim", "mahmoud", "mustafa",
		"recep", "emmanuel", "francois", "jean", "pierre", "jacques", "nicolas", "michel", "luis", "jose",
		"carlos", "juan", "miguel", "pedro", "antonio", "manuel", "francisco", "jorge", "javier", "alejandro",
		"giuseppe", "giovanni", "marco", "matteo", "luca", "hans", "klaus", "wolfgang", "friedrich", "olaf",
		"heinz", "karl", "jens", "lars", "sven", "erik", "jan", "piotr", "andrzej", "tomasz", "krzysztof",
		"narendra", "rahul", "amit", "raj", "sanjay", "arjun", "imran", "nawaz", "shehbaz", "benjamin",
		"yair", "naftali", "moshe", "avi", "yitzhak", "shinzo", "fumio", "yoshihide", "taro", "hiroshi",
		"kim", "moon", "yoon", "lee", "jair", "luiz", "inacio", "xi", "li", "wang", "hu", "jiang", "zhou",
		"joko", "rodrigo", "ferdinand", "justin", "stephen", "boris", "rishi", "keir", "tony", "gordon",
		"barack", "joe", "kamala", "emmerson", "cyril", "jacob", "thabo", "nelson", "uhuru", "william",
		"abiy", "bola", "muhammadu", "goodluck", "paul", "yoweri", "ramzan", "yevgeny", "sergiy", "serhiy",
	} {
		firstNames[n] = 'm'
	}
	for _, n := range []string{
		"mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
		"lisa", "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
		"carol", "amanda", "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura",
		"cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela", "emma", "nicole",
		"helen", "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine",
		"maria", "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly",
		"lauren", "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline",
		"martha", "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice", "jean",
		"abigail", "alice", "judy", "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle",
		"beverly", "isabella", "theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla",
		"alexis", "lori", "hillary", "kamala", "nikki", "condoleezza", "madeleine", "angela", "ursula",
		"theresa", "liz", "jacinda", "giorgia", "marine", "segolene", "annalena", "kaja", "sanna", "mette",
		"olena", "yulia", "iryna", "natalia", "natalya", "svetlana", "olga", "tatiana", "tatyana", "elena",
		"irina", "anastasia", "ekaterina", "maria", "valentina", "fatima", "aisha", "ayesha", "benazir",
		"indira", "sonia", "priyanka", "nirmala", "sheikh", "tsai", "ellen", "ngozi", "kristalina",
		"christine", "janet", "nancy", "dilma", "cristina", "michelle", "claudia", "xiomara", "golda", "tzipi",
	} {
		firstNames[n] = 'f'
	}
	// Names given to both or mostly used as surnames are not a signal.
	for _, n := range []string{"kim", "moon", "lee", "jean", "sheikh", "tsai", "li", "wang", "hu", "jiang", "zhou", "yoon"} {
		delete(firstNames, n)
	}
}

// commonSurnames are family names shared by too many people for a lone
// mention to mean the one newsmaker of that name who is out of office.
var commonSurnames = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`
		smith johnson williams brown jones miller davis wilson moore taylor anderson thomas jackson white
		harris martin thompson garcia martinez robinson clark rodriguez lewis lee walker hall allen young
		king wright scott green baker adams nelson hill campbell mitchell roberts carter phillips evans
		turner parker collins edwards stewart morris murphy cook rogers morgan cooper peterson reed bailey
		bell kelly howard ward cox richardson wood watson brooks bennett gray james hughes price sanders
		powell long ross foster jenkins perry russell sullivan butler barnes fisher henderson coleman
		simmons patterson jordan reynolds hamilton graham wallace rice gates hunt marin warren abbott paul
		ryan austin li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin kim park
		choi nguyen singh kumar khan ali hassan hussein mohamed mohammed ahmed shah patel gandhi sharif
		cohen levy muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann koch richter
		klein wolf rossi russo ferrari bernard dubois robert petit durand moreau laurent simon michel
		lefebvre fernandez lopez gonzalez sanchez perez gomez diaz santos silva costa ivanov smirnov popov
		petrov kuznetsov sokolov francis benedict william elizabeth charles harry salman abdullah
		chan wong leung cheung lam ho ng yeung tang lau`) {
		commonSurnames[n] = true
	}
}

// IsCommonName reports whether a person's name is a common first name and
// a common surname ("James Brown", "Raymond Wong"): shared by too many
// people for the name alone to mean one minor official, so the generated
// dictionary leaves such people out.
func IsCommonName(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return false
	}
	first, last := fold(ws[0]), fold(ws[len(ws)-1])
	_, common := firstNames[first]
	return common && commonSurnames[last]
}

// IsFirstName reports whether w (any case) is one of the common first
// names of world news the dictionary knows (John, Vladimir, Alice): the
// entity tagger asks whether a name opens with a person's given name.
func IsFirstName(w string) bool {
	_, ok := firstNames[fold(w)]
	return ok
}
