"""TLS is always verified: a platform signed by an unknown CA is refused unless its CA
bundle is configured (``trust=PATH``); the OS-store option verifies too."""
from __future__ import annotations

import datetime
import http.server
import ipaddress
import json
import ssl
import threading

import pytest

from client.errors import PlatformError
from client.sync.http import PlatformClient, RetryPolicy


def _make_ca_and_server_cert(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Corp Root CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(1)
          .not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    ca_pem = tmp_path / "corp-root.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_pem = tmp_path / "server.pem"
    cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return ca_pem, cert_pem


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        body = json.dumps({"ok": True}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


@pytest.fixture
def tls_server(tmp_path):
    ca_pem, cert_pem = _make_ca_and_server_cert(tmp_path)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert_pem)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}", ca_pem
    httpd.shutdown()
    httpd.server_close()


FAST = RetryPolicy(attempts=2, base=0.01, cap=0.05)


@pytest.mark.parametrize("trust", ["certifi", "system"])
def test_unknown_ca_is_refused(tls_server, trust):
    url, _ca = tls_server
    c = PlatformClient(url, "d", retry=FAST, trust=trust)
    try:
        with pytest.raises(PlatformError) as info:
            c.get("/v1/enterprise", auth=False)
        assert "安全证书" in info.value.message_zh
    finally:
        c.close()


def test_company_ca_bundle_is_trusted(tls_server):
    url, ca = tls_server
    c = PlatformClient(url, "d", retry=FAST, trust=str(ca))
    try:
        assert c.get("/v1/enterprise", auth=False) == {"ok": True}
    finally:
        c.close()


def test_system_store_mode_verifies_with_the_os_context(tls_server):
    """The "system" adapter really uses its own SSL context: trusting the CA there works."""
    url, ca = tls_server
    c = PlatformClient(url, "d", retry=FAST, trust="system")
    try:
        c.session.get_adapter(url)._ctx.load_verify_locations(str(ca))  # as if installed in the OS
        assert c.get("/v1/enterprise", auth=False) == {"ok": True}
    finally:
        c.close()
