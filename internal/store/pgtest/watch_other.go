//go:build !unix

package pgtest

// watch: elsewhere the server is stopped by Stop only.
func (p *Server) watch() {}
