package pgtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TLSServer is a second test server that accepts only encrypted
// connections, with a certificate for "localhost" signed by a test
// certificate authority (CA, the file to give as sslrootcert). Another
// authority's certificate (OtherCA) verifies nothing on it.
type TLSServer struct {
	*Server
	CA, OtherCA string
}

var (
	tlsOnce sync.Once
	tlsSrv  *TLSServer
	tlsErr  error
)

// RequireTLS returns the TLS test server, starting it on first use; see
// Require for what happens without PostgreSQL.
func RequireTLS(t testing.TB) *TLSServer {
	t.Helper()
	Require(t)
	tlsOnce.Do(func() { tlsSrv, tlsErr = startTLS() })
	if tlsErr != nil {
		t.Fatalf("PostgreSQL TLS test server: %v", tlsErr)
	}
	return tlsSrv
}

func startTLS() (*TLSServer, error) {
	p, err := initServer()
	if err != nil {
		return nil, err
	}
	s := &TLSServer{Server: p}
	caKey, caCert, caPEM, err := newCA("ReplyDesk test CA")
	if err != nil {
		return nil, err
	}
	_, _, otherPEM, err := newCA("Another CA")
	if err != nil {
		return nil, err
	}
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "localhost"},
		DNSNames:     []string{"localhost"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, caCert, &key.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	keyDER, _ := x509.MarshalECPrivateKey(key)
	files := map[string][]byte{
		filepath.Join(p.data, "server.crt"): pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		filepath.Join(p.data, "server.key"): pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}),
	}
	s.CA, s.OtherCA = filepath.Join(p.dir, "ca.crt"), filepath.Join(p.dir, "other.crt")
	files[s.CA], files[s.OtherCA] = caPEM, otherPEM
	for f, b := range files {
		if err := os.WriteFile(f, b, 0o600); err != nil {
			return nil, err
		}
		if err := p.own(f); err != nil {
			return nil, err
		}
		if filepath.Ext(f) == ".crt" && filepath.Dir(f) == p.dir {
			os.Chmod(f, 0o644)
		}
	}
	os.Chmod(p.dir, 0o755)
	hba := "hostssl all all 127.0.0.1/32 scram-sha-256\nhostnossl all all 127.0.0.1/32 reject\n"
	if err := os.WriteFile(filepath.Join(p.data, "pg_hba.conf"), []byte(hba), 0o600); err != nil {
		return nil, err
	}
	if err := p.own(filepath.Join(p.data, "pg_hba.conf")); err != nil {
		return nil, err
	}
	if err := p.configure("ssl = on\n"); err != nil {
		return nil, err
	}
	if err := p.startServer(); err != nil {
		return nil, err
	}
	p.watch()
	return s, nil
}

// newCA makes a self-signed certificate authority.
func newCA(name string) (*ecdsa.PrivateKey, *x509.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	return key, cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), err
}

// HostURL is the address of database db on the TLS server as host (e.g.
// "localhost" or "127.0.0.1"), with the given sslmode and root
// certificate ("" for none).
func (s *TLSServer) HostURL(host, db, sslmode, rootcert string) string {
	u := fmt.Sprintf("postgres://%s@%s/%s?sslmode=%s", User, net.JoinHostPort(host, strconv.Itoa(s.Port)), db, sslmode)
	if rootcert != "" {
		u += "&sslrootcert=" + rootcert
	}
	return u
}
