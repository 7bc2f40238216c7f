//go:build !unix

package cli

// relayHangup does nothing where there is no SIGHUP.
func relayHangup() (stop func()) { return func() {} }
