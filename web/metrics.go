package web

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"smmm"
	"smmm/db"
)

// Metrics holds smmm's Prometheus metrics in their own registry (never the
// global default one). Pool numbers are read from db.Stats at scrape time,
// so they cost nothing between scrapes.
type Metrics struct {
	reg           *prometheus.Registry
	queryDuration *prometheus.HistogramVec
	dbErrors      *prometheus.CounterVec
	httpDuration  *prometheus.HistogramVec
}

// NewMetrics returns the metrics with the Go runtime and process
// collectors registered.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		queryDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "smmm_db_query_duration_seconds",
			Help:    "Time of each database statement, from asking for a connection to the end of its result, by operation.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"op"}),
		dbErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "smmm_db_errors_total",
			Help: "Failed database statements by error kind.",
		}, []string{"kind"}),
		httpDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "smmm_http_request_duration_seconds",
			Help:    "Time to answer HTTP requests, by route pattern and status code.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route", "code"}),
	}
	for _, k := range db.Kinds() {
		if k != db.KindUnknown {
			m.dbErrors.WithLabelValues(k.String()) // show every kind from the start, at 0
		}
	}
	m.reg.MustRegister(m.queryDuration, m.dbErrors, m.httpDuration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// ObserveQuery records one finished statement; pass it as db.Options.OnQuery.
// Operation names come from a bounded set of statements, so the op label
// stays bounded.
func (m *Metrics) ObserveQuery(ev db.QueryEvent) {
	m.queryDuration.WithLabelValues(ev.Op).Observe(ev.Duration.Seconds())
	if ev.Err != nil {
		m.dbErrors.WithLabelValues(ev.Kind.String()).Inc()
	}
}

// WatchPool exports d's pool statistics.
func (m *Metrics) WatchPool(d *db.DB) {
	m.reg.MustRegister(poolCollector{d})
}

// observeRequest records one answered request under its route pattern
// ("" for requests no route matched, so paths never become labels).
func (m *Metrics) observeRequest(route string, code int, took time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	m.httpDuration.WithLabelValues(route, strconv.Itoa(code)).Observe(took.Seconds())
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

var (
	descMax      = prometheus.NewDesc("smmm_db_pool_max_connections", "Most connections the pool may open.", nil, nil)
	descConns    = prometheus.NewDesc("smmm_db_pool_connections", "Connections of the pool by state.", []string{"state"}, nil)
	descWaits    = prometheus.NewDesc("smmm_db_pool_wait_total", "Acquisitions that had to wait for a free connection.", nil, nil)
	descWaitSecs = prometheus.NewDesc("smmm_db_pool_wait_seconds_total", "Total time spent waiting for a free connection.", nil, nil)
	descTimeouts = prometheus.NewDesc("smmm_db_pool_acquire_timeouts_total", "Waits that ended in a pool timeout.", nil, nil)
	descRetries  = prometheus.NewDesc("smmm_db_retries_total", "Statements and transactions run again after a retryable failure.", nil, nil)
	descBreaker  = prometheus.NewDesc("smmm_db_breaker_open", "1 while the circuit breaker fails fast because the database is unreachable.", nil, nil)
	descOpened   = prometheus.NewDesc("smmm_db_connections_opened_total", "Connections opened.", nil, nil)
	descConnErrs = prometheus.NewDesc("smmm_db_connect_errors_total", "Failed attempts to open a connection.", nil, nil)
	descLeaks    = prometheus.NewDesc("smmm_db_leaks_total", "Connections held longer than leak_detection_threshold.", nil, nil)
)

// poolCollector reads db.Stats at scrape time.
type poolCollector struct{ d *db.DB }

func (c poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descMax, descConns, descWaits, descWaitSecs, descTimeouts, descRetries, descBreaker, descOpened, descConnErrs, descLeaks} {
		ch <- d
	}
}

func (c poolCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.d.Stats()
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	counter := func(d *prometheus.Desc, v float64) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, v)
	}
	gauge(descMax, float64(s.MaxConns))
	gauge(descConns, float64(s.Open), "open")
	gauge(descConns, float64(s.InUse), "in_use")
	gauge(descConns, float64(s.Idle), "idle")
	counter(descWaits, float64(s.WaitCount))
	counter(descWaitSecs, s.WaitDuration.Seconds())
	counter(descTimeouts, float64(s.AcquireTimeouts))
	counter(descRetries, float64(s.Retries))
	breaker := 0.0
	if s.BreakerOpen {
		breaker = 1
	}
	gauge(descBreaker, breaker)
	counter(descOpened, float64(s.ConnsOpened))
	counter(descConnErrs, float64(s.ConnectErrors))
	counter(descLeaks, float64(s.Leaks))
}

// handleMetrics serves /metrics to anyone with the bearer token and,
// outside production, to loopback clients that did not come through a
// proxy. With MetricsOff it is not served here (METRICS_ADDR has its own
// listener), nor in production without a token.
func (s *server) handleMetrics(w http.ResponseWriter, r *http.Request) error {
	if s.MetricsOff || s.Production && s.MetricsToken == "" {
		return errNotFoundRoute
	}
	if !s.metricsAllowed(r) {
		if s.Production {
			return smmm.Errorf(smmm.EUNAUTHORIZED, "metrics need Authorization: Bearer <METRICS_TOKEN>")
		}
		return smmm.Errorf(smmm.EUNAUTHORIZED, "metrics need a loopback client or Authorization: Bearer <METRICS_TOKEN>")
	}
	s.Metrics.Handler().ServeHTTP(w, r)
	return nil
}

func (s *server) metricsAllowed(r *http.Request) bool {
	if s.MetricsToken != "" {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.MetricsToken)) == 1 {
			return true
		}
	}
	if s.Production {
		return false
	}
	if r.Header.Get("X-Forwarded-For") != "" {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}
