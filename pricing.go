package smmm

import (
	"encoding/json"
	"strconv"
)

// PricingPlan is a price package with its feature lines.
type PricingPlan struct {
	Record
	Name        string  `json:"name"`
	Price       string  `json:"price"`
	Period      string  `json:"period"`
	Description *string `json:"description"`
	IsPopular   bool    `json:"isPopular"`
	IsActive    bool    `json:"isActive"`
	Order       int     `json:"order"`
	// Features are written with the plan, in one transaction, in the order
	// given; never nil in a plan the store returns.
	Features []PricingFeature `json:"features"`
}

// PricingFeature is one line of a plan. In a request it may also be a
// plain string, as the original's admin panel sends it.
type PricingFeature struct {
	ID         string `json:"id"`
	PlanID     string `json:"planId"`
	Text       string `json:"text"`
	IsIncluded bool   `json:"isIncluded"`
	Order      int    `json:"order"`
}

// UnmarshalJSON accepts a string (an included feature) or an object whose
// isIncluded defaults to true.
func (f *PricingFeature) UnmarshalJSON(b []byte) error {
	var text string
	if json.Unmarshal(b, &text) == nil {
		*f = PricingFeature{Text: text, IsIncluded: true}
		return nil
	}
	var in struct {
		ID         string `json:"id"`
		PlanID     string `json:"planId"`
		Text       string `json:"text"`
		IsIncluded *bool  `json:"isIncluded"`
		Order      int    `json:"order"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	*f = PricingFeature{ID: in.ID, PlanID: in.PlanID, Text: in.Text, IsIncluded: in.IsIncluded == nil || *in.IsIncluded, Order: in.Order}
	return nil
}

// Defaults sets the column defaults of a new plan.
func (p *PricingPlan) Defaults() { p.Period, p.IsActive = "ay", true }

// Normalize trims the text; blank optional text becomes nil; features get
// their position as order.
func (p *PricingPlan) Normalize() {
	trim(&p.Name, &p.Price, &p.Period)
	trimOpt(&p.Description)
	for i := range p.Features {
		trim(&p.Features[i].Text)
		p.Features[i].Order = i
	}
}

// Valid says what is wrong with each field.
func (p *PricingPlan) Valid() map[string]string {
	c := checker{}
	c.str("name", p.Name)
	c.str("price", p.Price)
	c.optStr("period", nonEmpty(p.Period)) // may be empty, as for the original's "Özel Fiyat" plan
	c.optText("description", p.Description)
	c.order("order", p.Order)
	if len(p.Features) > MaxItems {
		c.fail("features", "must have at most "+strconv.Itoa(MaxItems)+" items")
	}
	for i, f := range p.Features {
		c.str("features["+strconv.Itoa(i)+"].text", f.Text)
	}
	return c
}
