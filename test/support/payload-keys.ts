/**
 * Test-only payload key (no secret, never used outside the tests): the harness encrypts with it, and
 * the recorded encrypted histories (test/fixtures/histories/nomination-v4-encrypted-*) were written with it.
 */
export const TEST_PAYLOAD_KEYS = 'test-2026:dGVzdC1vbmx5IHBheWxvYWQga2V5LCBubyBzZWNyZXQ=';
