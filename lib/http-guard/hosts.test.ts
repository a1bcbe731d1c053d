import { describe, expect, it } from 'vitest';
import {
  hostnameOf,
  interfaceAddresses,
  isAllowedHostname,
  isLoopbackName,
  namesForListenHost,
} from './hosts';

describe('host names', () => {
  it('reads the name of a Host header without its port, lower-cased, IPv6 in brackets', () => {
    expect(hostnameOf('LocalHost:4020')).toBe('localhost');
    expect(hostnameOf('[::1]:4010')).toBe('[::1]');
    expect(hostnameOf('127.0.0.1')).toBe('127.0.0.1');
  });

  it('finds no name in a malformed Host header', () => {
    expect(hostnameOf('')).toBeNull();
    expect(hostnameOf('evil.test:80:90')).toBeNull();
    expect(hostnameOf('[::1')).toBeNull();
    expect(hostnameOf('a b')).toBeNull();
  });

  it('counts localhost, its subdomains, 127.0.0.0/8 and [::1] as loopback', () => {
    for (const name of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]']) {
      expect(isLoopbackName(name)).toBe(true);
    }
    for (const name of ['localhost.evil.test', '128.0.0.1', '0.0.0.0', '[::]', 'evil.test']) {
      expect(isLoopbackName(name)).toBe(false);
    }
  });

  it('allows a named host exactly, and a dotted entry with its subdomains', () => {
    expect(isAllowedHostname('sim.test', ['sim.test'])).toBe(true);
    expect(isAllowedHostname('a.sim.test', ['sim.test'])).toBe(false);
    expect(isAllowedHostname('a.dev.test', ['.dev.test'])).toBe(true);
    expect(isAllowedHostname('dev.test', ['.dev.test'])).toBe(true);
    expect(isAllowedHostname('evildev.test', ['.dev.test'])).toBe(false);
    expect(isAllowedHostname('rebind.evil.test', [])).toBe(false);
  });

  it('answers a wildcard listen address to every interface address, and a plain one to itself', () => {
    expect(namesForListenHost('0.0.0.0', () => ['192.168.1.5', '[fd00::1]'])).toEqual([
      '192.168.1.5',
      '[fd00::1]',
    ]);
    expect(namesForListenHost('192.168.1.5')).toEqual(['192.168.1.5']);
    expect(namesForListenHost('::1')).toEqual(['[::1]']);
  });

  it('lists interface addresses IPv4 first, IPv6 in brackets, without loopback or link-local ones', () => {
    const base = { netmask: '', mac: '', internal: false, cidr: null };
    expect(
      interfaceAddresses({
        eth0: [
          { ...base, address: 'fe80::1', family: 'IPv6', scopeid: 1 },
          { ...base, address: 'fd00::5', family: 'IPv6', scopeid: 0 },
          { ...base, address: '10.0.0.5', family: 'IPv4' },
        ],
        lo: [{ ...base, address: '127.0.0.1', family: 'IPv4', internal: true }],
      }),
    ).toEqual(['10.0.0.5', '[fd00::5]']);
  });
});
