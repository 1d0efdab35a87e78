package amount

// Unit tables. A currency is named by its ISO 4217 code; a measure by a
// short canonical name. Adding a currency or unit is adding a row.

// currencySymbols maps a currency sign to its code.
var currencySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₺": "TRY",
	"₩": "KRW", "₪": "ILS", "₴": "UAH", "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND",
	"US$": "USD", "C$": "CAD", "A$": "AUD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL",
}

// dollarPrefixes are the words that turn a following "$" into another
// dollar: "US $", "HK$" split by the tokenizer.
var dollarPrefixes = map[string]string{
	"US": "USD", "U.S.": "USD", "C": "CAD", "A": "AUD", "AU": "AUD", "HK": "HKD", "NZ": "NZD", "S": "SGD", "R": "BRL", "NT": "TWD",
}

// currencyWords maps a currency name (lower case) to its code.
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yuan": "CNY", "renminbi": "CNY",
	"rmb": "CNY", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "pound": "GBP",
	"pounds": "GBP", "sterling": "GBP", "yen": "JPY", "won": "KRW", "rupee": "INR", "rupees": "INR",
	"lira": "TRY", "liras": "TRY", "lire": "TRY", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
	"shekel": "ILS", "shekels": "ILS", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnias.": "UAH", "rand": "ZAR",
	"naira": "NGN", "francs": "CHF", "franc": "CHF", "rial": "IRR", "rials": "IRR", "tenge": "KZT",
	"zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "forints": "HUF", "krona": "SEK", "kronor": "SEK",
	"krone": "NOK", "kroner": "NOK", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "dong": "VND",
	"pesos": "MXN", "peso": "MXN", "reais": "BRL", "real": "", "bitcoin": "BTC", "bitcoins": "BTC",
}

// currencyCodes are ISO codes that may stand before or after a number.
var currencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "CNY": true, "RMB": true, "JPY": true, "RUB": true, "INR": true,
	"TRY": true, "CHF": true, "CAD": true, "AUD": true, "HKD": true, "SAR": true, "AED": true, "ILS": true,
	"UAH": true, "ZAR": true, "NGN": true, "KRW": true, "BRL": true, "MXN": true, "IRR": true, "SEK": true,
	"NOK": true, "DKK": true, "PLN": true, "HUF": true, "KZT": true, "EGP": true, "PKR": true, "SGD": true,
}

// measureUnits maps a unit word (lower case) to its canonical name.
var measureUnits = map[string]string{
	"km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
	"miles": "mile", "mile": "mile", "meters": "m", "metres": "m", "meter": "m", "metre": "m",
	"feet": "ft", "foot": "ft", "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb", "ounce": "oz", "ounces": "oz", "kg": "kg", "kilograms": "kg", "kilogram": "kg", "tons": "t",
	"tonnes": "t", "ton": "t", "tonne": "t", "barrels": "barrel", "barrel": "barrel", "bpd": "barrel/day",
	"hectares": "ha", "hectare": "ha", "acres": "acre", "acre": "acre", "mw": "MW", "gw": "GW",
	"megawatts": "MW", "gigawatts": "GW", "liters": "l", "litres": "l", "gallons": "gal", "kwh": "kWh",
	"sq": "", "square": "", "cubic": "",
}
