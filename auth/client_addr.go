package auth

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ClientAddr returns the address of the client that sent r, the key of
// per-address throttling. It is the connection's peer unless that peer is
// one of Options.TrustedProxies: then X-Forwarded-For is walked from the
// right, past every trusted proxy, to the first address no trusted proxy
// vouches for. Entries to the left of it could be forged by the client and
// are ignored; so is everything from an entry that is not an address. With
// no trusted proxies, X-Forwarded-For is never believed.
func (s *Sessions) ClientAddr(r *http.Request) string {
	peer, ok := peerAddr(r)
	if !ok {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			return r.RemoteAddr
		}
		return host
	}
	if !s.trusted(peer) {
		return peer.String()
	}
	addr := peer
	hops := forwardedFor(r)
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := parseHop(hops[i])
		if !ok {
			break
		}
		addr = a
		if !s.trusted(a) {
			break
		}
	}
	return addr.String()
}

// viaTrustedProxy reports whether r came through a trusted proxy, whose
// X-Forwarded-* headers may be believed.
func (s *Sessions) viaTrustedProxy(r *http.Request) bool {
	peer, ok := peerAddr(r)
	return ok && s.trusted(peer)
}

func (s *Sessions) trusted(a netip.Addr) bool {
	for _, p := range s.opts.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

func peerAddr(r *http.Request) (netip.Addr, bool) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap().WithZone(""), true
}

// forwardedFor returns the hops of every X-Forwarded-For header, in order.
func forwardedFor(r *http.Request) []string {
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		for h := range strings.SplitSeq(v, ",") {
			hops = append(hops, strings.TrimSpace(h))
		}
	}
	return hops
}

// parseHop parses one X-Forwarded-For entry: an address, possibly with a
// port ("192.0.2.1:5000", "[2001:db8::1]:5000") as some proxies write it.
func parseHop(h string) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(h); err == nil {
		return a.Unmap().WithZone(""), true
	}
	if ap, err := netip.ParseAddrPort(h); err == nil {
		return ap.Addr().Unmap().WithZone(""), true
	}
	return netip.Addr{}, false
}
