// Creates or updates the campaigns' Temporal schedules as configured, as the worker does when it
// starts; for changing SCHEDULE_REGULAR / SCHEDULE_THEMED without a restart. Run with the worker's environment.
import { Client, Connection } from '@temporalio/client';
import { payloadDataConverter } from '../libs/codec/data-converter';
import { syncSchedules } from '../libs/campaigns/schedules';
import { loadConfig } from '../libs/config/config';
import { temporalConnectionOptions } from '../libs/config/temporal-connection';

async function main(): Promise<void> {
  const config = loadConfig();
  const connection = await Connection.connect(temporalConnectionOptions(config));
  try {
    const outcomes = await syncSchedules(
      new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: payloadDataConverter(config.PAYLOAD_KEYS) }),
      config,
    );
    for (const { scheduleId, outcome } of outcomes) console.log(`${scheduleId}: ${outcome}`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
