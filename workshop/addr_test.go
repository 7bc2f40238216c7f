package workshop

import (
	"net"
	"strings"
	"testing"
)

func fakeAddrs(t *testing.T, cidrs ...string) {
	t.Helper()
	old := interfaceAddrs
	t.Cleanup(func() { interfaceAddrs = old })
	var list []net.Addr
	for _, c := range cidrs {
		ip, n, err := net.ParseCIDR(c)
		if err != nil {
			t.Fatal(err)
		}
		n.IP = ip
		list = append(list, n)
	}
	interfaceAddrs = func() ([]net.Addr, error) { return list, nil }
}

// TestLANAddress: the first IPv4 address phones can reach is shown; IPv6,
// loopback and link-local addresses are skipped.
func TestLANAddress(t *testing.T) {
	fakeAddrs(t, "fe80::1/64", "169.254.3.4/16", "127.0.0.2/8", "192.168.1.23/24", "10.0.0.5/8")
	if ip := lanIPv4(); ip.String() != "192.168.1.23" {
		t.Errorf("lanIPv4 = %v, want 192.168.1.23", ip)
	}
	fakeAddrs(t, "fe80::1/64")
	if ip := lanIPv4(); ip != nil {
		t.Errorf("lanIPv4 = %v with no IPv4 network", ip)
	}
}

// TestListen: --addr is honoured with the port actually bound; listening
// everywhere shows the LAN address; loopback says only this computer can
// join; a malformed address is an error naming the flag.
func TestListen(t *testing.T) {
	ln, shown, note, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if !strings.HasPrefix(shown, "127.0.0.1:") || strings.HasSuffix(shown, ":0") || !strings.Contains(note, "only this computer") {
		t.Errorf("shown %q, note %q", shown, note)
	}
	fakeAddrs(t, "192.0.2.7/24")
	ln, shown, _, err = Listen("0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if !strings.HasPrefix(shown, "192.0.2.7:") {
		t.Errorf("listening everywhere shows %q, want the LAN address", shown)
	}
	if _, _, _, err := Listen("8765"); err == nil || !strings.Contains(err.Error(), "--addr") {
		t.Errorf("malformed --addr: %v", err)
	}
	fakeAddrs(t)
	ln, shown, note, err = Listen("")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if !strings.HasPrefix(shown, "127.0.0.1:") || !strings.Contains(note, "No network") {
		t.Errorf("without a network: shown %q, note %q", shown, note)
	}
}
