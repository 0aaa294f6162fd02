package web

import (
	"smmm"
)

// The JSON shapes of the domain types, with times as ready-made strings.
// smmm's types marshal to the same JSON through their MarshalJSON methods;
// these views exist because encoding/json re-scans whatever a MarshalJSON
// method returns, which made encoding the costliest step of the about
// read. TestViewsMatchDomainJSON keeps the two equal, member for member;
// the views keep the Prisma models' key order (times before features).

type contactMessageView struct {
	ID        string      `json:"id"`
	Name      string      `json:"name"`
	Email     string      `json:"email"`
	Phone     string      `json:"phone"`
	Subject   string      `json:"subject"`
	Message   string      `json:"message"`
	Status    smmm.Status `json:"status"`
	CreatedAt string      `json:"createdAt"`
	UpdatedAt string      `json:"updatedAt"`
}

func viewContactMessage(m smmm.ContactMessage) contactMessageView {
	return contactMessageView{
		ID: m.ID, Name: m.Name, Email: m.Email, Phone: m.Phone, Subject: m.Subject, Message: m.Message,
		Status: m.Status, CreatedAt: smmm.FormatTime(m.CreatedAt), UpdatedAt: smmm.FormatTime(m.UpdatedAt),
	}
}

func viewContactMessages(list []smmm.ContactMessage) []contactMessageView {
	out := make([]contactMessageView, len(list))
	for i, m := range list {
		out[i] = viewContactMessage(m)
	}
	return out
}

type aboutView struct {
	ID          string              `json:"id"`
	Title       string              `json:"title"`
	Subtitle    *string             `json:"subtitle"`
	Description string              `json:"description"`
	Image       *string             `json:"image"`
	CreatedAt   string              `json:"createdAt"`
	UpdatedAt   string              `json:"updatedAt"`
	Features    []smmm.AboutFeature `json:"features"`
}

func viewAbout(s smmm.AboutSection) aboutView {
	v := aboutView{
		ID: s.ID, Title: s.Title, Subtitle: s.Subtitle, Description: s.Description, Image: s.Image,
		CreatedAt: smmm.FormatTime(s.CreatedAt), UpdatedAt: smmm.FormatTime(s.UpdatedAt), Features: s.Features,
	}
	if v.Features == nil {
		v.Features = []smmm.AboutFeature{}
	}
	return v
}
