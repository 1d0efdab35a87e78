package geo_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/geo"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/text"
)

// annotateNews runs the segmenter, the tagger, the actor stage and geo
// over body, as the default pipeline does.
func annotateNews(t *testing.T, body string) *text.Document {
	t.Helper()
	tg, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	ar, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	a, err := geo.New(geo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument("t", "", body)
	ctx := context.Background()
	for _, s := range []interface {
		Annotate(context.Context, *text.Document) error
	}{text.Segmenter{}, tg, ar, a} {
		if err := s.Annotate(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// placeOf returns the place whose text is name, or nil.
func placeOf(d *text.Document, name string) *text.Place {
	for i := range d.Places {
		if d.Slice(d.Places[i].Span) == name {
			return &d.Places[i]
		}
	}
	return nil
}

// TestDocumentPlaces checks document-level resolution on sentences of the
// kinds that went wrong on Wikinews: want is the country of the place ("" for a world region)
// named name, "CCC@lat,lon" to require a point within 161 km too, or "-"
// when name must not be a place.
func TestDocumentPlaces(t *testing.T) {
	f := func(body, name, want string) {
		t.Helper()
		want, at, _ := strings.Cut(want, "@")
		d := annotateNews(t, body)
		p := placeOf(d, name)
		if p != nil && at != "" {
			var lat, lon float64
			if _, err := fmt.Sscanf(at, "%g,%g", &lat, &lon); err != nil {
				t.Fatal(err)
			}
			if km := geo.Km(lat, lon, p.Lat, p.Lon); km > 161 {
				t.Errorf("%q resolved to %s (%s %.1f,%.1f, why %v), %.0f km from %s, in %q", name, p.Name, p.Country, p.Lat, p.Lon, p.Why, km, at, body)
			}
		}
		switch {
		case want == "-" && p != nil:
			t.Errorf("%q is a place (%s, %s, why %v) in %q", name, p.Name, p.Country, p.Why, body)
		case want != "-" && p == nil:
			t.Errorf("%q is no place in %q; places %v", name, body, d.Places)
		case want != "-" && p.Country != want:
			t.Errorf("%q resolved to %s (%s, why %v), want %s, in %q", name, p.Name, p.Country, p.Why, want, body)
		}
		for _, p := range d.Places {
			if len(p.Why) == 0 {
				t.Errorf("place %q has no why", d.Slice(p.Span))
			}
		}
	}
	// A street or quarter of a city that the gazetteer knows only
	// elsewhere: not a point on another continent.
	for _, name := range []string{"Piccadilly"} {
		body := "The former spy met an Italian contact at a sushi bar in Piccadilly before he fell ill. Police later searched his home in Muswell Hill in north London and a hotel in Mayfair."
		d := annotateNews(t, body)
		if p := placeOf(d, name); p != nil && p.Country != "GBR" {
			t.Errorf("%q resolved to %s (%s, why %v) in a London story", name, p.Name, p.Country, p.Why)
		}
	}
	// A small town the tagger found is kept without support; a section of
	// a town is not.
	f("Police searched his home in Muswell Hill on Friday. Russia denied any role, and Italy said its citizen had been questioned in Rome.", "Muswell Hill", "GBR")
	f("The student was in Kenya for medical camps in Nyanza province, and later visited Nairobi and Mombasa.", "Nyanza", "KEN")
	f("The student was in Kenya for medical camps in Borabu district, and later visited Nairobi and Mombasa.", "Borabu", "-")
	// Containment: "X in northern Angola" names X's country, even when
	// the tagger typed X otherwise.
	f("Aid workers said thousands of people expelled from the Democratic Republic of Congo were living in camps around the town of Mbanza Congo in northern Angola.", "Mbanza Congo", "AGO")
	f("Flooding cut the road to Victoria in southern Texas on Sunday, officials said.", "Victoria", "USA@28.8,-97.0")
	f("Residents of Hamilton, in New Zealand's North Island, woke to a magnitude 5 earthquake.", "Hamilton", "NZL@-37.8,175.3")
	f("Flooding closed schools in Franklin County, located in Vermont, on Monday, while Ohio and Indiana stayed dry.", "Franklin County", "USA@44.85,-72.9")
	// "City, Region" where the tagger typed the region otherwise: the
	// region still qualifies the city and is a place.
	f("Officials in Santa Maria, Davao del Sur, said the bridge was closed.", "Davao del Sur", "PHL")
	f("Officials in Santa Maria, Davao del Sur, said the bridge was closed.", "Santa Maria", "PHL@6.55,125.47")
	// A part of a town that the gazetteer does not know there lies in
	// the town: "the X district of T", "X, a suburb of T".
	f("Cholera broke out in the Mathare slum of Nairobi last week, health officials said.", "Mathare", "KEN@-1.26,36.86")
	// A kind noun in lower case is place evidence against the tagger's
	// person, also in the plural.
	f("UNHCR said the mostly Somali refugees in Kenya's overcrowded Dadaab camps need protection from floods.", "Dadaab", "KEN")
	f("Cholera spread in the provinces of Nyanza and Rift Valley, Kenyan officials said.", "Rift Valley", "KEN")
	// A hyphen and a space are one ("Croix des Bouquets" is GeoNames'
	// Croix-des-Bouquets, not France's Croix); a compass word opens a
	// region's name in either form ("South Darfur" is Southern Darfur).
	f("Gangs attacked a police station in Croix des Bouquets, a Haitian town near the capital.", "Croix des Bouquets", "HTI@18.58,-72.23")
	f("The minister visited Nyala, the capital of South Darfur, where thousands of refugees live in camps.", "South Darfur", "SDN@11.5,24.7")
	// "X Valley" is the valley around X, also before a kind word; a
	// capital's name that holds the tagger's person is the capital.
	f("The outbreak was traced to spinach grown in the Salinas Valley region of California.", "Salinas Valley", "USA@36.7,-121.6")
	f("Helicopters reached the tourist town of Kalam in the Swat Valley on Tuesday.", "Swat Valley", "PAK")
	f("Troops moved into the Tirah Valley near the Afghan border, Pakistani officials said on Sunday.", "Tirah Valley", "-")
	f("Cholera spread north of the earthquake-ravaged capital, Port-Au-Prince, aid workers said.", "Port-Au-Prince", "HTI")
	// Villages of fewer than 1,000 are known under names that nothing
	// larger bears, and need the text's support: a country, a place near
	// them, a kind word; never an everyday word.
	f("Romanian officials confirmed bird flu in the villages of Bumbacari and Dudescu on Thursday.", "Dudescu", "ROU@44.95,27.43")
	f("James Jones, a former Marine commandant, backed the plan in Washington and Brussels.", "Marine", "-")
	f("A judge at the Old Bailey in London jailed the man for eight years after an FBI sting, Scotland Yard said.", "Bailey", "-")
	f(`Rosasi, who grew up in Gulu, Uganda, said: "For example, in 2021, I joined the IT Bridger Academy and at that time the digital skills were gained."`, "Bridger", "-")
	// Islands and archipelagos that GeoNames' towns lack.
	f("Britain agreed to lease back Diego Garcia, the largest of the Chagos Islands, for 99 years.", "Diego Garcia", "IOT@-7.3,72.4")
	f("Chinese coast guard ships fired water cannon near the Scarborough Shoal, Manila said.", "Scarborough Shoal", "@15.15,117.76")
	// A region name shared by several countries goes to the one the story
	// is about.
	f("Zimbabwean officials reported new cholera cases in the Midlands, where the rains began last week.", "Midlands", "ZWE")
	f("Flooding closed roads across the Midlands, and trains from Birmingham to London were cancelled.", "Midlands", "GBR")
	f("A car bomb exploded in the Karrada district of Baghdad on Friday.", "Karrada", "IRQ@33.3,44.4")
	f("Police said the fire began in a house in Toowong, a suburb of Brisbane.", "Toowong", "AUS@-27.45,153.0")
	// Same-name towns go to the state or country that the story names.
	f("Firefighters in Portland battled a warehouse fire for six hours on Tuesday. The governor of Maine said the state would help the owners rebuild.", "Portland", "USA@43.7,-70.3")
	f("Officials in Perth said the bridge over the River Tay would reopen. Scottish ministers and the Scottish police welcomed the news.", "Perth", "GBR@56.4,-3.4")
	f("A storm knocked out power in London on Monday. Hydro crews from across Ontario were sent to help.", "London", "CAN")
	f("The council of Hamilton approved a new stadium on Monday. It is the largest city in the Waikato region of New Zealand after Auckland.", "Hamilton", "NZL")
	// A qualifier or containment phrase that rules out every town of the
	// name leaves it unresolved, not put in another country; a list of
	// countries after a name is no qualifier.
	f("A farmer from Ardrossan, Saskatchewan, said hail had flattened his barley.", "Ardrossan", "-")
	f("Hail flattened barley fields near Ardrossan in central Saskatchewan on Monday.", "Ardrossan", "-")
	f("Ferries to the island leave from Ardrossan, Scotland, twice a day.", "Ardrossan", "GBR")
	f("Cholera cases were reported in Kasese, Kenya and Tanzania this month.", "Kasese", "UGA")
	// Items of a list of towns lie in one country: an item the gazetteer
	// knows only in another country is not put there.
	f("Police were sent to Molo, Oyugis, Dunmore and Kericho after the clashes.", "Dunmore", "-")
	// A region that holds a town vouches for it once: "New Jersey" does not
	// also count as a place near New Brunswick, NJ.
	f("Cases were confirmed in Alberta, Manitoba, Ontario and New Brunswick, and earlier in New Jersey and New York.", "New Brunswick", "CAN")
	// "Name, age, of X": X is where the person lives, even before "said"
	// and whatever the tagger typed it; "X-based" names a place.
	f("Sara Mendez, 41, of Lubbock said the storm tore the roof off her barn.", "Lubbock", "USA")
	f("Tom Reyes, 62, of Abilene told reporters the water was safe to drink.", "Abilene", "USA")
	f("The Leeds-based charity Northern Aid said it had sent two lorries of blankets.", "Leeds", "GBR")
	f("The reporter, who holds UK-Algerian citizenship, was released on Monday.", "UK", "-")
	f("Talks on Kenyan-U.S. trade resumed on Monday.", "U.S.", "USA")
	f("A Los Angeles-based lawyer filed the suit.", "Angeles", "-")
	f("The bank moved its Java-based trading software to the cloud.", "Java", "-")
	f("The UK-based Wellbeing Trust paid for the study.", "UK", "GBR")
	f("The court said the White House had not answered.", "White House", "-")
	// A name ending on "Beach" or "County" is a place even where the
	// tagger saw a person.
	f("Compared with Glendale or Redondo Beach, our streets are narrow, Ramirez said.", "Redondo Beach", "USA")
	f("A judge in Washoe County, Nevada, ordered the ballots recounted.", "Washoe County", "USA")
	// A name that is also a common word needs place evidence: a
	// locative preposition, the tagger's LOC, or the name as a place
	// elsewhere in the article.
	f("Shares of companies with a Surprise factor rose, analysts said.", "Surprise", "-")
	f("The couple moved to Surprise last year to be near their grandchildren in Phoenix.", "Surprise", "USA")
	// The surname of a person named in full is the person later on; a
	// flu strain's name and a time zone are no places.
	f("The scientist Paul Ivins died on Tuesday, a newspaper reported. Ivins, who worked at the laboratory for years, had been questioned.", "Ivins", "-")
	f("This year's vaccine protects against an A/Texas/50/2012-like virus.", "Texas", "-")
	f("The alarm sounded at 2:15 p.m. EST on Friday, a spokesman said.", "EST", "-")
	f("Exports of wheat were worth $US 3 billion last year.", "US", "-")
	f("Staff at The Center for Rural Health said the clinic would close.", "The Center", "-")
	// Lists: items of a list are not "City, Region" pairs, and a name in
	// a list of states or countries is a state or a country.
	f("Health officials in other countries such as Mexico, China, Japan, Ukraine and Brazil also reported cases.", "China", "CHN")
	f("Sick birds were reported in Oregon, Tennessee, Texas, Utah, Virginia, Washington, West Virginia and Wyoming.", "Washington", "USA@47.5,-120.5")
	f("Officials are investigating cases in Washington, Pennsylvania and California.", "Washington", "USA@47.5,-120.5")
	f("Firefighters from Springfield, Illinois, and Columbus, Ohio, were called.", "Springfield", "USA@39.8,-89.6")
	// A hyphenated place the tagger split into pieces.
	f("Doctors found a drug-resistant strain in the South African region KwaZulu-Natal last year.", "KwaZulu-Natal", "ZAF")
	f("The index named Africa's Sahel region as the centre of the attacks.", "Sahel", "")
	// Names that end on a word with an inner capital; a country's flu
	// season.
	f("Cases were reported in Côte d'Ivoire and Ghana on Friday.", "Côte d'Ivoire", "CIV")
	f("With the United States flu season under way, clinics expect more patients.", "United States", "USA")
	// Companies, broadcasters, courts and people named after places are
	// not places.
	f("Will Steele, the chief executive of Frontera Produce, said the melons were recalled.", "Frontera", "-")
	f("The series is made under licence from Hit Entertainment, which owns the rights.", "Hit", "-")
	f("He was treated at Wesley Medical Center in Wichita, Kansas, doctors said.", "Wesley", "-")
	f("The interview was broadcast by Rustavi 2 on Sunday evening.", "Rustavi", "-")
	f("Hundreds of pilgrims died in a stampede at Jamarat Bridge near Mecca on Thursday.", "Bridge", "-")
	f("The case will be heard at Lund District Court next month, prosecutors in Sweden said.", "Lund", "-")
}

// TestAnnotateSpans checks that given spans are read with the words around
// them, as in recognition: "the state of X", "X state", "X in Y".
func TestAnnotateSpans(t *testing.T) {
	a, err := geo.New(geo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := func(body, name, want string) {
		t.Helper()
		d := text.NewDocument("t", "", body)
		i := strings.Index(body, name)
		if err := a.AnnotateSpans(context.Background(), d, []text.Span{{Start: i, End: i + len(name)}}); err != nil {
			t.Fatal(err)
		}
		got := "-"
		if len(d.Places) > 0 {
			got = d.Places[0].Country + " " + d.Places[0].Feature
		}
		if got != want {
			t.Errorf("%q in %q: got %s, want %s", name, body, got, want)
		}
	}
	f("The apples came from a Washington state orchard.", "Washington", "USA ADM1")
	f("Wildfires spread across the state of Washington on Friday.", "Washington", "USA ADM1")
	f("Hail flattened barley fields near Ardrossan in central Saskatchewan on Monday.", "Ardrossan", "-")
}
