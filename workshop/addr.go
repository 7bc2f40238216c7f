package workshop

import (
	"errors"
	"fmt"
	"net"
	"strconv"
)

// DefaultPort is the port tried first when --addr is not given; when it is
// taken, the system picks a free one.
const DefaultPort = 8765

// interfaceAddrs lists the up, non-loopback interfaces' addresses; a
// variable so tests can give other networks.
var interfaceAddrs = func() ([]net.Addr, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	var out []net.Addr
	for _, i := range ifs {
		if i.Flags&net.FlagUp == 0 || i.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := i.Addrs()
		if err != nil {
			continue
		}
		out = append(out, addrs...)
	}
	return out, nil
}

// lanIPv4 returns the first IPv4 address of an up, non-loopback interface
// (link-local 169.254.x.x addresses are skipped: no phone reaches them),
// or nil.
func lanIPv4() net.IP {
	addrs, err := interfaceAddrs()
	if err != nil {
		return nil
	}
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok {
			continue
		}
		ip := n.IP.To4()
		if ip != nil && !ip.IsLoopback() && !ip.IsLinkLocalUnicast() && !ip.IsUnspecified() {
			return ip
		}
	}
	return nil
}

// Listen opens the room's listener. With addr ("HOST:PORT") it listens
// there; without, on the first LAN IPv4 address at DefaultPort (or a free
// port), falling back to loopback with a note when there is no network.
// It returns the host:port participants should type.
func Listen(addr string) (ln net.Listener, shown, note string, err error) {
	if addr == "" {
		ip := lanIPv4()
		host := "127.0.0.1"
		if ip == nil {
			note = "No network connection found, so only this computer can join. Connect to the room's Wi-Fi (or a phone hotspot) and start the workshop again."
		} else {
			host = ip.String()
		}
		ln, err = net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(DefaultPort)))
		if err != nil {
			ln, err = net.Listen("tcp", net.JoinHostPort(host, "0"))
		}
		if err != nil {
			return nil, "", "", fmt.Errorf("cannot listen on %s: %w", host, err)
		}
		return ln, ln.Addr().String(), note, nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, "", "", fmt.Errorf("--addr %q: use HOST:PORT, such as 0.0.0.0:8765 or 127.0.0.1:0", addr)
	}
	ln, err = net.Listen("tcp", addr)
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) && op.Err != nil {
			err = op.Err
		}
		return nil, "", "", fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		// Listening everywhere: show the address phones can reach.
		if lan := lanIPv4(); lan != nil {
			return ln, net.JoinHostPort(lan.String(), port), "", nil
		}
		return ln, net.JoinHostPort("127.0.0.1", port), "No network connection found, so only this computer can join.", nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		note = "Listening on loopback: only this computer can join. Leave out --addr to let phones on the network join."
	}
	return ln, net.JoinHostPort(host, port), note, nil
}
