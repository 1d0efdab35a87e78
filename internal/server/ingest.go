package server

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Article is one article posted to POST /api/v1/articles.
type Article struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published"` // YYYY-MM-DD or RFC 3339; anything else is dropped with a warning
	Text      string `json:"text"`      // the body
}

// IngestResult is the answer to a POST.
type IngestResult struct {
	Added          int               `json:"added"`
	Duplicates     int               `json:"duplicates"`
	NearDuplicates int               `json:"near_duplicates"`
	Events         int               `json:"events"`
	Mentions       int               `json:"mentions"`
	Articles       []IngestedArticle `json:"articles"`
}

// IngestedArticle says what became of one posted article.
type IngestedArticle struct {
	ID       string `json:"id"`
	Events   int    `json:"events"`
	Entities int    `json:"entities"`
	// Published and PublishedFrom are the record's publication date and
	// where it came from (given, url, dateline); empty when undated.
	Published     string `json:"published,omitempty"`
	PublishedFrom string `json:"published_from,omitempty"`
	// Warnings say what was dropped from the input (a "published" that is
	// not a date).
	Warnings []string `json:"warnings,omitempty"`
}

// decodeArticles reads a JSON object, a JSON array of objects, or JSON
// Lines. It names the line or item at fault.
func decodeArticles(body []byte, jsonl bool, max, maxText int) ([]Article, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, errors.New("empty body: want a JSON article, an array of them, or JSON Lines")
	}
	var arts []Article
	switch {
	case !jsonl && trimmed[0] == '[':
		// Element by element, so that a badly typed one is named.
		var raws []json.RawMessage
		if err := json.Unmarshal(trimmed, &raws); err != nil {
			return nil, fmt.Errorf("bad JSON array: %w", jsonErr(err))
		}
		if len(raws) > max {
			return nil, fmt.Errorf("more than %d articles in one request", max)
		}
		arts = make([]Article, len(raws))
		for i, raw := range raws {
			if err := json.Unmarshal(raw, &arts[i]); err != nil {
				return nil, fmt.Errorf("article %d: bad JSON: %w", i+1, jsonErr(err))
			}
		}
	case !jsonl:
		var a Article
		if err := json.Unmarshal(trimmed, &a); err != nil {
			return nil, fmt.Errorf("bad JSON: %w", jsonErr(err))
		}
		arts = []Article{a}
	default:
		sc := bufio.NewScanner(bytes.NewReader(body))
		sc.Buffer(make([]byte, 0, 64<<10), len(body)+1)
		line := 0
		for sc.Scan() {
			line++
			l := bytes.TrimSpace(sc.Bytes())
			if len(l) == 0 {
				continue
			}
			var a Article
			if err := json.Unmarshal(l, &a); err != nil {
				return nil, fmt.Errorf("line %d: bad JSON: %w", line, jsonErr(err))
			}
			arts = append(arts, a)
			if len(arts) > max {
				break
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("cannot read JSON Lines: %w", err)
		}
	}
	if len(arts) == 0 {
		return nil, errors.New("no articles in body")
	}
	if len(arts) > max {
		return nil, fmt.Errorf("more than %d articles in one request", max)
	}
	for i := range arts {
		if err := arts[i].check(maxText); err != nil {
			return nil, fmt.Errorf("article %d: %w", i+1, err)
		}
	}
	return arts, nil
}

// jsonErr shortens encoding/json's messages.
func jsonErr(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%s at byte %d", se.Error(), se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Errorf("want an article object, got JSON %s", te.Value)
		}
		return fmt.Errorf("field %q: want %s, got JSON %s", te.Field, te.Type, te.Value)
	}
	return err
}

// check validates a posted article and fills in its id.
func (a *Article) check(maxText int) error {
	if strings.TrimSpace(a.Text) == "" {
		return errors.New(`"text" is missing or empty`)
	}
	if len(a.Text) > maxText {
		return fmt.Errorf(`"text" is %d bytes, above the limit of %d`, len(a.Text), maxText)
	}
	for name, v := range map[string]string{"id": a.ID, "url": a.URL, "source": a.Source, "title": a.Title, "published": a.Published} {
		if len(v) > 2048 {
			return fmt.Errorf("%q is longer than 2048 bytes", name)
		}
		if err := record.CheckText(v); err != nil {
			return fmt.Errorf("%q: %w", name, err)
		}
	}
	if err := record.CheckText(a.Text); err != nil {
		return fmt.Errorf(`"text": %w`, err)
	}
	if a.ID == "" {
		h := sha256.Sum256([]byte(a.Title + "\n\n" + a.Text))
		a.ID = hex.EncodeToString(h[:8])
	}
	if !validID(a.ID) {
		return fmt.Errorf(`"id" %q is not a valid id`, a.ID)
	}
	return nil
}

func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if !s.ingest {
		msg := "ingestion is disabled: this server listens beyond loopback without a token (start it with --token)"
		if s.pipe == nil {
			msg = "ingestion is disabled: this server is read-only"
		}
		s.fail(w, r, http.StatusForbidden, "", msg)
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
		s.fail(w, r, http.StatusUnauthorized, "", "missing or wrong bearer token")
		return
	}
	if len(r.URL.Query()) > 0 {
		for k := range r.URL.Query() {
			s.fail(w, r, http.StatusBadRequest, k, fmt.Sprintf("parameter %q: unknown parameter", k))
			return
		}
	}
	jsonl, err := requireJSON(r)
	if err != nil {
		s.fail(w, r, http.StatusUnsupportedMediaType, "", err.Error())
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.fail(w, r, http.StatusRequestEntityTooLarge, "", fmt.Sprintf("body larger than %d bytes", s.opts.MaxBodyBytes))
			return
		}
		s.fail(w, r, http.StatusBadRequest, "", "cannot read body: "+err.Error())
		return
	}
	arts, err := decodeArticles(body, jsonl, s.opts.MaxArticles, s.opts.MaxTextBytes)
	if err != nil {
		s.metrics.ingested.WithLabelValues("failed").Inc()
		s.fail(w, r, http.StatusBadRequest, "", err.Error())
		return
	}
	select {
	case s.annotating <- struct{}{}:
		defer func() { <-s.annotating }()
	case <-r.Context().Done():
		s.fail(w, r, http.StatusServiceUnavailable, "", "server busy annotating; retry later")
		return
	}
	recs := make([]*record.Record, 0, len(arts))
	res := IngestResult{Articles: make([]IngestedArticle, 0, len(arts))}
	for i, a := range arts {
		d := text.NewDocument(a.ID, a.Title, a.Text)
		d.URL, d.Source, d.Published = a.URL, a.Source, a.Published
		d.ResolvePublished("")
		if err := s.pipe.Run(r.Context(), d); err != nil {
			s.metrics.ingested.WithLabelValues("failed").Add(float64(len(arts)))
			if r.Context().Err() != nil {
				s.failErr(w, r, r.Context().Err())
				return
			}
			// The input was valid, so this is a stage's fault; it is logged,
			// and the client learns which article could not be read.
			s.log.Error("cannot annotate", "article", a.ID, "err", err)
			s.fail(w, r, http.StatusUnprocessableEntity, "", fmt.Sprintf("article %d (%s) could not be annotated: %v", i+1, a.ID, err))
			return
		}
		rec := d.Record()
		recs = append(recs, rec)
		res.Articles = append(res.Articles, IngestedArticle{ID: rec.ID, Events: len(rec.Events), Entities: len(rec.Entities),
			Published: rec.Published, PublishedFrom: rec.PublishedFrom, Warnings: d.Warnings})
	}
	pr, err := s.st.Put(r.Context(), recs)
	if err != nil {
		s.metrics.ingested.WithLabelValues("failed").Add(float64(len(arts)))
		s.failErr(w, r, fmt.Errorf("cannot store articles: %w", err))
		return
	}
	s.metrics.ingested.WithLabelValues("added").Add(float64(pr.Added))
	s.metrics.ingested.WithLabelValues("duplicate").Add(float64(pr.Duplicates))
	res.Added, res.Duplicates, res.NearDuplicates, res.Events, res.Mentions = pr.Added, pr.Duplicates, pr.NearDuplicates, pr.Events, pr.Mentions
	writeJSON(w, http.StatusOK, res)
}
