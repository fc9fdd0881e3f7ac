// Jest reads testTimeout only globally, not per project: the integration tests wait on real servers and timers.
jest.setTimeout(120_000);
