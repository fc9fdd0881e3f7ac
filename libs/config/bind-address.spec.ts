import { bindHostSchema, isLoopback, socketAddress } from './bind-address';

describe('bind addresses', () => {
  it('takes IP addresses and localhost, no other names', () => {
    expect(['127.0.0.1', '0.0.0.0', '::', '::1', '10.0.0.5', 'localhost'].filter((h) => !bindHostSchema.safeParse(h).success)).toEqual([]);
    expect(['tdkt.local', '127.0.0.1:3000', ''].filter((h) => bindHostSchema.safeParse(h).success)).toEqual([]);
  });

  it('knows the loopback addresses from the others', () => {
    expect(['127.0.0.1', '127.0.1.1', '::1', 'localhost'].filter((h) => !isLoopback(h))).toEqual([]);
    expect(['0.0.0.0', '::', '10.0.0.5', '::ffff:127.0.0.1'].filter(isLoopback)).toEqual([]);
  });

  it('writes an IP address and port, an IPv6 address in brackets', () => {
    expect(socketAddress('127.0.0.1', 9464)).toBe('127.0.0.1:9464');
    expect(socketAddress('localhost', 9464)).toBe('127.0.0.1:9464');
    expect(socketAddress('::', 9464)).toBe('[::]:9464');
  });
});
