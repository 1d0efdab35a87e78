package learn

// Features are 64-bit hashes of a template id and its parts. Strings are
// hashed with FNV-1a; integers and earlier hashes are combined with a
// multiply-xorshift mix, so a feature costs a few multiplications and no
// allocation.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	mixK      = 0x9E3779B97F4A7C15
)

// String returns the FNV-1a hash of s.
func String(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// Template starts the hash of a feature of template t.
func Template(t int) uint64 { return mix(uint64(t) + 1) }

// Add combines h with v (a string hash, a small integer, an id).
func Add(h, v uint64) uint64 { return mix(h*mixK ^ v) }

// Hash2 and Hash3 are Add applied to a template's parts.
func Hash2(t int, a, b uint64) uint64    { return Add(Add(Template(t), a), b) }
func Hash3(t int, a, b, c uint64) uint64 { return Add(Add(Add(Template(t), a), b), c) }

// Hash1 is the feature of template t with one part.
func Hash1(t int, a uint64) uint64 { return Add(Template(t), a) }

func mix(x uint64) uint64 {
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	return x
}

// Bytes returns the FNV-1a hash of b, as String(string(b)).
func Bytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}
