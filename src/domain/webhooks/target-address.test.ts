import { describe, expect, it } from 'vitest';
import { judgeAddress } from './target-address.js';
import { resolvedAddressesProblem, STRICT_TARGET_RULES, webhookUrlProblem } from './webhook-url.js';

describe('webhook target addresses', () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.8.8.8', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['169.254.169.254', 'linkLocal'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['192.0.2.10', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['[::1]', 'loopback'],
    ['2002:7f00:1::', '6to4'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['not-an-ip', 'not an IP address'],
  ])('refuses %s (%s)', (address, range) => {
    expect(judgeAddress(address)).toEqual({ allowed: false, range });
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(judgeAddress(address)).toEqual({ allowed: true });
  });
});

describe('webhook URLs', () => {
  const loose = { allowHttp: true, allowPrivateTargets: true };
  it.each([
    ['http://hooks.example.com/x', 'an https:// URL'],
    ['ftp://hooks.example.com/x', 'an https:// URL'],
    ['https://user:pw@hooks.example.com/', 'must not carry a user name or password'],
    ['https://hooks.example.com/#x', 'must not have a #fragment'],
    ['https://127.0.0.1/hook', 'refused: 127.0.0.1 is a loopback address'],
    ['https://[::1]:8443/hook', 'refused: [::1] is a loopback address'],
    ['https://169.254.169.254/latest/meta-data', 'refused: 169.254.169.254 is a linkLocal address'],
    ['https://2130706433/', 'refused: 127.0.0.1 is a loopback address'],
    ['https://0x7f.1/', 'refused: 127.0.0.1 is a loopback address'],
    ['nonsense', 'not a URL'],
  ])('refuses %s by default: %s', (url, problem) => {
    expect(webhookUrlProblem(url, STRICT_TARGET_RULES)).toBe(problem);
  });

  it('takes https to a named host, and http or private targets only when configured', () => {
    expect(webhookUrlProblem('https://hooks.example.com/closepath', STRICT_TARGET_RULES)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', loose)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', { ...loose, allowPrivateTargets: false })).toBe(
      'refused: 127.0.0.1 is a loopback address',
    );
  });

  it('refuses a host when any address it resolves to is not public', () => {
    expect(resolvedAddressesProblem('a.example', ['93.184.215.14'])).toBeNull();
    expect(resolvedAddressesProblem('a.example', ['93.184.215.14', '10.0.0.5'])).toBe(
      'refused: a.example resolves to 10.0.0.5, a private address',
    );
    expect(resolvedAddressesProblem('a.example', [])).toBe('a.example does not resolve');
  });
});
