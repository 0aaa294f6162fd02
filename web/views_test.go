package web

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"smmm"
)

// TestViewsMatchDomainJSON: the views encode the same members with the
// same values as the domain types' own MarshalJSON.
func TestViewsMatchDomainJSON(t *testing.T) {
	at := time.Date(2025, 11, 4, 9, 30, 0, 125_000_000, time.UTC)
	icon, sub := "Award", "alt başlık"
	m := smmm.ContactMessage{ID: "c1", Name: "Ayşe <b>", Email: "a@b.co", Phone: "1", Subject: "s\"q", Message: "m\n🎉",
		Status: smmm.StatusNew, CreatedAt: at, UpdatedAt: at.Add(time.Second)}
	s := smmm.AboutSection{ID: "s1", Title: "Hakkımızda", Subtitle: &sub, Description: "d", CreatedAt: at, UpdatedAt: at,
		Features: []smmm.AboutFeature{{ID: "f1", SectionID: "s1", Icon: &icon, Title: "t", Description: "d", IsActive: true, Order: 0}}}
	empty := smmm.AboutSection{ID: "s2", CreatedAt: at, UpdatedAt: at}
	tests := []struct {
		name   string
		domain any
		view   any
	}{
		{"contact message", m, viewContactMessage(m)},
		{"message list", []smmm.ContactMessage{m, m}, viewContactMessages([]smmm.ContactMessage{m, m})},
		{"about", s, viewAbout(s)},
		{"about without features", empty, viewAbout(empty)},
	}
	for _, tt := range tests {
		want, err := json.Marshal(tt.domain)
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(tt.view)
		if err != nil {
			t.Fatal(err)
		}
		// Same members and values; the views keep Prisma's key order.
		var g, w any
		json.Unmarshal(got, &g)
		json.Unmarshal(want, &w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s:\nview   %s\ndomain %s", tt.name, got, want)
		}
	}
}
