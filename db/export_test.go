package db

// HealthInFlight reports whether a check of d.Health is in flight and how
// many callers wait for it, so that tests know when every caller has joined.
func HealthInFlight(d *DB) (inFlight bool, waiters int) { return d.healthInFlight() }
