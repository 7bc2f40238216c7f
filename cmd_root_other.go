//go:build !unix

package main

// relayHangup does nothing where there is no SIGHUP.
func relayHangup() (stop func()) { return func() {} }
