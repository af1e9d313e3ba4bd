import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

export interface TestCertificate {
  key: string;
  cert: string;
}

/**
 * A self-signed certificate for 127.0.0.1, made for this test process with openssl (nothing committed, no
 * key outlives the run). Vendor SDKs insist on HTTPS (docusign-esign builds `https://<oauth host>`), so the
 * fakes serve HTTPS and the test process trusts this one certificate on top of the usual roots.
 */
export function makeTestCertificate(): TestCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'closepath-fake-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Node's default HTTPS agent (the SDKs' transport) trusts the fake's certificate in this process. */
export function trustInThisProcess(certificate: TestCertificate): void {
  https.globalAgent.options.ca = [...tls.rootCertificates, certificate.cert];
}
