package smmm

import "strings"

// ApplicationStatuses are the values of JobApplication.Status, in workflow
// order.
var ApplicationStatuses = []string{"NEW", "REVIEWING", "INTERVIEWED", "ACCEPTED", "REJECTED"}

// JobApplication is an application sent through the public careers form,
// with an optional CV stored as base64 in the row, as in the original.
type JobApplication struct {
	Record
	Name        string  `json:"name"`
	Email       string  `json:"email"`
	Phone       string  `json:"phone"`
	Position    string  `json:"position"`
	Experience  string  `json:"experience"`
	Education   string  `json:"education"`
	CoverLetter *string `json:"coverLetter"`
	CVFileName  *string `json:"cvFileName"`
	// CVFileData is the CV as base64 (a data: URL is accepted too and
	// stored as its base64 part). Answers leave it out: the CV is
	// downloaded from CVURL.
	CVFileData *string `json:"cvFileData,omitempty"`
	CVMimeType *string `json:"cvMimeType"`
	Status     string  `json:"status"`
	// CVURL is where an ADMIN downloads the CV; empty without one.
	CVURL string `json:"cvUrl,omitempty"`
}

// Defaults sets the status of a new application.
func (a *JobApplication) Defaults() { a.Status = ApplicationStatuses[0] }

// StatusField returns the status and its values.
func (a *JobApplication) StatusField() (*string, []string) { return &a.Status, ApplicationStatuses }

// Normalize trims the text; blank optional text becomes nil. A CV sent as
// a data: URL keeps only its base64 part, and its type is taken from its
// bytes, not from what the client declared.
func (a *JobApplication) Normalize() {
	trim(&a.Name, &a.Email, &a.Phone, &a.Position, &a.Experience, &a.Education)
	trimOpt(&a.CoverLetter, &a.CVFileName, &a.CVFileData, &a.CVMimeType)
	a.CVURL = ""
	if a.CVFileData == nil {
		a.CVMimeType = nil
		return
	}
	if _, data, ok := strings.Cut(*a.CVFileData, ";base64,"); ok && strings.HasPrefix(*a.CVFileData, "data:") {
		a.CVFileData = &data
	}
	if f, err := ParseBase64(*a.CVFileData); err == nil && IsDocumentType(f.Type) {
		a.CVMimeType = &f.Type
	}
}

// Valid says what is wrong with each field.
func (a *JobApplication) Valid() map[string]string {
	c := checker{}
	c.str("name", a.Name)
	c.email("email", &a.Email)
	c.phone("phone", a.Phone)
	c.str("position", a.Position)
	c.str("experience", a.Experience)
	c.str("education", a.Education)
	c.optText("coverLetter", a.CoverLetter)
	c.optStr("cvFileName", a.CVFileName)
	if a.CVFileData != nil {
		if len(*a.CVFileData) > base64Len(MaxCVBytes) {
			c.fail("cvFileData", "must be at most "+sizeText(MaxCVBytes))
		} else if f, err := ParseBase64(*a.CVFileData); err != nil {
			c.fail("cvFileData", err.Error())
		} else if !IsDocumentType(f.Type) {
			c.fail("cvFileData", "must be a PDF, DOC or DOCX file")
		}
	}
	c.formStatus(&a.Status, ApplicationStatuses)
	return c
}
