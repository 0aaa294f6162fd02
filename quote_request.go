package smmm

// QuoteStatuses are the values of QuoteRequest.Status, in workflow order.
var QuoteStatuses = []string{"NEW", "PENDING", "REVIEWED", "CONTACTED", "COMPLETED"}

// QuoteRequest is a request for a price offer, sent through the public
// quote form.
type QuoteRequest struct {
	Record
	Name        string  `json:"name"`
	Email       string  `json:"email"`
	Phone       string  `json:"phone"`
	Company     string  `json:"company"`
	ServiceType string  `json:"serviceType"`
	Message     *string `json:"message"`
	Status      string  `json:"status"`
}

// Defaults sets the status of a new request.
func (q *QuoteRequest) Defaults() { q.Status = QuoteStatuses[0] }

// StatusField returns the status and its values.
func (q *QuoteRequest) StatusField() (*string, []string) { return &q.Status, QuoteStatuses }

// Normalize trims the text; a blank message becomes nil.
func (q *QuoteRequest) Normalize() {
	trim(&q.Name, &q.Email, &q.Phone, &q.Company, &q.ServiceType)
	trimOpt(&q.Message)
}

// Valid says what is wrong with each field.
func (q *QuoteRequest) Valid() map[string]string {
	c := checker{}
	c.str("name", q.Name)
	c.email("email", &q.Email)
	c.phone("phone", q.Phone)
	c.str("company", q.Company)
	c.str("serviceType", q.ServiceType)
	c.optText("message", q.Message)
	c.formStatus(&q.Status, QuoteStatuses)
	return c
}
