package main

import (
	"testing"

	"smmm/auth"
)

func TestConfigBcryptCost(t *testing.T) {
	for v, want := range map[string]int{"": auth.DefaultBcryptCost, "4": 4, " 10 ": 10, "16": 16} {
		c, err := loadConfig(func(k string) string { return map[string]string{"BCRYPT_COST": v}[k] })
		if err != nil || c.bcryptCost != want {
			t.Errorf("BCRYPT_COST=%q: cost %d, %v; want %d", v, c.bcryptCost, err, want)
		}
	}
}
